package io.github.rltrading.broker.testkit;

import io.github.rltrading.core.spi.BrokerListener;
import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a broker's events and checks, as they arrive, the rules every adapter must keep: order
 * updates follow the order state machine (no update after a terminal state, no going back), a
 * fill's order is known, a fill comes before the update that reflects it, and filled quantities
 * never exceed the order. Violations are collected, not thrown, so the kit can report them all.
 */
public final class RecordingListener implements BrokerListener {

    private final List<String> events = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final List<Order> updates = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, OrderState> lastState = new HashMap<>();
    private final Map<String, Double> filledByFills = new HashMap<>();

    /** Tells the listener about an order the test submitted (its returned snapshot). */
    public synchronized void submitted(Order order) {
        lastState.put(order.clientOrderId(), order.state());
    }

    @Override
    public synchronized void onOrderUpdate(Order order) {
        String id = order.clientOrderId();
        events.add("update " + id + " " + order.state());
        updates.add(order);
        OrderState previous = lastState.get(id);
        if (previous != null && previous != order.state() && !previous.canMoveTo(order.state())) {
            violations.add("order " + id + " moved from " + previous + " to " + order.state());
        }
        double byFills = filledByFills.getOrDefault(id, 0.0);
        if (order.filledQuantity() > byFills + 1e-9) {
            violations.add("order " + id + " reports " + order.filledQuantity() + " filled but only " + byFills
                    + " arrived as fills before the update");
        }
        lastState.put(id, order.state());
    }

    @Override
    public synchronized void onFill(Fill fill) {
        String id = fill.clientOrderId();
        events.add("fill " + id + " " + fill.side() + " " + fill.quantity() + " @ " + fill.price());
        fills.add(fill);
        OrderState state = lastState.get(id);
        if (state != null && state.isTerminal()) {
            violations.add("fill for order " + id + " after it was " + state);
        }
        filledByFills.merge(id, fill.quantity(), Double::sum);
    }

    @Override
    public synchronized void onError(String message, Throwable cause) {
        events.add("error " + message);
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    public synchronized List<Fill> fills() {
        return List.copyOf(fills);
    }

    public synchronized List<Order> updates() {
        return List.copyOf(updates);
    }

    /** Broken rules seen so far (empty for a compliant broker). */
    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    /** The last state reported or returned for an order, or null. */
    public synchronized OrderState state(String clientOrderId) {
        return lastState.get(clientOrderId);
    }
}
