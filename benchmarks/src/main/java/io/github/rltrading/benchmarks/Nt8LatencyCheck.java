package io.github.rltrading.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.broker.nt8.Nt8Bridge;
import io.github.rltrading.broker.nt8.Nt8Broker;
import io.github.rltrading.broker.nt8.Nt8Feed;
import io.github.rltrading.broker.nt8.protocol.LineReader;
import io.github.rltrading.broker.nt8.protocol.MessageType;
import io.github.rltrading.broker.nt8.protocol.Protocol;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.env.backtest.Baselines;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.MarketFeatures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The NinjaTrader bridge's speed on loopback, with a Java client playing the strategy:
 *
 * <ol>
 *   <li><b>decision round trip</b>: the client sends a closed 1-minute bar and its
 *       {@code action_request}; a {@link TradingSession} (default feature set, the EMA-cross rules
 *       policy, orders answered and filled by the client) decides; the time until the
 *       {@code action_response} arrives, per bar (targets p50 ≤ 200 µs, p99 ≤ 1 ms);</li>
 *   <li><b>bar throughput</b>: bar messages one connection can push through the bridge into a feed
 *       that a consumer drains (target ≥ 20,000/s).</li>
 * </ol>
 *
 * <pre>
 * bin/mvn -q -pl benchmarks exec:exec -Dbench.main=io.github.rltrading.benchmarks.Nt8LatencyCheck -Djmh.args=
 * </pre>
 */
public final class Nt8LatencyCheck {

    private static final Instrument ES = ContractSpecs.ES;

    private Nt8LatencyCheck() {}

    public static void main(String[] args) throws Exception {
        int warmUp = 5_000;
        int measured = 20_000;
        BarSeries bars = BenchData.minutes(warmUp + measured, 11);
        for (int rep = 1; rep <= 3; rep++) {
            roundTrips(bars, warmUp, rep);
        }
        for (int rep = 1; rep <= 3; rep++) {
            throughput(BenchData.minutes(200_000, 3), rep);
        }
    }

    private static void roundTrips(BarSeries bars, int warmUp, int rep) throws Exception {
        try (Nt8Bridge bridge = Nt8Bridge.builder().port(0).build().start()) {
            Nt8Feed feed = bridge.feed(ES, Timeframe.M1);
            Nt8Broker broker = bridge.broker(ES);
            MarketFeatures features = new MarketFeatures(FeatureConfig.DEFAULT);
            try (Client client = new Client(bridge.port())) {
                TradingSession session = TradingSession.builder().instrument(ES).feed(feed).features(features)
                        .policy(Baselines.emaCross(features.names())).broker(broker).startingCash(100_000).maxPosition(2)
                        .pollTimeout(Duration.ofMillis(100)).build();
                CompletableFuture<?> run = CompletableFuture.runAsync(session::run);
                long[] nanos = new long[bars.size() - warmUp];
                for (int i = 0; i < bars.size(); i++) {
                    byte[] barLine = barLine(bars, i);
                    long start = System.nanoTime();
                    client.out.write(barLine);
                    client.out.write(Protocol.encode(actionRequest("a" + i, bars.endTime(i))));
                    client.out.flush();
                    client.untilResponse("a" + i, i);
                    if (i >= warmUp) {
                        nanos[i - warmUp] = System.nanoTime() - start;
                    }
                }
                feed.close();
                run.get();
                Arrays.sort(nanos);
                System.out.printf(Locale.ROOT, "round trip run %d: %d bars after %d warm-up: p50 %.1f µs, p90 %.1f µs, p99 %.1f µs,"
                                + " max %.1f µs; %d orders filled%n", rep, nanos.length, warmUp, pct(nanos, 0.50), pct(nanos, 0.90),
                        pct(nanos, 0.99), nanos[nanos.length - 1] / 1000.0, client.orders);
            }
        }
    }

