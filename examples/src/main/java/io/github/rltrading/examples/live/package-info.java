/**
 * The live NinjaTrader 8 reference app: {@link io.github.rltrading.examples.live.LiveNt8App}
 * composes a {@link io.github.rltrading.core.TradingSession} from {@code live-nt8.yaml} (the
 * {@code nt8} feed and broker, the EMA-cross rules policy or a saved model, the risk chain,
 * optionally a reasoner) and keeps its state across restarts. See {@code docs/live-nt8.md}.
 */
package io.github.rltrading.examples.live;
