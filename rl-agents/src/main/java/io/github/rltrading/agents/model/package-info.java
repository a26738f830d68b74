/**
 * Saved models and trained agents as policies: {@link io.github.rltrading.agents.model.ModelStore}
 * (a directory with {@code model.json} and bit-exact {@code parameters.bin}), the
 * {@link io.github.rltrading.agents.model.Agent} view shared by PPO, SAC and DQN (an action with a
 * confidence, one observation at a time or a batch in one forward pass),
 * {@link io.github.rltrading.agents.model.AgentPolicy} (an agent as a session's policy),
 * {@link io.github.rltrading.agents.model.EnsemblePolicy} (several policies voting, weighted by
 * weight and confidence), and the {@code ppo}, {@code sac}, {@code dqn} and {@code ensemble} policy
 * providers.
 */
package io.github.rltrading.agents.model;
