package io.github.rltrading.core.trading;

import java.time.Instant;

/**
 * A round trip: from flat (or from a reversal) back to flat (or to the next reversal).
 *
 * @param symbol        instrument symbol
 * @param side          BUY for a long trade, SELL for a short one
 * @param maxQuantity   the largest absolute position held during the trade
 * @param entryPrice    average entry price
 * @param exitPrice     average exit price
 * @param entryTime     first fill
 * @param exitTime      last fill
 * @param grossPnl      realised P&amp;L before commissions
 * @param commission    commissions of every fill of the trade (a reversing fill's commission is
 *                      split by quantity between the trade it closes and the one it opens)
 */
public record ClosedTrade(String symbol, Side side, double maxQuantity, double entryPrice, double exitPrice,
                          Instant entryTime, Instant exitTime, double grossPnl, double commission) {

    /** P&amp;L after commissions. */
    public double netPnl() {
        return grossPnl - commission;
    }

    public boolean isWin() {
        return netPnl() > 0;
    }
}
