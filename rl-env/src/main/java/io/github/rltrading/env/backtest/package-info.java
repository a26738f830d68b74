/**
 * Backtests through the same {@link io.github.rltrading.core.TradingSession} that trades live,
 * with a replay feed and the simulated broker, baselines in the same run, and a run folder with a
 * manifest, metrics, equity, trades, the journal and an offline HTML report.
 */
package io.github.rltrading.env.backtest;