    private static void throughput(BarSeries bars, int rep) throws Exception {
        try (Nt8Bridge bridge = Nt8Bridge.builder().port(0).build().start()) {
            Nt8Feed feed = bridge.feed(ES, Timeframe.M1);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < bars.size(); i++) {
                all.write(barLine(bars, i));
            }
            byte[] payload = all.toByteArray();
            try (Client client = new Client(bridge.port())) {
                long start = System.nanoTime();
                CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                    try {
                        client.out.write(payload);
                        client.out.flush();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                int received = 0;
                while (received < bars.size()) {
                    if (feed.next(Duration.ofSeconds(10)).isEmpty()) {
                        throw new IllegalStateException("the feed stalled after " + received + " bars");
                    }
                    received++;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                sender.get();
                System.out.printf(Locale.ROOT, "throughput run %d: %d bar messages (%.1f MB) through one connection in %.3f s:"
                        + " %.0f bars/s%n", rep, received, payload.length / 1e6, seconds, received / seconds);
            }
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))] / 1000.0;
    }

    private static byte[] barLine(BarSeries s, int i) {
        ObjectNode m = Protocol.message(MessageType.BAR);
        m.put("instrument", "ES 12-26");
        m.put("timeframe", "1m");
        m.put("end", s.endTime(i).toString());
        m.put("open", s.open(i));
        m.put("high", s.high(i));
        m.put("low", s.low(i));
        m.put("close", s.close(i));
        m.put("volume", s.volume(i));
        return Protocol.encode(m);
    }

    private static ObjectNode actionRequest(String id, Instant barEnd) {
        ObjectNode m = Protocol.message(MessageType.ACTION_REQUEST);
        m.put("id", id);
        m.put("barEnd", barEnd.toString());
        return m;
    }

    /**
     * The strategy's side, minimal: hello, then answers sync requests, pings and orders (accepted,
     * then filled at once at a made-up price with an execution and a position).
     */
    private static final class Client implements AutoCloseable {
        final Socket socket;
        final OutputStream out;
        final LineReader in;
        double position;
        int orders;
        int executions;

        Client(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            in = new LineReader(socket.getInputStream(), Protocol.DEFAULT_MAX_LINE_BYTES);
            ObjectNode hello = Protocol.message(MessageType.HELLO);
            hello.put("id", "h1");
            hello.put("instrument", "ES 12-26");
            out.write(Protocol.encode(hello));
            out.flush();
        }

        /** Reads and answers until the action_response {@code id} arrives. */
        void untilResponse(String id, int bar) throws Exception {
            while (true) {
                byte[] line = in.readLine();
                if (line == null) {
                    throw new IOException("the bridge closed the connection");
                }
                ObjectNode m = Protocol.parse(line);
                String type = Protocol.text(m, "type", "");
                String mid = Protocol.id(m);
                switch (type) {
                    case "action_response" -> {
                        if (id.equals(mid)) {
                            return;
                        }
                    }
                    case "sync_request" -> reply(MessageType.SYNC_DONE, mid);
                    case "heartbeat" -> {
                        if (mid != null) {
                            reply(MessageType.HEARTBEAT, mid);
                        }
                    }
                    case "order" -> fill(m, mid, bar);
                    case "error" -> throw new IllegalStateException("the bridge answered with an error: " + m);
                    default -> { }
                }
            }
        }

        private void reply(MessageType type, String id) throws IOException {
            ObjectNode m = Protocol.message(type);
            m.put("id", id);
            out.write(Protocol.encode(m));
            out.flush();
        }

        private void fill(ObjectNode order, String id, int bar) throws Exception {
            orders++;
            String coid = Protocol.text(order, "clientOrderId");
            String side = Protocol.text(order, "side");
            double qty = Protocol.number(order, "quantity");
            ObjectNode ack = Protocol.message(MessageType.ORDER_UPDATE);
            ack.put("id", id);
            ack.put("clientOrderId", coid);
            ack.put("state", "SUBMITTED");
            ack.put("brokerOrderId", "b" + orders);
            out.write(Protocol.encode(ack));
            ObjectNode exec = Protocol.message(MessageType.EXECUTION);
            exec.put("executionId", "x" + (++executions));
            exec.put("clientOrderId", coid);
            exec.put("side", side);
            exec.put("quantity", qty);
            exec.put("price", 4000.0 + (bar % 40) * 0.25);
            out.write(Protocol.encode(exec));
            position += "BUY".equals(side) ? qty : -qty;
            ObjectNode pos = Protocol.message(MessageType.POSITION);
            pos.put("quantity", position);
            out.write(Protocol.encode(pos));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
