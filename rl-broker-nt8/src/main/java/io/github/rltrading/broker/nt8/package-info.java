/**
 * The NinjaTrader 8 bridge: {@link io.github.rltrading.broker.nt8.Nt8Bridge} is a TCP server
 * that RlBridgeStrategy (a NinjaScript strategy, {@code csharp-adapters/nt8}) connects to;
 * {@link io.github.rltrading.broker.nt8.Nt8Broker} and {@link io.github.rltrading.broker.nt8.Nt8Feed}
 * let a {@link io.github.rltrading.core.TradingSession} trade through it unchanged. Configured by
 * name as {@code broker: nt8} and {@code feed: nt8}. The wire protocol is in
 * {@code docs/nt8-protocol.md}; setting NinjaTrader up is in {@code docs/nt8-setup.md}.
 */
package io.github.rltrading.broker.nt8;
