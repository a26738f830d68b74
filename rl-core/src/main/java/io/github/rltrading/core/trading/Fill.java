package io.github.rltrading.core.trading;

import io.github.rltrading.core.market.Instrument;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution: part or all of an order traded at one price.
 *
 * @param clientOrderId the order it belongs to
 * @param instrument    what traded
 * @param side          buy or sell
 * @param quantity      executed quantity, &gt; 0
 * @param price         execution price
 * @param commission    commission charged for this execution, &ge; 0
 * @param time          execution time
 */
public record Fill(String clientOrderId, Instrument instrument, Side side, double quantity, double price,
                   double commission, Instant time) {

    public Fill {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(time, "time");
        if (!(quantity > 0) || Double.isInfinite(quantity)) {
            throw new IllegalArgumentException("fill of order " + clientOrderId
                    + ": quantity must be a finite number > 0, got " + quantity);
        }
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("fill of order " + clientOrderId + ": price must be finite, got " + price);
        }
        if (!(commission >= 0) || Double.isInfinite(commission)) {
            throw new IllegalArgumentException("fill of order " + clientOrderId
                    + ": commission must be a finite number >= 0, got " + commission);
        }
    }

    /** Quantity with the side's sign: positive for a buy. */
    public double signedQuantity() {
        return side.sign() * quantity;
    }

    /** |quantity| × price × point value. */
    public double notional() {
        return quantity * Math.abs(price) * instrument.pointValue();
    }
}
