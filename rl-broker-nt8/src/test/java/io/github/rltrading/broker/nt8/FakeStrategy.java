package io.github.rltrading.broker.nt8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.broker.nt8.protocol.LineReader;
import io.github.rltrading.broker.nt8.protocol.MessageType;
import io.github.rltrading.broker.nt8.protocol.Protocol;
import io.github.rltrading.broker.nt8.protocol.ProtocolException;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.spi.BrokerListener;
import io.github.rltrading.core.trading.Bracket;
import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.OrderType;
import io.github.rltrading.core.trading.Side;
import io.github.rltrading.core.trading.TimeInForce;
import io.github.rltrading.env.sim.ExecutionModel;
import io.github.rltrading.env.sim.SimBroker;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for RlBridgeStrategy written in Java: it speaks protocol v1 over a real socket and
 * executes the bridge's orders on a {@link SimBroker}, sending executions before order updates and
 * a position after each execution, as the NinjaScript strategy does. Tests drive its market with
 * {@link #publish}.
 */
final class FakeStrategy implements AutoCloseable {

    private final int port;
    private final Instrument instrument;
    private final String instrumentName;
    private final SimBroker sim = new SimBroker(ExecutionModel.DEFAULT);
    private final BlockingQueue<ObjectNode> received = new LinkedBlockingQueue<>();
    private final List<Fill> executed = new ArrayList<>();
    private final Map<String, String> cancelReplies = new ConcurrentHashMap<>();
    private volatile boolean answerOrders = true;
    private volatile boolean answerHeartbeats = true;
    private Socket socket;
    private OutputStream out;
    private Thread reader;
    private int executions;

    FakeStrategy(int port, Instrument instrument, String instrumentName) {
        this.port = port;
        this.instrument = instrument;
        this.instrumentName = instrumentName;
        sim.setListener(new BrokerListener() {
            @Override
            public void onOrderUpdate(Order order) {
                ObjectNode m = update(order);
                String replyTo = cancelReplies.remove(order.clientOrderId());
                if (replyTo != null) {
                    m.put("id", replyTo);
                }
                send(m);
            }

            @Override
            public void onFill(Fill fill) {
                ObjectNode m = Protocol.message(MessageType.EXECUTION);
                m.put("executionId", "x" + (++executions));
                m.put("clientOrderId", fill.clientOrderId());
                m.put("side", fill.side().name());
                m.put("quantity", fill.quantity());
                m.put("price", fill.price());
                m.put("commission", fill.commission());
                m.put("time", fill.time().toString());
                synchronized (executed) {
                    executed.add(fill);
                }
                send(m);
                sendPosition();
            }
        });
        sim.connect();
    }

    /** Connects and says hello; waits for the welcome. */
    FakeStrategy connect() throws IOException, InterruptedException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        reader = Thread.ofVirtual().start(this::readLoop);
        ObjectNode hello = Protocol.message(MessageType.HELLO);
        hello.put("id", "h1");
        hello.put("instrument", instrumentName);
        hello.put("account", "Sim101");
        hello.putArray("timeframes").add("1m").add("5m").add("15m");
        send(hello);
        ObjectNode welcome = await(MessageType.WELCOME, Duration.ofSeconds(5));
        if (welcome == null) {
            throw new IOException("no welcome from the bridge");
        }
        return this;
    }

    /** Drops the connection the way a crashed NinjaTrader would. */
    void disconnect() throws IOException, InterruptedException {
        socket.close();
        reader.join(2000);
    }

    SimBroker sim() {
        return sim;
    }

    void answerOrders(boolean value) {
        this.answerOrders = value;
    }

    void answerHeartbeats(boolean value) {
        this.answerHeartbeats = value;
    }

    /**
     * Lets the simulated exchange trade the bar (executions, updates, positions go out), then sends
     * the bar, closed: as in NinjaTrader, fills during a bar reach the bridge before the bar does.
     */
    void publish(Bar bar, boolean historical) {
        sim.onBar(bar);
        ObjectNode m = Protocol.message(MessageType.BAR);
        m.put("instrument", instrumentName);
        m.put("timeframe", bar.timeframe().toString());
        m.put("end", bar.end().toString());
        m.put("open", bar.open());
        m.put("high", bar.high());
        m.put("low", bar.low());
        m.put("close", bar.close());
        m.put("volume", bar.volume());
        m.put("historical", historical);
        send(m);
    }

    /** Asks the bridge for the action at a bar (what the strategy does on each primary bar close). */
    void requestAction(String id, Bar bar) {
        ObjectNode m = Protocol.message(MessageType.ACTION_REQUEST);
        m.put("id", id);
        m.put("instrument", instrumentName);
        m.put("barEnd", bar.end().toString());
        send(m);
    }

    /** Writes raw bytes (for robustness tests). */
    synchronized void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    synchronized void send(ObjectNode m) {
        try {
            if (out != null) {
                out.write(Protocol.encode(m));
                out.flush();
            }
        } catch (IOException e) {
            // the bridge went away; tests see it through the broker
        }
    }

    /** The next received message of {@code type}, skipping others (kept), or null after {@code timeout}. */
    ObjectNode await(MessageType type, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        List<ObjectNode> skipped = new ArrayList<>();
        try {
            while (true) {
                long left = until - System.nanoTime();
                ObjectNode m = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (m == null) {
                    return null;
                }
                if (type.wireName().equals(Protocol.text(m, "type", ""))) {
                    return m;
                }
                skipped.add(m);
            }
        } finally {
            // Put the others back at the end: tests look for one type at a time.
            received.addAll(skipped);
        }
    }

    private void readLoop() {
        try {
            LineReader lines = new LineReader(socket.getInputStream(), Protocol.DEFAULT_MAX_LINE_BYTES);
            byte[] line;
            while ((line = lines.readLine()) != null) {
                if (line.length == 0) {
                    continue;
                }
                ObjectNode m = Protocol.parse(line);
                handle(m);
            }
        } catch (IOException | ProtocolException e) {
            // closed
        }
    }

    private void handle(ObjectNode m) throws ProtocolException {
        String type = Protocol.text(m, "type", "");
        String id = Protocol.id(m);
        switch (type) {
            case "order" -> {
                if (!answerOrders) {
                    received.add(m);
                    return;
                }
                OrderRequest r = request(m);
                Order o = sim.submit(r);
                ObjectNode reply = update(o);
                reply.put("id", id);
                send(reply);
            }
            case "cancel" -> {
                String coid = Protocol.text(m, "clientOrderId");
                boolean known = sim.openOrders().stream().anyMatch(o -> o.clientOrderId().equals(coid));
                if (!known) {
                    send(Protocol.error(io.github.rltrading.broker.nt8.protocol.ErrorCode.UNKNOWN_ORDER,
                            "no working order " + coid, id));
                    return;
                }
                cancelReplies.put(coid, id);
                sim.cancel(coid);
            }
            case "sync_request" -> {
                List<Fill> all;
                synchronized (executed) {
                    all = List.copyOf(executed);
                }
                int n = 0;
                for (Fill f : all) {
                    ObjectNode e = Protocol.message(MessageType.EXECUTION);
                    e.put("executionId", "x" + (++n));
                    e.put("clientOrderId", f.clientOrderId());
                    e.put("side", f.side().name());
                    e.put("quantity", f.quantity());
                    e.put("price", f.price());
                    e.put("commission", f.commission());
                    e.put("time", f.time().toString());
                    e.put("replayed", true);
                    send(e);
                }
                for (Order o : sim.openOrders()) {
                    send(update(o));
                }
                sendPosition();
                ObjectNode done = Protocol.message(MessageType.SYNC_DONE);
                done.put("id", id);
                send(done);
            }
            case "heartbeat" -> {
                if (id != null && answerHeartbeats) {
                    ObjectNode echo = Protocol.message(MessageType.HEARTBEAT);
                    echo.put("id", id);
                    send(echo);
                }
            }
            default -> received.add(m);
        }
    }

    private void sendPosition() {
        ObjectNode p = Protocol.message(MessageType.POSITION);
        p.put("instrument", instrumentName);
        p.put("quantity", sim.position(instrument.symbol()));
        send(p);
    }

    private ObjectNode update(Order o) {
        ObjectNode m = Protocol.message(MessageType.ORDER_UPDATE);
        OrderRequest r = o.request();
        m.put("clientOrderId", o.clientOrderId());
        m.put("brokerOrderId", o.brokerOrderId());
        m.put("state", o.state().name());
        m.put("filledQuantity", o.filledQuantity());
        m.put("side", r.side().name());
        m.put("quantity", r.quantity());
        m.put("orderType", r.type().name());
        if (Double.isFinite(r.limitPrice())) {
            m.put("limitPrice", r.limitPrice());
        }
        if (Double.isFinite(r.stopPrice())) {
            m.put("stopPrice", r.stopPrice());
        }
        m.put("timeInForce", r.timeInForce().name());
        m.put("reason", o.reason());
        m.put("time", o.updatedAt().toString());
        return m;
    }

    private OrderRequest request(ObjectNode m) throws ProtocolException {
        OrderRequest.Builder b = OrderRequest.builder(Protocol.text(m, "clientOrderId"), instrument,
                Side.valueOf(Protocol.text(m, "side")), Protocol.number(m, "quantity"))
                .timeInForce(TimeInForce.valueOf(Protocol.text(m, "timeInForce", "DAY")))
                .tag(Protocol.text(m, "tag", ""));
        OrderType type = OrderType.valueOf(Protocol.text(m, "orderType").toUpperCase(Locale.ROOT));
        if (type.needsLimitPrice()) {
            b.limit(Protocol.number(m, "limitPrice"));
        }
        if (type.needsStopPrice()) {
            b.stop(Protocol.number(m, "stopPrice"));
        }
        double sl = Protocol.optionalNumber(m, "stopLoss");
        double tp = Protocol.optionalNumber(m, "takeProfit");
        if (Double.isFinite(sl) || Double.isFinite(tp)) {
            b.bracket(new Bracket(sl, tp));
        }
        return b.build();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }
}
