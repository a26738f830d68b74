package io.github.rltrading.broker.nt8.protocol;

import java.util.Locale;

/** The {@code code} of an {@code error} message. */
public enum ErrorCode {
    /** The line is not a JSON object. */
    MALFORMED_JSON,
    /** {@code type} is missing or not a protocol v1 type. */
    UNKNOWN_TYPE,
    /** A required field is missing or has the wrong kind of value. */
    BAD_MESSAGE,
    /** The line is longer than the limit; it was skipped. */
    LINE_TOO_LONG,
    /** {@code v} is not a version this side speaks. */
    UNSUPPORTED_VERSION,
    /** The {@code hello} token does not match; the connection is closed. */
    NOT_AUTHORIZED,
    /** A message other than {@code hello} came first. */
    HELLO_REQUIRED,
    /** A reply names an {@code id} that no request is waiting for (late or out of order). */
    UNKNOWN_REQUEST,
    /** A {@code cancel} names an order the strategy is not working (unknown or already finished). */
    UNKNOWN_ORDER,
    /** The strategy could not cancel an order (it filled first, or NinjaTrader refused). */
    CANCEL_FAILED,
    /** No session on this bridge trades the instrument. */
    NO_SESSION,
    /** A newer connection for the same instrument replaced this one; it is closed. */
    REPLACED,
    /** Nothing was heard for longer than the idle timeout; the connection is closed. */
    IDLE,
    /** The peer does not read what is sent to it; the connection is closed. */
    SLOW_READER,
    /** The server is shutting down. */
    SHUTDOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
