package io.github.rltrading.broker.nt8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.broker.nt8.protocol.ErrorCode;
import io.github.rltrading.broker.nt8.protocol.MessageType;
import io.github.rltrading.broker.nt8.protocol.Protocol;
import io.github.rltrading.broker.nt8.protocol.ProtocolException;
import io.github.rltrading.core.ComponentState;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.spi.BrokerListener;
import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.OrderState;
import io.github.rltrading.core.trading.OrderType;
import io.github.rltrading.core.trading.Side;
import io.github.rltrading.core.trading.TimeInForce;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Broker} of one instrument on NinjaTrader 8, through the {@link Nt8Bridge}. Orders go
 * to the strategy as {@code order} requests; it answers each with an {@code order_update}
 * (SUBMITTED or REJECTED) within the request timeout, or the order is rejected here and a
 * {@code cancel} is sent in case it arrives late. Executions come back as {@code execution}
 * messages and become {@link Fill}s, always before the order update that reflects them; the
 * strategy's {@code position} messages are the authority for {@link #positions()}.
 *
 * <p>On every connection (the first, and each reconnect) the broker asks the strategy for its
 * state ({@code sync_request}): the strategy replays the executions it knows (ones already booked
 * are recognised by {@code executionId} and ignored, so nothing is booked twice and nothing that
 * happened while disconnected is lost), reports its working orders and its position, then
 * {@code sync_done}. An order this side thought working that the strategy no longer reports is
 * cancelled locally with that reason. While no strategy is connected, or while NinjaTrader replays
 * history, new orders are rejected with the reason (fail closed).
 */
public final class Nt8Broker implements Broker {

    private static final Logger LOG = LoggerFactory.getLogger(Nt8Broker.class);
    private static final double QUANTITY_EPSILON = 1e-9;
    private static final BrokerListener NO_LISTENER = new BrokerListener() {
        @Override
        public void onOrderUpdate(Order order) {}

        @Override
        public void onFill(Fill fill) {}
    };

    /** An order this side knows, with an update held back until the executions it reflects arrive. */
    private static final class Tracked {
        Order order;
        ObjectNode heldTerminalUpdate;
        /** NinjaTrader works it but this side did not send it: a bracket's stop-loss or take-profit. */
        final boolean adopted;

        Tracked(Order order, boolean adopted) {
            this.order = order;
            this.adopted = adopted;
        }
    }

    private final Nt8Bridge bridge;
    private final Instrument instrument;
    private final Object lock = new Object();
    private final Map<String, Tracked> orders = new LinkedHashMap<>();
    private final Set<String> executionIds = new HashSet<>();
    private final Map<String, Double> positions = new HashMap<>();
    private final Map<String, Double> account = new HashMap<>();
    private final Set<String> reportedDuringSync = new HashSet<>();
    private ComponentState state = ComponentState.NEW;
    private BrokerListener listener = NO_LISTENER;
    private Connection connection;
    private boolean syncing;
    private boolean firstSync = true;
    private long syncs;
    private long orderSequence;
    private Duration connectTimeout = Duration.ofSeconds(30);

    Nt8Broker(Nt8Bridge bridge, Instrument instrument) {
        this.bridge = bridge;
        this.instrument = instrument;
    }

    public Instrument instrument() {
        return instrument;
    }

    /** The bridge this broker talks through. */
    public Nt8Bridge bridge() {
        return bridge;
    }

    /** How long {@link #connect()} waits for the strategy to connect; default 30 s. Returns this. */
    public Nt8Broker connectTimeout(Duration value) {
        Objects.requireNonNull(value, "connectTimeout");
        if (value.isNegative()) {
            throw new IllegalArgumentException("broker.connectTimeout must not be negative, got " + value);
        }
        synchronized (lock) {
            this.connectTimeout = value;
        }
        return this;
    }

