/**
 * Reasoners: a second opinion on trades. {@link io.github.rltrading.reasoning.LlmReasoner} asks a
 * language model (Ollama's DeepSeek-R1 by default, or any OpenAI-compatible endpoint) for
 * pre-trade assessments, post-trade reflections, risk assessments and the market regime, as JSON
 * read strictly by {@link io.github.rltrading.reasoning.Answers}; prompts are templates users can
 * override ({@link io.github.rltrading.reasoning.Prompts}); {@link
 * io.github.rltrading.reasoning.CachingReasoner} remembers answers for similar states. The session's
 * decision gate bounds every call with a deadline and falls back to the policy alone; a reasoner
 * never bypasses a risk gate.
 */
package io.github.rltrading.reasoning;
