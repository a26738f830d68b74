package io.github.rltrading.core.trading;

/**
 * Thrown when an order is asked to make a move its state machine does not allow, e.g. a fill on a
 * cancelled order or a fill larger than what remains. The message names the order, both states and
 * the allowed moves.
 */
public final class IllegalOrderTransitionException extends IllegalStateException {

    private final String clientOrderId;
    private final OrderState from;
    private final OrderState to;

    public IllegalOrderTransitionException(String clientOrderId, OrderState from, OrderState to, String detail) {
        super("order " + clientOrderId + ": illegal transition " + from + " -> " + to
                + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")")
                + "; allowed from " + from + ": " + from.successors());
        this.clientOrderId = clientOrderId;
        this.from = from;
        this.to = to;
    }

    public String clientOrderId() {
        return clientOrderId;
    }

    public OrderState from() {
        return from;
    }

    public OrderState to() {
        return to;
    }
}
