package io.github.rltrading.core.market;

/**
 * What kind of instrument is traded. It decides how cash moves on a fill: a future settles only its
 * profit and loss (and ties up margin), a stock or ETF exchanges its full notional for cash.
 */
public enum AssetClass {
    /** An exchange-traded future (ES, MES, NQ, ...): cash moves by P&amp;L only, margin is held. */
    FUTURE,
    /** A common stock: buying pays the notional, selling short receives it. */
    STOCK,
    /** An exchange-traded fund, possibly leveraged (UPRO, TNA = 3x): settled like a stock. */
    ETF;

    /** Whether buying or selling moves the full notional into or out of cash. */
    public boolean settlesNotional() {
        return this != FUTURE;
    }
}
