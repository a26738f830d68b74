package com.example.rlbroker;

import io.github.rltrading.core.ComponentState;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.spi.BrokerListener;
import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.OrderType;
import io.github.rltrading.core.trading.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small paper broker, written the way an adapter for a real venue is: where this class matches
 * orders against bars, yours sends them to the venue and turns its callbacks into
 * {@link BrokerListener} events. The rules every adapter keeps, which the broker compatibility kit
 * checks:
 *
 * <ul>
 *   <li>{@link #submit} never returns null: a SUBMITTED snapshot, or REJECTED with a reason (not
 *       connected, a duplicate client order id, something the venue cannot do);</li>
 *   <li>a fill reaches the listener before the order update that reflects it;</li>
 *   <li>no update after an order's terminal state; a cancel of an unknown id is harmless;</li>
 *   <li>{@link #positions} is what the venue says, signed by symbol.</li>
 * </ul>
 *
 * <p>Market orders fill at the next bar's open (plus slippage), limits when a bar trades through
 * their price, stops when a bar touches theirs. Brackets are refused with a reason: this venue has no
 * native one-cancels-other orders (the kit skips its bracket test through
 * {@code supportsBrackets()}). Thread-safe through one lock, as a venue's callbacks arrive on their
 * own threads.
 */
public final class PaperBroker implements Broker {

    private static final BrokerListener NO_LISTENER = new BrokerListener() {
        @Override
        public void onOrderUpdate(Order order) {}

        @Override
        public void onFill(Fill fill) {}
    };

    private final int slippageTicks;
    private final Map<String, Order> working = new LinkedHashMap<>();
    private final Map<String, Double> positions = new HashMap<>();
    private BrokerListener listener = NO_LISTENER;
    private ComponentState state = ComponentState.NEW;
    private Instant clock = Instant.EPOCH;
    private long ids;

    public PaperBroker(int slippageTicks) {
        if (slippageTicks < 0) {
            throw new IllegalArgumentException("slippage-ticks must be >= 0, got " + slippageTicks);
        }
        this.slippageTicks = slippageTicks;
    }

    @Override
    public synchronized void connect() {
        if (state == ComponentState.CLOSED) {
            throw new IllegalStateException("paper-example broker is closed; create a new one");
        }
        state = ComponentState.RUNNING; // a real adapter logs in here and throws if it cannot
    }

    @Override
    public synchronized ComponentState state() {
        return state;
    }

    @Override
    public synchronized void setListener(BrokerListener value) {
        this.listener = Objects.requireNonNull(value, "listener");
    }

    @Override
    public synchronized Order submit(OrderRequest request) {
        Order order = Order.create(request, clock);
        if (state != ComponentState.RUNNING) {
            return order.reject("paper-example broker is " + state + "; call connect() first", clock);
        }
        if (working.containsKey(request.clientOrderId())) {
            return order.reject("client order id " + request.clientOrderId() + " is already working", clock);
        }
        if (!request.bracket().isEmpty()) {
            return order.reject("paper-example has no bracket orders; plan entries without stop/target"
                    + " (orderPlanner stopTicks and targetTicks 0)", clock);
        }
        if (request.type() == OrderType.STOP_LIMIT) {
            return order.reject("paper-example has no stop-limit orders; use a stop or a limit", clock);
        }
        Order submitted = order.submit("paper-" + (++ids), clock);
        working.put(request.clientOrderId(), submitted);
        return submitted; // the returned snapshot is the acknowledgement: no SUBMITTED event as well
    }

    @Override
    public synchronized void cancel(String clientOrderId) {
        Order o = working.remove(clientOrderId);
        if (o != null) {
            listener.onOrderUpdate(o.cancel("cancelled on request", clock));
        }
    }

    @Override
    public synchronized List<Order> openOrders() {
        return List.copyOf(working.values());
    }

    @Override
    public synchronized Map<String, Double> positions() {
        return Map.copyOf(positions);
    }

    /** The market moved: match every working order against the bar, in submission order. */
    @Override
    public synchronized void onBar(Bar bar) {
        clock = bar.end();
        for (Order o : new ArrayList<>(working.values())) {
            double price = fillPrice(o.request(), bar);
            if (Double.isNaN(price)) {
                continue;
            }
            OrderRequest r = o.request();
            double qty = o.remainingQuantity();
            working.remove(r.clientOrderId());
            Fill fill = new Fill(r.clientOrderId(), r.instrument(), r.side(), qty, price, 0.0, bar.end());
            positions.merge(r.instrument().symbol(), fill.signedQuantity(), Double::sum);
            positions.values().removeIf(q -> Math.abs(q) < 1e-12);
            listener.onFill(fill); // the fill first ...
            listener.onOrderUpdate(o.fill(qty, price, bar.end())); // ... then the update it explains
        }
    }

    private double fillPrice(OrderRequest r, Bar bar) {
        boolean buy = r.side() == Side.BUY;
        double slip = slippageTicks * r.instrument().tickSize() * (buy ? 1 : -1);
        return switch (r.type()) {
            case MARKET -> r.instrument().roundToTick(bar.open() + slip);
            case LIMIT -> buy ? (bar.low() <= r.limitPrice() ? Math.min(r.limitPrice(), bar.open()) : Double.NaN)
                    : (bar.high() >= r.limitPrice() ? Math.max(r.limitPrice(), bar.open()) : Double.NaN);
            case STOP -> buy ? (bar.high() >= r.stopPrice() ? r.instrument().roundToTick(Math.max(r.stopPrice(), bar.open()) + slip)
                    : Double.NaN)
                    : (bar.low() <= r.stopPrice() ? r.instrument().roundToTick(Math.min(r.stopPrice(), bar.open()) + slip) : Double.NaN);
            case STOP_LIMIT -> Double.NaN; // refused at submit
        };
    }

    @Override
    public synchronized void close() {
        state = ComponentState.CLOSED; // a real adapter logs out and releases its connection here
    }
}
