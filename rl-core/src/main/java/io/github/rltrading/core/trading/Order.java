package io.github.rltrading.core.trading;

import java.time.Instant;
import java.util.Objects;

/**
 * An immutable snapshot of an order. Each transition returns a new snapshot and refuses moves that
 * {@link OrderState} does not allow, with an {@link IllegalOrderTransitionException}:
 *
 * <pre>{@code
 * Order o = Order.create(request, now);            // NEW
 * o = o.submit("nt8-4711", now);                   // SUBMITTED
 * o = o.fill(1, 3230.25, now);                     // PARTIALLY_FILLED (of 2)
 * o = o.fill(1, 3230.50, now);                     // FILLED, average 3230.375
 * o.cancel("late", now);                           // throws: FILLED is terminal
 * }</pre>
 *
 * @param request          what was asked
 * @param brokerOrderId    the broker's id, empty until submitted
 * @param state            current state
 * @param filledQuantity   quantity filled so far, 0 ≤ filled ≤ requested
 * @param averageFillPrice volume-weighted average fill price, NaN before the first fill
 * @param reason           why it was cancelled or rejected, else empty
 * @param updatedAt        time of the last transition
 */
public record Order(
        OrderRequest request,
        String brokerOrderId,
        OrderState state,
        double filledQuantity,
        double averageFillPrice,
        String reason,
        Instant updatedAt) {

    /** Fills within this of the remaining quantity count as complete (fractional shares). */
    private static final double QUANTITY_EPSILON = 1e-9;

    public Order {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
        brokerOrderId = brokerOrderId == null ? "" : brokerOrderId;
        reason = reason == null ? "" : reason;
        if (!(filledQuantity >= 0) || filledQuantity > request.quantity() + QUANTITY_EPSILON) { // NaN too
            throw new IllegalArgumentException("order " + request.clientOrderId() + ": filledQuantity "
                    + filledQuantity + " is outside [0, " + request.quantity() + "]");
        }
    }

    /** A NEW order for {@code request}. */
    public static Order create(OrderRequest request, Instant time) {
        return new Order(request, "", OrderState.NEW, 0.0, Double.NaN, "", time);
    }

    public String clientOrderId() {
        return request.clientOrderId();
    }

    /** Quantity still to fill; 0 once terminal. */
    public double remainingQuantity() {
        return state.isTerminal() ? 0.0 : request.quantity() - filledQuantity;
    }

    /** NEW → SUBMITTED: the broker accepted it under {@code brokerId}. */
    public Order submit(String brokerId, Instant time) {
        requireMove(OrderState.SUBMITTED, null);
        return new Order(request, brokerId, OrderState.SUBMITTED, filledQuantity, averageFillPrice, "", time);
    }

    /**
     * Applies a fill of {@code quantity} at {@code price}: PARTIALLY_FILLED while something
     * remains, FILLED when nothing does.
     */
    public Order fill(double quantity, double price, Instant time) {
        if (!(quantity > 0) || !Double.isFinite(quantity) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("order " + clientOrderId()
                    + ": a fill needs a finite quantity > 0 and a finite price, got quantity=" + quantity
                    + " price=" + price);
        }
        double remaining = request.quantity() - filledQuantity;
        boolean complete = quantity >= remaining - QUANTITY_EPSILON;
        OrderState next = complete ? OrderState.FILLED : OrderState.PARTIALLY_FILLED;
        requireMove(next, "fill of " + quantity + " at " + price);
        if (quantity > remaining + QUANTITY_EPSILON) {
            // Not a state problem: the broker reported more than was ordered, which must not be booked.
            throw new IllegalArgumentException("order " + clientOrderId() + ": fill of " + quantity
                    + " exceeds the remaining " + remaining + " (ordered " + request.quantity() + ", filled "
                    + filledQuantity + "); the fill was not applied");
        }
        double filled = complete ? request.quantity() : filledQuantity + quantity;
        double avg = filledQuantity == 0
                ? price
                : (averageFillPrice * filledQuantity + price * quantity) / (filledQuantity + quantity);
        return new Order(request, brokerOrderId, next, filled, avg, "", time);
    }

    /** → CANCELLED (from NEW, SUBMITTED or PARTIALLY_FILLED). */
    public Order cancel(String why, Instant time) {
        requireMove(OrderState.CANCELLED, why);
        return new Order(request, brokerOrderId, OrderState.CANCELLED, filledQuantity, averageFillPrice, why, time);
    }

    /** → REJECTED (from NEW or SUBMITTED). */
    public Order reject(String why, Instant time) {
        requireMove(OrderState.REJECTED, why);
        return new Order(request, brokerOrderId, OrderState.REJECTED, filledQuantity, averageFillPrice, why, time);
    }

    private void requireMove(OrderState next, String detail) {
        if (!state.canMoveTo(next)) {
            throw new IllegalOrderTransitionException(clientOrderId(), state, next, detail);
        }
    }
}
