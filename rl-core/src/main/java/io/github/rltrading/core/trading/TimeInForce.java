package io.github.rltrading.core.trading;

/** How long an order stays working. */
public enum TimeInForce {
    /** Until the end of the trading session. */
    DAY,
    /** Until cancelled. */
    GTC,
    /** Fill what can be filled at once, cancel the rest. */
    IOC,
    /** Fill all at once or nothing. */
    FOK
}
