package io.github.rltrading.core.trading;

/**
 * Protective exit prices attached to an entry order: a stop-loss and/or a take-profit, as absolute
 * prices. {@code NaN} means "none" for either leg.
 *
 * <pre>{@code
 * Bracket b = Bracket.of(3190.00, 3230.00);   // stop at 3190, target at 3230
 * Bracket stopOnly = Bracket.stopLoss(3190.00);
 * }</pre>
 */
public record Bracket(double stopLossPrice, double takeProfitPrice) {

    public static final Bracket NONE = new Bracket(Double.NaN, Double.NaN);

    public Bracket {
        if (Double.isInfinite(stopLossPrice) || Double.isInfinite(takeProfitPrice)) {
            throw new IllegalArgumentException("bracket prices must be finite or NaN (none), got stopLoss="
                    + stopLossPrice + " takeProfit=" + takeProfitPrice);
        }
    }

    public static Bracket of(double stopLossPrice, double takeProfitPrice) {
        return new Bracket(stopLossPrice, takeProfitPrice);
    }

    public static Bracket stopLoss(double price) {
        return new Bracket(price, Double.NaN);
    }

    public static Bracket takeProfit(double price) {
        return new Bracket(Double.NaN, price);
    }

    public boolean hasStopLoss() {
        return !Double.isNaN(stopLossPrice);
    }

    public boolean hasTakeProfit() {
        return !Double.isNaN(takeProfitPrice);
    }

    public boolean isEmpty() {
        return !hasStopLoss() && !hasTakeProfit();
    }

    /**
     * Checks that the legs sit on the protective side of {@code entryPrice} for an entry on
     * {@code side}: for a buy the stop is below and the target above; for a sell the reverse.
     *
     * @throws IllegalArgumentException naming the leg, the prices and the side
     */
    public void validateAgainst(Side side, double entryPrice) {
        int s = side.sign();
        if (hasStopLoss() && (stopLossPrice - entryPrice) * s >= 0) {
            throw new IllegalArgumentException("stop-loss " + stopLossPrice + " must be "
                    + (s > 0 ? "below" : "above") + " the entry price " + entryPrice + " for a " + side);
        }
        if (hasTakeProfit() && (takeProfitPrice - entryPrice) * s <= 0) {
            throw new IllegalArgumentException("take-profit " + takeProfitPrice + " must be "
                    + (s > 0 ? "above" : "below") + " the entry price " + entryPrice + " for a " + side);
        }
    }
}
