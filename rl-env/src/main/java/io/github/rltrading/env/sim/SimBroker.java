package io.github.rltrading.env.sim;

import io.github.rltrading.core.ComponentState;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.spi.BrokerListener;
import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.OrderState;
import io.github.rltrading.core.trading.Side;
import io.github.rltrading.core.trading.TimeInForce;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated broker on the {@link ExecutionModel}: market, limit, stop and stop-limit orders,
 * brackets as one-cancels-other stop-loss and take-profit children, cancel, and positions. Orders
 * fill only on a bar that arrives after they were submitted ({@link #onBar}), never on the bar that
 * produced the decision.
 *
 * <p>Simplifications, stated so that nobody mistakes them for exchange behaviour: fills are whole
 * (no partial fills, no queue position, hence the trade-through rule for limits); {@code DAY} works
 * like {@code GTC} (the broker does not know sessions); {@code IOC} and {@code FOK} orders get one
 * bar to fill and are then cancelled. Bracket children are reduce-only: one that would open or grow a
 * position (because the position was closed another way) is cancelled instead of filled. Orders
 * are evaluated in submission order, so a resting stop that a gap triggers at the open fills before
 * a market order submitted after it.
 *
 * <p>Thread-safe: every method is synchronized; listener calls happen inside {@link #onBar} and
 * {@link #cancel} on the caller's thread.
 */
public final class SimBroker implements Broker {

    private static final Logger LOG = LoggerFactory.getLogger(SimBroker.class);

    private final ExecutionModel model;
    private final Map<String, Working> working = new LinkedHashMap<>();
    private final Map<String, Double> positions = new LinkedHashMap<>();
    private final List<Fill> fillHistory = new ArrayList<>();
    private BrokerListener listener = new BrokerListener() {
        @Override
        public void onOrderUpdate(Order order) {}

        @Override
        public void onFill(Fill fill) {}
    };
    private ComponentState state = ComponentState.NEW;
    private Instant clock = Instant.EPOCH;
    private long sequence;
    private double halfSpread = Double.NaN;

    /** A working order: the order, whether its stop has triggered, its OCO partner, whether it is a bracket child. */
    private static final class Working {
        Order order;
        boolean triggered;
        String ocoPartner;
        boolean child;

        Working(Order order) {
            this.order = order;
        }
    }

    private final List<String> scratchIds = new ArrayList<>();
    private final List<String> scratchLater = new ArrayList<>();

    public SimBroker(ExecutionModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    public SimBroker() {
        this(ExecutionModel.DEFAULT);
    }

    public ExecutionModel model() {
        return model;
    }

    @Override
    public synchronized void connect() {
        if (state == ComponentState.CLOSED) {
            throw new IllegalStateException("sim broker is closed; create a new one");
        }
        state = ComponentState.RUNNING;
    }

    /**
     * Simulates a dropped connection: until {@link #connect()} is called again, new orders are
     * rejected; working orders stay at the (simulated) exchange and positions are kept, as with a
     * real broker.
     */
    public synchronized void disconnect() {
        if (state == ComponentState.RUNNING) {
            state = ComponentState.STOPPED;
        }
    }

    @Override
    public synchronized ComponentState state() {
        return state;
    }

    @Override
    public synchronized void setListener(BrokerListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The quote at the latest bar, for the spread market orders pay; NaN when unknown. */
    public synchronized void quote(double bid, double ask) {
        halfSpread = bid > 0 && ask >= bid ? (ask - bid) / 2 : Double.NaN;
    }

    @Override
    public synchronized Order submit(OrderRequest request) {
        Order order = Order.create(request, clock);
        if (state != ComponentState.RUNNING) {
            return order.reject("sim broker is " + state + "; call connect() first", clock);
        }
        if (working.containsKey(request.clientOrderId())) {
            return order.reject("client order id " + request.clientOrderId() + " is already working", clock);
        }
        Instrument inst = request.instrument();
        for (double price : new double[] {request.limitPrice(), request.stopPrice(),
                request.bracket().stopLossPrice(), request.bracket().takeProfitPrice()}) {
            if (Double.isFinite(price) && !inst.isOnTickGrid(price)) {
                return order.reject("price " + price + " is not on " + inst.symbol() + "'s tick grid of " + inst.tickSize()
                        + "; round it with Instrument.roundToTick", clock);
            }
        }
        if (request.bracket().hasStopLoss() && request.bracket().hasTakeProfit()) {
            boolean buy = request.side() == Side.BUY;
            double sl = request.bracket().stopLossPrice();
            double tp = request.bracket().takeProfitPrice();
            if (buy ? sl >= tp : sl <= tp) {
                return order.reject("bracket stop-loss " + sl + " and take-profit " + tp + " are the wrong way round for a "
                        + request.side() + " entry", clock);
            }
        }
        order = order.submit("sim-" + (++sequence), clock);
        working.put(request.clientOrderId(), new Working(order));
        return order;
    }

    @Override
    public synchronized void cancel(String clientOrderId) {
        Working w = working.remove(clientOrderId);
        if (w == null) {
            LOG.warn("sim broker: cancel of unknown or finished order {} ignored", clientOrderId);
            return;
        }
        listener.onOrderUpdate(w.order.cancel("cancelled on request", clock));
    }

    @Override
    public synchronized List<Order> openOrders() {
        List<Order> out = new ArrayList<>(working.size());
        for (Working w : working.values()) {
            out.add(w.order);
        }
        return out;
    }

    @Override
    public synchronized Map<String, Double> positions() {
        return Map.copyOf(positions);
    }

    /** Every fill so far, in order (for backtest reports). */
    public synchronized List<Fill> fills() {
        return List.copyOf(fillHistory);
    }

    /** Signed position in {@code symbol}, 0 when flat. */
    public synchronized double position(String symbol) {
        return positions.getOrDefault(symbol, 0.0);
    }

    /**
     * A bar closed: every order working before it is evaluated against it, in submission order,
     * then the bracket children opened on it (they may fill on the same bar, after the entry).
     */
    @Override
    public synchronized void onBar(Bar bar) {
        clock = bar.end();
        if (working.isEmpty()) {
            return; // most bars of a backtest: nothing to fill
        }
        Instant open = bar.start();
        // Scratch lists reused bar after bar: evaluating may add (bracket children) or remove orders.
        List<String> ids = scratchIds;
        ids.clear();
        ids.addAll(working.keySet());
        for (String id : ids) {
            evaluate(id, bar, open);
        }
        // Children created on this bar (entry filled at or after the open) get the rest of the bar.
        List<String> later = scratchLater;
        later.clear();
        for (String id : working.keySet()) {
            if (!ids.contains(id)) {
                later.add(id);
            }
        }
        for (String id : later) {
            evaluate(id, bar, open);
        }
    }

    private void evaluate(String id, Bar bar, Instant openTime) {
        Working w = working.get(id);
        if (w == null) {
            return; // filled or cancelled as an OCO partner earlier on this bar
        }
        OrderRequest r = w.order.request();
        Instrument inst = r.instrument();
        double qty = w.order.remainingQuantity();
        double price = Double.NaN;
        Instant time = bar.end();
        switch (r.type()) {
            case MARKET -> {
                price = model.marketPrice(inst, r.side(), qty, bar.open(), bar.high(), bar.low(), bar.volume(), halfSpread);
                time = openTime;
            }
            case LIMIT -> price = model.limitPrice(r.side(), r.limitPrice(), bar.open(), bar.high(), bar.low());
            case STOP -> {
                if (model.stopTriggered(r.side(), r.stopPrice(), bar.high(), bar.low())) {
                    price = model.stopPrice(inst, r.side(), qty, r.stopPrice(), bar.open(), bar.high(), bar.low(), bar.volume());
                }
            }
            case STOP_LIMIT -> {
                if (!w.triggered && model.stopTriggered(r.side(), r.stopPrice(), bar.high(), bar.low())) {
                    w.triggered = true;
                    double at = r.side() == Side.BUY ? Math.max(bar.open(), r.stopPrice()) : Math.min(bar.open(), r.stopPrice());
                    boolean withinLimit = r.side() == Side.BUY ? at <= r.limitPrice() : at >= r.limitPrice();
                    price = withinLimit ? at : Double.NaN;
                } else if (w.triggered) {
                    price = model.limitPrice(r.side(), r.limitPrice(), bar.open(), bar.high(), bar.low());
                }
            }
        }
        if (Double.isNaN(price)) {
            if (r.timeInForce() == TimeInForce.IOC || r.timeInForce() == TimeInForce.FOK) {
                working.remove(id);
                listener.onOrderUpdate(w.order.cancel(r.timeInForce() + " order did not fill on the first bar", clock));
            }
            return;
        }
        if (w.child) {
            double pos = positions.getOrDefault(inst.symbol(), 0.0);
            double closable = r.side() == Side.SELL ? Math.max(pos, 0) : Math.max(-pos, 0);
            if (closable <= 1e-12) {
                working.remove(id);
                cancelPartner(w);
                listener.onOrderUpdate(w.order.cancel("bracket exit cancelled: no position left to protect", clock));
                return;
            }
            qty = Math.min(qty, closable);
        }
        fill(id, w, qty, price, time);
    }

    private void fill(String id, Working w, double qty, double price, Instant time) {
        OrderRequest r = w.order.request();
        Instrument inst = r.instrument();
        double commission = model.commission(inst, qty, price);
        Fill fill = new Fill(r.clientOrderId(), inst, r.side(), qty, price, commission, time);
        double signed = r.side() == Side.BUY ? qty : -qty;
        positions.merge(inst.symbol(), signed, Double::sum);
        if (Math.abs(positions.get(inst.symbol())) < 1e-12) {
            positions.remove(inst.symbol());
        }
        Order filled = w.order.fill(qty, price, time);
        if (filled.state() != OrderState.FILLED) {
            // A reduce-only child filled less than it asked: the rest has nothing to protect.
            filled = filled.cancel("bracket exit reduced to the open position", time);
        }
        working.remove(id);
        fillHistory.add(fill);
        listener.onFill(fill);
        listener.onOrderUpdate(filled);
        cancelPartner(w);
        if (!w.child && (r.bracket().hasStopLoss() || r.bracket().hasTakeProfit())) {
            openBracket(r, qty, time);
        }
    }

    private void cancelPartner(Working w) {
        if (w.ocoPartner != null) {
            Working partner = working.remove(w.ocoPartner);
            if (partner != null) {
                listener.onOrderUpdate(partner.order.cancel("one-cancels-other: " + w.order.clientOrderId() + " ended", clock));
            }
        }
    }

    /** Stop-loss first, so that when one bar reaches both, the stop-loss is evaluated first (the worse case). */
    private void openBracket(OrderRequest entry, double qty, Instant time) {
        Side exit = entry.side() == Side.BUY ? Side.SELL : Side.BUY;
        String sl = entry.clientOrderId() + "-sl";
        String tp = entry.clientOrderId() + "-tp";
        Working slw = null;
        Working tpw = null;
        if (entry.bracket().hasStopLoss()) {
            OrderRequest req = OrderRequest.builder(sl, entry.instrument(), exit, qty).stop(entry.bracket().stopLossPrice())
                    .timeInForce(TimeInForce.GTC).tag(entry.tag()).build();
            slw = new Working(Order.create(req, time).submit("sim-" + (++sequence), time));
            slw.child = true;
            working.put(sl, slw);
            listener.onOrderUpdate(slw.order);
        }
        if (entry.bracket().hasTakeProfit()) {
            OrderRequest req = OrderRequest.builder(tp, entry.instrument(), exit, qty).limit(entry.bracket().takeProfitPrice())
                    .timeInForce(TimeInForce.GTC).tag(entry.tag()).build();
            tpw = new Working(Order.create(req, time).submit("sim-" + (++sequence), time));
            tpw.child = true;
            working.put(tp, tpw);
            listener.onOrderUpdate(tpw.order);
        }
        if (slw != null && tpw != null) {
            slw.ocoPartner = tp;
            tpw.ocoPartner = sl;
        }
    }

    @Override
    public synchronized void close() {
        state = ComponentState.CLOSED;
    }

    @Override
    public String toString() {
        return "SimBroker[" + model + ", " + working.size() + " working]";
    }
}
