package io.github.rltrading.core.trading;

import io.github.rltrading.core.market.Instrument;
import java.util.Objects;

/**
 * A position in one instrument: signed quantity (positive long), average entry price and the
 * latest mark price. Immutable; {@link #apply} returns the position after a fill and the P&amp;L it
 * realised.
 *
 * <p>Average price rules: adding to a position averages the entry price by quantity; reducing it
 * keeps the average and realises P&amp;L on the closed part; a fill that crosses zero closes the whole
 * position and opens the rest at the fill price.
 *
 * @param instrument   the instrument
 * @param quantity     signed quantity; 0 when flat
 * @param averagePrice average entry price; NaN when flat
 * @param markPrice    latest known price (mark or last fill); NaN if none yet
 */
public record Position(Instrument instrument, double quantity, double averagePrice, double markPrice) {

    /** Quantities smaller than this are treated as zero (floating-point residue of fractional shares). */
    static final double FLAT_EPSILON = 1e-9;

    public Position {
        Objects.requireNonNull(instrument, "instrument");
        if (Math.abs(quantity) < FLAT_EPSILON) {
            quantity = 0.0;
            averagePrice = Double.NaN;
        }
    }

    /** A flat position with no mark. */
    public static Position flat(Instrument instrument) {
        return new Position(instrument, 0.0, Double.NaN, Double.NaN);
    }

    public boolean isFlat() {
        return quantity == 0.0;
    }

    /** Unrealised P&amp;L at the mark: quantity × (mark − average) × point value; 0 when flat. */
    public double unrealizedPnl() {
        if (isFlat() || Double.isNaN(markPrice)) {
            return 0.0;
        }
        return quantity * (markPrice - averagePrice) * instrument.pointValue();
    }

    /** |quantity| × mark × point value; 0 when flat or unmarked. */
    public double notional() {
        return isFlat() || Double.isNaN(markPrice) ? 0.0 : Math.abs(quantity * markPrice) * instrument.pointValue();
    }

    /** Cost of the open quantity at its average price, signed: quantity × average × point value. */
    public double costBasis() {
        return isFlat() ? 0.0 : quantity * averagePrice * instrument.pointValue();
    }

    /** This position marked at {@code price}. */
    public Position markedAt(double price) {
        return new Position(instrument, quantity, averagePrice, price);
    }

    /** Applies a signed fill quantity at {@code price}; the mark moves to the fill price. */
    public Change apply(double signedQuantity, double price) {
        double q = quantity;
        double newQ = q + signedQuantity;
        if (q == 0.0 || Math.signum(q) == Math.signum(signedQuantity)) {
            double avg = q == 0.0
                    ? price
                    : (Math.abs(q) * averagePrice + Math.abs(signedQuantity) * price) / Math.abs(newQ);
            return new Change(new Position(instrument, newQ, avg, price), 0.0, 0.0);
        }
        double closed = Math.min(Math.abs(q), Math.abs(signedQuantity));
        double realized = closed * (price - averagePrice) * Math.signum(q) * instrument.pointValue();
        double avg;
        if (Math.abs(newQ) < FLAT_EPSILON) {
            avg = Double.NaN;
        } else if (Math.signum(newQ) == Math.signum(q)) {
            avg = averagePrice;
        } else {
            avg = price;
        }
        return new Change(new Position(instrument, newQ, avg, price), realized, closed);
    }

    /**
     * The result of a fill.
     *
     * @param position       the position after the fill
     * @param realizedPnl    P&amp;L realised by the closing part of the fill (before commission)
     * @param closedQuantity how much of the previous position the fill closed
     */
    public record Change(Position position, double realizedPnl, double closedQuantity) {}
}
