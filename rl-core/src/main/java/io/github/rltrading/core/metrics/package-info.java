/**
 * Performance metrics of an equity curve or a return series, defined as in Python's
 * {@code empyrical} library so that results can be cross-checked: total and annual return,
 * volatility, Sharpe, Sortino, max drawdown (with where it happened), Calmar, trade statistics,
 * exposure and turnover.
 *
 * <pre>{@code
 * PerformanceReport r = PerformanceMetrics.builder()
 *         .equityCurve(equity)
 *         .periodsPerYear(PerformanceMetrics.periodsPerYear(Duration.ofMinutes(1), 6.5, 252))
 *         .compute();
 * System.out.println(r.summary());
 * }</pre>
 *
 * <p>Entry point: {@link io.github.rltrading.core.metrics.PerformanceMetrics}; result:
 * {@link io.github.rltrading.core.metrics.PerformanceReport}.
 */
package io.github.rltrading.core.metrics;
