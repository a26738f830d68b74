package io.github.rltrading.core.spi;

import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import java.time.Duration;
import java.util.Optional;

/**
 * A source of closed bars of one instrument and timeframe: a file replay, NinjaTrader's stream, a
 * broker's API. Pull-based so that a replay runs as fast as the session can go and a live feed
 * waits with a bound.
 *
 * <pre>{@code
 * while (!feed.isFinished()) {
 *     feed.next(Duration.ofSeconds(5)).ifPresent(session::onBar);
 * }
 * }</pre>
 */
public interface MarketDataFeed extends AutoCloseable {

    Instrument instrument();

    Timeframe timeframe();

    /**
     * The next closed bar, waiting at most {@code timeout}; empty when none arrived in time or the
     * feed is finished. Bars come in strictly increasing end time.
     */
    Optional<Bar> next(Duration timeout) throws InterruptedException;

    /** Whether no bar will ever come again (end of a replay, feed closed). */
    boolean isFinished();

    @Override
    default void close() {}

    /**
     * How many bars this feed will deliver in all, when it knows (a replay of stored bars); empty
     * for a live feed (the default). A session sizes its bar history and equity records for it up
     * front instead of growing them as it goes.
     */
    default java.util.OptionalInt expectedBars() {
        return java.util.OptionalInt.empty();
    }

    /**
     * Whether the bar just returned by {@link #next} is history replayed to warm the features up
     * (NinjaTrader's {@code State.Historical}) rather than a bar that closed live. The session
     * computes features on such bars but makes no decision and sends no order. False by default.
     */
    default boolean isWarmingUp() {
        return false;
    }

    /**
     * The session's decision on the bar ending {@code barEnd} (after the decision gate, before the
     * risk chain). A feed that answers its venue, such as NinjaTrader's strategy asking for each
     * bar's decision, reports it; others ignore it (the default). Called on the session's loop thread.
     */
    default void onDecision(java.time.Instant barEnd, io.github.rltrading.core.decision.Decision decision) {}
}
