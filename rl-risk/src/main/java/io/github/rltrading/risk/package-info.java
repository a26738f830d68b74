/**
 * Risk gates for the {@link io.github.rltrading.core.RiskChain}, each found by name through
 * {@link io.github.rltrading.core.spi.RiskGateProvider}: {@code max-position}, {@code max-leverage},
 * {@code stop-target}, {@code daily-loss}, {@code max-drawdown}, {@code min-confidence},
 * {@code max-trades-per-day}, {@code order-rate}, {@code price-sanity}, {@code trading-hours},
 * {@code var}, {@code disagreement} and {@code kill-switch}; the persisted {@link
 * io.github.rltrading.risk.KillSwitch}; and {@link io.github.rltrading.risk.FallbackPolicy}, the rules
 * policy used when a model fails.
 *
 * <p>Every gate limits only what adds risk: a proposal that reduces or closes a position always
 * passes the size limits and the breakers, so a gate can never trap a position. Gates keep their
 * approval verdict cached, so the approve path of the default chain allocates nothing.
 */
package io.github.rltrading.risk;
