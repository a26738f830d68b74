package io.github.rltrading.core;

/**
 * Code a host runs on the session's loop thread at fixed points of {@link TradingSession#run()}:
 * where the session's parts (portfolio, risk gates) can be read and changed safely. The state store
 * ({@link io.github.rltrading.core.state.SessionStateStore}) is one; a monitor that publishes the
 * position is another. A hook that throws is reported and the session goes on.
 */
public interface SessionHook {

    /** After {@link TradingSession#start()}: the broker is connected, the gates are reset. */
    default void started(TradingSession session) {}

    /** After each poll of the feed: a bar was processed, or the poll timed out with none. */
    default void afterPoll(TradingSession session) {}

    /** When the loop ends, before the session's end is journalled. */
    default void finishing(TradingSession session) {}
}
