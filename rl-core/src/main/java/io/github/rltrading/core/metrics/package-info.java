/**
 * Performance metrics of an equity curve or return series, defined as in the widely used
 * {@code empyrical} library: returns, volatility, Sharpe, Sortino, drawdown, Calmar, and trade
 * statistics. See {@link io.github.rltrading.core.metrics.PerformanceMetrics}.
 */
package io.github.rltrading.core.metrics;
