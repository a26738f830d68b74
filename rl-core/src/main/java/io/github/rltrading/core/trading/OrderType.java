package io.github.rltrading.core.trading;

/** How an order is priced. */
public enum OrderType {
    /** At the next available price. */
    MARKET,
    /** At the limit price or better. */
    LIMIT,
    /** Becomes a market order once the stop price trades. */
    STOP,
    /** Becomes a limit order at the limit price once the stop price trades. */
    STOP_LIMIT;

    public boolean needsLimitPrice() {
        return this == LIMIT || this == STOP_LIMIT;
    }

    public boolean needsStopPrice() {
        return this == STOP || this == STOP_LIMIT;
    }
}