    /**
     * Waits for the strategy trading this instrument to connect (up to the connect timeout), then
     * synchronises with it; RUNNING afterwards.
     *
     * @throws IllegalStateException when no strategy connects in time or the sync fails; the
     *                               message says what to check
     */
    @Override
    public void connect() {
        Duration wait;
        synchronized (lock) {
            if (state == ComponentState.CLOSED) {
                throw new IllegalStateException("NinjaTrader broker for " + instrument.symbol() + " is closed; get a new one from the bridge");
            }
            if (state == ComponentState.RUNNING) {
                return;
            }
            wait = connectTimeout;
        }
        long until = System.nanoTime() + wait.toNanos();
        Connection c = bridge.connection(instrument.symbol());
        while (c == null && System.nanoTime() < until) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the NinjaTrader strategy for " + instrument.symbol(), e);
            }
            c = bridge.connection(instrument.symbol());
        }
        if (c == null) {
            throw new IllegalStateException("no NinjaTrader strategy for " + instrument.symbol() + " connected to the bridge on "
                    + bridge.settings().host() + ":" + bridge.port() + " within " + wait.toMillis() + " ms: start RlBridgeStrategy on a "
                    + instrument.symbol() + " chart with Host and Port set to this address (docs/nt8-setup.md)");
        }
        String failure = sync(c);
        if (failure != null) {
            throw new IllegalStateException("NinjaTrader strategy for " + instrument.symbol() + " did not synchronise: " + failure);
        }
    }

    /**
     * Asks the strategy for executions, working orders and position, and waits for {@code sync_done}.
     *
     * @return null when synchronised, else why not
     */
    private String sync(Connection c) {
        synchronized (lock) {
            if (state == ComponentState.CLOSED) {
                return "the broker is closed";
            }
            connection = c;
            syncing = true;
            reportedDuringSync.clear();
        }
        CompletableFuture<ObjectNode> done = c.request(Protocol.message(MessageType.SYNC_REQUEST), bridge.settings().requestTimeout());
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return endSyncFailed(c, "interrupted");
        } catch (ExecutionException e) {
            return endSyncFailed(c, describe(e.getCause()));
        }
        List<String> warnings = new ArrayList<>();
        synchronized (lock) {
            if (connection != c || state == ComponentState.CLOSED) {
                return "the connection was replaced while synchronising";
            }
            for (var it = orders.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Tracked> e = it.next();
                Order o = e.getValue().order;
                if (!reportedDuringSync.contains(e.getKey()) && o.state().isWorking()) {
                    it.remove();
                    listener.onOrderUpdate(o.cancel("not working at NinjaTrader after the reconnect", Instant.now()));
                }
            }
            if (firstSync) {
                double held = positions.getOrDefault(instrument.symbol(), 0.0);
                if (Math.abs(held) > QUANTITY_EPSILON) {
                    warnings.add("NinjaTrader already holds " + held + " " + instrument.symbol()
                            + " from before this session; the session's portfolio starts flat. Flatten in NinjaTrader first.");
                }
                if (!orders.isEmpty()) {
                    warnings.add("NinjaTrader has " + orders.size() + " working " + instrument.symbol()
                            + " order(s) from before this session: " + orders.keySet() + "; they are listed in openOrders()");
                }
            }
            firstSync = false;
            syncing = false;
            state = ComponentState.RUNNING;
            syncs++;
        }
        for (String w : warnings) {
            LOG.warn(w);
            listener.onError(w, null);
        }
        LOG.info("NinjaTrader broker for {} synchronised over {} (sync {})", instrument.symbol(), c.id(), syncCount());
        return null;
    }

    private String endSyncFailed(Connection c, String why) {
        synchronized (lock) {
            syncing = false;
            if (state != ComponentState.CLOSED && connection == c) {
                state = ComponentState.STOPPED;
            }
        }
        String text = "synchronising with the NinjaTrader strategy for " + instrument.symbol() + " failed: " + why;
        LOG.warn(text);
        listener.onError(text, null);
        return why;
    }

    /** Completed synchronisations so far (1 after connect, +1 per reconnect). */
    public long syncCount() {
        synchronized (lock) {
            return syncs;
        }
    }

    @Override
    public ComponentState state() {
        synchronized (lock) {
            return state;
        }
    }

    @Override
    public void setListener(BrokerListener value) {
        synchronized (lock) {
            this.listener = Objects.requireNonNull(value, "listener");
        }
    }

    @Override
    public Order submit(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        Instant now = Instant.now();
        Order order = Order.create(request, now);
        Connection c;
        synchronized (lock) {
            String refusal = refusal(request);
            if (refusal != null) {
                return order.reject(refusal, now);
            }
            c = connection;
            orders.put(request.clientOrderId(), new Tracked(order, false));
        }
        Duration timeout = bridge.settings().requestTimeout();
        ObjectNode reply;
        try {
            reply = c.request(orderMessage(request), timeout).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return giveUp(c, order, "interrupted while waiting for NinjaTrader to confirm the order; a cancel was sent");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) {
                return giveUp(c, order, "no reply from NinjaTrader within " + timeout.toMillis()
                        + " ms (broker.requestTimeout); a cancel was sent in case the order arrives late");
            }
            return giveUp(c, order, "NinjaTrader did not accept the order: " + describe(cause));
        }
        String replyState = Protocol.text(reply, "state", "");
        if (OrderState.REJECTED.name().equalsIgnoreCase(replyState)) {
            return order.reject("NinjaTrader rejected the order: " + Protocol.text(reply, "reason", "no reason given"), now);
        }
        return order.submit(Protocol.text(reply, "brokerOrderId", ""), now);
    }

    /** Why an order cannot be sent now; null when it can. Called under the lock. */
    private String refusal(OrderRequest request) {
        if (state != ComponentState.RUNNING) {
            return switch (state) {
                case NEW -> "NinjaTrader broker for " + instrument.symbol() + " is not connected; call connect() first";
                case STOPPED -> "the NinjaTrader strategy for " + instrument.symbol()
                        + " is disconnected or re-synchronising; orders resume once it reconnects";
                default -> "NinjaTrader broker for " + instrument.symbol() + " is " + state;
            };
        }
        if (!Nt8Bridge.key(request.instrument().symbol()).equals(Nt8Bridge.key(instrument.symbol()))) {
            return "this broker trades " + instrument.symbol() + " only, got an order for " + request.instrument().symbol()
                    + "; ask the bridge for that instrument's broker";
        }
        if (orders.containsKey(request.clientOrderId())) {
            return "client order id " + request.clientOrderId() + " is already in use";
        }
        if (connection == null || !connection.isOpen()) {
            return "the NinjaTrader strategy for " + instrument.symbol() + " is not connected";
        }
        Nt8Feed feed = bridge.primaryFeedIfPresent(instrument.symbol());
        if (feed != null && feed.isWarmingUp()) {
            return "NinjaTrader is replaying history (the strategy's State.Historical); orders start with the first real-time bar";
        }
        return null;
    }

    /** Forgets an unconfirmed order, asks NinjaTrader to cancel it anyway, and rejects it. */
    private Order giveUp(Connection c, Order order, String why) {
        synchronized (lock) {
            orders.remove(order.clientOrderId());
        }
        if (c.isOpen()) {
            sendCancel(c, order.clientOrderId());
        }
        LOG.warn("order {} rejected: {}", order.clientOrderId(), why);
        return order.reject(why, Instant.now());
    }

    private ObjectNode orderMessage(OrderRequest r) {
        ObjectNode m = Protocol.message(MessageType.ORDER);
        m.put("clientOrderId", r.clientOrderId());
        m.put("instrument", instrument.symbol());
        m.put("side", r.side().name());
        m.put("quantity", r.quantity());
        m.put("orderType", r.type().name());
        putPrice(m, "limitPrice", r.limitPrice());
        putPrice(m, "stopPrice", r.stopPrice());
        m.put("timeInForce", r.timeInForce().name());
        putPrice(m, "stopLoss", r.bracket().stopLossPrice());
        putPrice(m, "takeProfit", r.bracket().takeProfitPrice());
        m.put("tag", r.tag());
        return m;
    }

    private static void putPrice(ObjectNode m, String field, double value) {
        if (Double.isFinite(value)) {
            m.put(field, value);
        } else {
            m.putNull(field);
        }
    }

    @Override
    public void cancel(String clientOrderId) {
        Connection c;
        synchronized (lock) {
            Tracked t = orders.get(clientOrderId);
            if (t == null) {
                LOG.warn("NinjaTrader broker: cancel of unknown or finished order {} ignored", clientOrderId);
                return;
            }
            c = connection;
        }
        if (c == null || !c.isOpen()) {
            String text = "cannot cancel " + clientOrderId + ": the NinjaTrader strategy for " + instrument.symbol()
                    + " is not connected; it stays working at NinjaTrader until the strategy reconnects";
            LOG.warn(text);
            listenerSnapshot().onError(text, null);
            return;
        }
        sendCancel(c, clientOrderId);
    }

    private void sendCancel(Connection c, String clientOrderId) {
        ObjectNode m = Protocol.message(MessageType.CANCEL);
        m.put("clientOrderId", clientOrderId);
        c.request(m, bridge.settings().requestTimeout()).whenComplete((reply, error) -> {
            if (error != null) {
                String text = "cancel of " + clientOrderId + " not confirmed by NinjaTrader: " + describe(error);
                LOG.warn(text);
                listenerSnapshot().onError(text, null);
            }
        });
    }

    private BrokerListener listenerSnapshot() {
        synchronized (lock) {
            return listener;
        }
    }

    @Override
    public List<Order> openOrders() {
        synchronized (lock) {
            List<Order> out = new ArrayList<>(orders.size());
            for (Tracked t : orders.values()) {
                if (t.order.state().isWorking()) {
                    out.add(t.order);
                }
            }
            return out;
        }
    }

    @Override
    public Map<String, Double> positions() {
        synchronized (lock) {
            return Map.copyOf(positions);
        }
    }

    /** The latest {@code account} values the strategy sent (cash value, realised P&amp;L, ...); empty before one. */
    public Map<String, Double> account() {
        synchronized (lock) {
            return Map.copyOf(account);
        }
    }

    /**
     * Measures the round trip to the strategy with a heartbeat it echoes. Every message the strategy
     * sent before the echo has been handled when this returns, which is what tests wait on.
     *
     * @throws IllegalStateException when no strategy is connected or it does not answer in time
     */
    public Duration ping() {
        Connection c = bridge.connection(instrument.symbol());
        if (c == null) {
            throw new IllegalStateException("no NinjaTrader strategy for " + instrument.symbol() + " is connected");
        }
        long start = System.nanoTime();
        try {
            c.request(Protocol.message(MessageType.HEARTBEAT), bridge.settings().requestTimeout()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during ping", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ping to the NinjaTrader strategy for " + instrument.symbol() + " failed: "
                    + describe(e.getCause()), e.getCause());
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    // --- from the bridge (reader thread) ----------------------------------------------------------

    void onConnected(Connection c) {
        boolean resync;
        synchronized (lock) {
            resync = !firstSync && state != ComponentState.CLOSED;
            if (resync) {
                state = ComponentState.STOPPED;
            }
        }
        if (resync) {
            // The replies arrive on this connection's reader thread, which is the caller: sync elsewhere.
            Thread.ofVirtual().name("nt8-sync-" + c.id()).start(() -> sync(c));
        }
    }

    void onDisconnected(Connection c) {
        BrokerListener l;
        synchronized (lock) {
            if (connection != c || state == ComponentState.CLOSED) {
                return;
            }
            if (state == ComponentState.RUNNING) {
                state = ComponentState.STOPPED;
            }
            l = listener;
        }
        String text = "NinjaTrader strategy for " + instrument.symbol() + " disconnected (" + c.closeReason()
                + "); new orders are rejected until it reconnects, working orders stay at NinjaTrader";
        l.onError(text, null);
    }

    void bridgeClosed() {
        synchronized (lock) {
            if (state != ComponentState.CLOSED) {
                state = ComponentState.STOPPED;
            }
        }
    }

    /** Applies one message from the strategy; {@code isReply} when it answers a request of ours. */
    void onMessage(MessageType type, ObjectNode m, boolean isReply) throws ProtocolException {
        switch (type) {
            case ORDER_UPDATE -> orderUpdate(m, isReply);
            case EXECUTION -> execution(m);
            case POSITION -> position(m);
            case ACCOUNT -> accountValues(m);
            default -> throw new ProtocolException(ErrorCode.BAD_MESSAGE, type.wireName() + " is not for the broker", Protocol.id(m));
        }
    }

    private void orderUpdate(ObjectNode m, boolean isReply) throws ProtocolException {
        String clientOrderId = Protocol.text(m, "clientOrderId");
        OrderState reported = orderState(m);
        String brokerOrderId = Protocol.text(m, "brokerOrderId", "");
        Instant time = optionalTime(m);
        synchronized (lock) {
            if (syncing) {
                reportedDuringSync.add(clientOrderId);
            }
            Tracked t = orders.get(clientOrderId);
            if (t == null) {
                if (!reported.isTerminal()) {
                    adopt(clientOrderId, m, brokerOrderId, time);
                }
                return; // an update about an order that has already ended here
            }
            if (isReply && t.order.state() == OrderState.NEW) {
                // The answer to our order request: submit() returns it, the listener does not get it (as with every broker).
                if (reported == OrderState.REJECTED) {
                    orders.remove(clientOrderId);
                } else {
                    t.order = t.order.submit(brokerOrderId, time);
                }
                return;
            }
            if (t.order.state() == OrderState.NEW) {
                t.order = t.order.submit(brokerOrderId, time);
            }
            if (reported == OrderState.CANCELLED || reported == OrderState.REJECTED) {
                double filledThere = Protocol.optionalNumber(m, "filledQuantity");
                if (Double.isFinite(filledThere) && filledThere > t.order.filledQuantity() + QUANTITY_EPSILON) {
                    t.heldTerminalUpdate = m; // its executions are still on the way: fills before the update
                } else {
                    finish(clientOrderId, t, reported, Protocol.text(m, "reason", "no reason given"), time);
                }
            }
            // SUBMITTED, PARTIALLY_FILLED, FILLED: the executions move the order, in order.
        }
    }

    /** An order NinjaTrader works that this side did not send: a bracket child, or one from before a restart. */
    private void adopt(String clientOrderId, ObjectNode m, String brokerOrderId, Instant time) throws ProtocolException {
        Side side = side(m);
        double quantity = Protocol.number(m, "quantity");
        OrderType type = enumField(m, "orderType", OrderType.class, OrderType.MARKET);
        OrderRequest.Builder b = OrderRequest.builder(clientOrderId, instrument, side, quantity)
                .timeInForce(enumField(m, "timeInForce", TimeInForce.class, TimeInForce.GTC))
                .tag(Protocol.text(m, "tag", ""));
        if (type.needsLimitPrice()) {
            b.limit(Protocol.number(m, "limitPrice"));
        }
        if (type.needsStopPrice()) {
            b.stop(Protocol.number(m, "stopPrice"));
        }
        OrderRequest request;
        try {
            request = b.build();
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "order_update for a new order: " + e.getMessage(), Protocol.id(m));
        }
        Order order = Order.create(request, time).submit(brokerOrderId, time);
        orders.put(clientOrderId, new Tracked(order, true));
        if (!firstSync) {
            listener.onOrderUpdate(order);
        }
    }

    private void finish(String clientOrderId, Tracked t, OrderState reported, String reason, Instant time) {
        if (t.order.state().isTerminal()) {
            return;
        }
        t.order = reported == OrderState.REJECTED && t.order.state() == OrderState.SUBMITTED
                ? t.order.reject(reason, time)
                : t.order.cancel(reason, time);
        orders.remove(clientOrderId);
        listener.onOrderUpdate(t.order);
    }

    private void execution(ObjectNode m) throws ProtocolException {
        String executionId = Protocol.text(m, "executionId");
        String clientOrderId = Protocol.text(m, "clientOrderId");
        Side side = side(m);
        double quantity = Protocol.number(m, "quantity");
        double price = Protocol.number(m, "price");
        double commission = Protocol.optionalNumber(m, "commission");
        Instant time = optionalTime(m);
        if (!(quantity > 0)) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "execution.quantity must be > 0, got " + quantity, Protocol.id(m));
        }
        String warning = null;
        synchronized (lock) {
            if (!executionIds.add(executionId)) {
                return; // replayed on a resync, or sent twice: booked once
            }
            if (firstSync) {
                return; // from before this session: reflected in the position warning, not in the session's books
            }
            Tracked t = orders.get(clientOrderId);
            if (t == null) {
                OrderRequest request = OrderRequest.market(clientOrderId, instrument, side, quantity);
                t = new Tracked(Order.create(request, time).submit("", time), true);
                orders.put(clientOrderId, t);
                warning = "execution " + executionId + " belongs to order " + clientOrderId
                        + ", which this session does not know; booked so the portfolio matches NinjaTrader";
            } else if (t.order.state() == OrderState.NEW) {
                t.order = t.order.submit("", time);
            }
            double booked = Math.min(quantity, t.order.remainingQuantity());
            if (quantity > t.order.remainingQuantity() + QUANTITY_EPSILON) {
                warning = "execution " + executionId + " of " + quantity + " exceeds the " + t.order.remainingQuantity()
                        + " left on order " + clientOrderId + "; the fill is booked whole, the order is closed as filled";
            }
            Fill fill = new Fill(clientOrderId, instrument, side, quantity, price,
                    Double.isFinite(commission) && commission >= 0 ? commission : 0.0, time);
            if (booked > QUANTITY_EPSILON && t.order.state().isWorking()) {
                t.order = t.order.fill(booked, price, time);
            }
            listener.onFill(fill);
            listener.onOrderUpdate(t.order);
            if (t.order.state().isTerminal()) {
                orders.remove(clientOrderId);
            } else if (t.heldTerminalUpdate != null) {
                ObjectNode held = t.heldTerminalUpdate;
                double filledThere = Protocol.optionalNumber(held, "filledQuantity");
                if (!(filledThere > t.order.filledQuantity() + QUANTITY_EPSILON)) {
                    t.heldTerminalUpdate = null;
                    finish(clientOrderId, t, orderState(held), Protocol.text(held, "reason", "no reason given"), optionalTime(held));
                }
            }
        }
        if (warning != null) {
            LOG.warn(warning);
            listener.onError(warning, null);
        }
    }

    private void position(ObjectNode m) throws ProtocolException {
        String symbol = Nt8Bridge.symbolOf(Protocol.text(m, "instrument", instrument.symbol()));
        double quantity = Protocol.number(m, "quantity");
        synchronized (lock) {
            if (Math.abs(quantity) < QUANTITY_EPSILON) {
                positions.remove(symbol);
            } else {
                positions.put(symbol, quantity);
            }
        }
    }

    private void accountValues(ObjectNode m) {
        synchronized (lock) {
            for (var it = m.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNumber()) {
                    account.put(e.getKey(), e.getValue().asDouble());
                }
            }
            account.remove("v");
        }
    }

    /**
     * Fills an {@code action_response} with what this broker's orders aim at: the target position
     * (the position plus working entries), the protective stop and target prices, and the source of
     * the newest order.
     */
    void describeTarget(ObjectNode reply) {
        synchronized (lock) {
            double position = positions.getOrDefault(instrument.symbol(), 0.0);
            double target = position;
            double stop = Double.NaN;
            double takeProfit = Double.NaN;
            String source = "";
            int working = 0;
            for (Tracked t : orders.values()) {
                Order o = t.order;
                if (!o.state().isWorking() && o.state() != OrderState.NEW) {
                    continue;
                }
                working++;
                OrderRequest r = o.request();
                if (t.adopted && r.type() == OrderType.STOP) {
                    stop = r.stopPrice();
                } else if (t.adopted && r.type() == OrderType.LIMIT) {
                    takeProfit = r.limitPrice();
                } else {
                    target += r.side().sign() * (r.quantity() - o.filledQuantity());
                    if (r.bracket().hasStopLoss()) {
                        stop = r.bracket().stopLossPrice();
                    }
                    if (r.bracket().hasTakeProfit()) {
                        takeProfit = r.bracket().takeProfitPrice();
                    }
                }
                if (!r.tag().isEmpty()) {
                    source = r.tag();
                }
            }
            reply.put("position", position);
            reply.put("targetPosition", target);
            putPrice(reply, "stopLoss", stop);
            putPrice(reply, "takeProfit", takeProfit);
            reply.put("workingOrders", working);
            reply.put("source", source);
        }
    }

    private static OrderState orderState(ObjectNode m) throws ProtocolException {
        return enumField(m, "state", OrderState.class, null);
    }

    private static Side side(ObjectNode m) throws ProtocolException {
        return enumField(m, "side", Side.class, null);
    }

    private static <E extends Enum<E>> E enumField(ObjectNode m, String field, Class<E> type, E fallback) throws ProtocolException {
        String text = fallback == null ? Protocol.text(m, field) : Protocol.text(m, field, fallback.name());
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, Protocol.text(m, "type", "?") + "." + field + " must be one of "
                    + names + ", got \"" + text + "\"", Protocol.id(m));
        }
    }

    private static Instant optionalTime(ObjectNode m) throws ProtocolException {
        return m.hasNonNull("time") ? Protocol.time(m, "time") : Instant.now();
    }

    private static String describe(Throwable t) {
        if (t instanceof TimeoutException) {
            return "no reply in time";
        }
        if (t instanceof IOException || t instanceof ProtocolException) {
            return t.getMessage();
        }
        return String.valueOf(t);
    }

    /** Ends the broker; the bridge and NinjaTrader's working orders are left as they are. */
    @Override
    public void close() {
        synchronized (lock) {
            if (state == ComponentState.CLOSED) {
                return;
            }
            state = ComponentState.CLOSED;
        }
        bridge.release(this);
        afterClose.run();
    }

    /** Run once after close: the providers release their shared bridge with it. */
    private final SharedBridges.OnClose afterClose = new SharedBridges.OnClose();

    void afterClose(Runnable hook) {
        afterClose.set(hook);
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "Nt8Broker[" + instrument.symbol() + ", " + state + ", " + orders.size() + " orders]";
        }
    }
}
