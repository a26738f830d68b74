/**
 * What flows through a decision: the {@link io.github.rltrading.core.decision.Observation} a policy
 * sees, its {@link io.github.rltrading.core.decision.ActionSpace} and
 * {@link io.github.rltrading.core.decision.Action}, the resulting
 * {@link io.github.rltrading.core.decision.Decision}, the reasoner's
 * {@link io.github.rltrading.core.decision.Assessment} and
 * {@link io.github.rltrading.core.decision.Reflection}, and the risk chain's
 * {@link io.github.rltrading.core.decision.TradeProposal} and
 * {@link io.github.rltrading.core.decision.RiskVerdict}.
 */
package io.github.rltrading.core.decision;
