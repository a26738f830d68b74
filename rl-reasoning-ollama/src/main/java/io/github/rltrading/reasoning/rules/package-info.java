/**
 * {@link io.github.rltrading.reasoning.rules.RulesReasoner}: a deterministic reasoner from trend
 * agreement, volatility percentile, volume and VWAP distance, needing no language model.
 */
package io.github.rltrading.reasoning.rules;
