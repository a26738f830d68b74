package io.github.rltrading.core.trading;

/** Direction of an order or fill. */
public enum Side {
    BUY(1),
    SELL(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** +1 for a buy, -1 for a sell: the sign a fill adds to a position. */
    public int sign() {
        return sign;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** The side that moves a position by {@code signedDelta} (positive: buy). */
    public static Side of(double signedDelta) {
        return signedDelta >= 0 ? BUY : SELL;
    }
}
