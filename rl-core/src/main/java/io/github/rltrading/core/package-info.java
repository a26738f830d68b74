/**
 * The RL Trading SDK core: the user-facing entry points {@link io.github.rltrading.core.TradingSession}
 * (the one decision loop shared by backtest, paper and live trading) and
 * {@link io.github.rltrading.core.Plugins} (the loader that finds environments, policies, risk
 * gates, reasoners, brokers and feeds on the class path).
 *
 * <p>Subpackages hold the domain model ({@code market}, {@code trading}, {@code decision}), the
 * plug-in interfaces ({@code spi}), configuration ({@code config}), the journal ({@code journal})
 * and performance metrics ({@code metrics}). This module depends only on SLF4J and Jackson; no
 * vendor type (DJL, Ta4j, NinjaTrader, Interactive Brokers, Ollama) ever appears in its API.
 */
package io.github.rltrading.core;
