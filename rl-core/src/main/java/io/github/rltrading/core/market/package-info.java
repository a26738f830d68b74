/**
 * Market data domain: {@link io.github.rltrading.core.market.Instrument} and its built-in
 * {@link io.github.rltrading.core.market.ContractSpecs}, {@link io.github.rltrading.core.market.Timeframe},
 * the immutable {@link io.github.rltrading.core.market.Bar} and the columnar, append-only
 * {@link io.github.rltrading.core.market.BarSeries} used on hot paths.
 */
package io.github.rltrading.core.market;
