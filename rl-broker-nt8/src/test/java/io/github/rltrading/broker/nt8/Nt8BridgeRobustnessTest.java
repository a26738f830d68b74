package io.github.rltrading.broker.nt8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.broker.nt8.protocol.MessageType;
import io.github.rltrading.broker.testkit.RecordingListener;
import io.github.rltrading.core.ComponentState;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.OrderState;
import io.github.rltrading.core.trading.Side;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The bridge against misbehaving peers, over real sockets: every bad input gets an {@code error}
 * and the connection (and every other connection) keeps being served; peers that go silent or stop
 * reading are dropped; nothing leaks.
 */
class Nt8BridgeRobustnessTest {

    private static final Instrument MES = ContractSpecs.MES;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static String code(ObjectNode m) {
        assertThat(m).as("an error message").isNotNull();
        assertThat(m.get("type").asText()).isEqualTo("error");
        return m.get("code").asText();
    }

    @Test
    void badMessagesGetAnErrorNamingTheProblemAndTheConnectionGoesOn() throws IOException {
        try (Nt8Bridge bridge = Nt8Bridge.builder().port(0).build().start(); RawClient c = new RawClient(bridge.port())) {
            c.line("this is not json");
            assertThat(code(c.next(WAIT))).isEqualTo("malformed_json");
            c.line("{\"type\":\"bar\",\"v\":1}");
            ObjectNode beforeHello = c.next(WAIT);
            assertThat(code(beforeHello)).isEqualTo("hello_required");
            assertThat(beforeHello.get("message").asText()).contains("send hello first").contains("bar");
            c.hello("MES 12-26");
            ObjectNode welcome = c.next(WAIT);
            assertThat(welcome.get("type").asText()).isEqualTo("welcome");
            assertThat(welcome.get("symbol").asText()).isEqualTo("MES");
            assertThat(welcome.get("id").asText()).isEqualTo("h");
            c.line("{\"type\":\"frobnicate\",\"v\":1,\"id\":\"q1\"}");
            ObjectNode unknown = c.next(WAIT);
            assertThat(code(unknown)).isEqualTo("unknown_type");
            assertThat(unknown.get("message").asText()).contains("'frobnicate'");
            assertThat(unknown.get("id").asText()).isEqualTo("q1");
            c.line("{\"type\":\"heartbeat\",\"v\":2}");
            ObjectNode version = c.next(WAIT);
            assertThat(code(version)).isEqualTo("unsupported_version");
            assertThat(version.get("message").asText()).isEqualTo("heartbeat.v must be 1, got 2");
            c.line("{\"type\":\"bar\",\"v\":1,\"timeframe\":\"1m\",\"end\":\"2026-11-20T14:31:00Z\",\"open\":1,\"high\":2,"
                    + "\"low\":0.5,\"close\":\"1.5x\",\"volume\":10}");
            ObjectNode badField = c.next(WAIT);
            assertThat(code(badField)).isEqualTo("bad_message");
            assertThat(badField.get("message").asText()).isEqualTo("bar.close must be a finite number, got \"1.5x\"");
            c.line("{\"type\":\"bar\",\"v\":1,\"timeframe\":\"7x\",\"end\":\"2026-11-20T14:31:00Z\",\"open\":1,\"high\":2,"
                    + "\"low\":0.5,\"close\":1.5,\"volume\":10}");
            assertThat(c.next(WAIT).get("message").asText()).startsWith("bar.timeframe: ");
            c.line("{\"type\":\"order\",\"v\":1,\"id\":\"x\"}");
            assertThat(c.next(WAIT).get("message").asText()).isEqualTo("order is sent by the server, not by the strategy");
            c.line("{\"type\":\"execution\",\"v\":1,\"id\":\"late-7\",\"executionId\":\"e1\"}");
            ObjectNode late = c.next(WAIT);
            assertThat(code(late)).isEqualTo("unknown_request");
            assertThat(late.get("message").asText()).contains("'late-7'").contains("late or out-of-order");
            assertThat(c.ping("p1")).as("still served").isTrue();
            assertThat(bridge.stats().errorsSent()).isEqualTo(8);
        }
    }

    @Test
    void garbageBytesAndATenMegabyteLineAreSkippedWithErrors() throws IOException {
        try (Nt8Bridge bridge = Nt8Bridge.builder().port(0).build().start(); RawClient c = new RawClient(bridge.port())) {
            c.hello("ES 12-26");
            assertThat(c.next(WAIT).get("type").asText()).isEqualTo("welcome");
            byte[] garbage = new byte[64 * 1024];
            new Random(42).nextBytes(garbage);
            c.bytes(garbage).bytes("\n".getBytes(StandardCharsets.UTF_8));
            assertThat(c.ping("after-garbage")).as("served after 64 KiB of random bytes").isTrue();
            byte[] huge = new byte[10 * 1024 * 1024];
            Arrays.fill(huge, (byte) 'a');
            c.bytes(huge).bytes("\n".getBytes(StandardCharsets.UTF_8));
            ObjectNode tooLong = c.next(WAIT);
            assertThat(code(tooLong)).isEqualTo("line_too_long");
            assertThat(tooLong.get("message").asText()).contains("1048576");
            assertThat(c.ping("after-10MB")).as("served after a 10 MB line").isTrue();
        }
    }

    @Test
    void aPeerThatStopsReadingIsDroppedWhileOthersAreServed() throws Exception {
        try (Nt8Bridge bridge = Nt8Bridge.builder().port(0).outboundQueue(16).build().start();
             RawClient stuck = new RawClient(bridge.port()); RawClient healthy = new RawClient(bridge.port())) {
            stuck.hello("ES 12-26");
            healthy.hello("MES 12-26");
            assertThat(healthy.next(WAIT).get("type").asText()).isEqualTo("welcome");
            // Every malformed line earns an error reply, which the stuck peer never reads.
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                byte[] lines = "x\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
                try {
                    for (int i = 0; i < 300; i++) {
                        stuck.bytes(lines);
                    }
                } catch (IOException e) {
                    // the server closed it: expected
                }
            });
            Nt8BrokerCompatibilityTest.waitFor(() -> bridge.stats().connectionsOpen() == 1, "the stuck peer to be dropped");
            assertThat(healthy.ping("while-flooded")).isTrue();
            flood.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void silentAndHalfOpenConnectionsAreClosedAfterTheIdleTimeout() throws IOException {
        try (Nt8Bridge bridge = Nt8Bridge.builder().port(0).heartbeatInterval(Duration.ofMillis(100))
                .idleTimeout(Duration.ofMillis(400)).build().start();
             RawClient silent = new RawClient(bridge.port()); RawClient half = new RawClient(bridge.port())) {
            half.bytes("{\"type\":\"hel".getBytes(StandardCharsets.UTF_8)); // a line that never ends
            assertThat(silent.closedByServer(WAIT)).as("silent peer closed").isTrue();
            assertThat(half.closedByServer(WAIT)).as("half-open peer closed").isTrue();
            Nt8BrokerCompatibilityTest.waitFor(() -> bridge.stats().connectionsOpen() == 0, "both connections to be gone");
        }
    }

    @Test
    void aHundredConnectionsAtOnceAreServedAndLeaveNothingBehind() throws Exception {
        bridgeThreads(); // loads the management classes (and opens their jars) before the file descriptors are counted
        long fdsBefore = openFileDescriptors();
        try (Nt8Bridge bridge = Nt8Bridge.builder().port(0).build().start()) {
            List<RawClient> clients = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Boolean>> answers = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    RawClient c = new RawClient(bridge.port());
                    clients.add(c);
                    int n = i;
                    answers.add(pool.submit(() -> {
                        c.hello("S" + n);
                        ObjectNode welcome = c.next(WAIT);
                        return welcome != null && welcome.get("symbol").asText().equals("S" + n) && c.ping("p" + n);
                    }));
                }
                for (Future<Boolean> f : answers) {
                    assertThat(f.get(20, TimeUnit.SECONDS)).isTrue();
                }
            }
            assertThat(bridge.stats().connectionsOpen()).isEqualTo(100);
            assertThat(bridgeThreads().stream().filter(n -> n.startsWith("nt8-read-")))
                    .as("the thread dump sees the connections' virtual threads").hasSize(100);
            for (RawClient c : clients) {
                c.close();
            }
            Nt8BrokerCompatibilityTest.waitFor(() -> bridge.stats().connectionsOpen() == 0, "all 100 connections to close");
            assertThat(bridge.stats().connectionsAccepted()).isEqualTo(100);
            Nt8BrokerCompatibilityTest.waitFor(() -> bridgeThreads().stream().noneMatch(n -> n.startsWith("nt8-read-")
                    || n.startsWith("nt8-write-")), "the connections' threads to end; alive: " + bridgeThreads());
        }
        Nt8BrokerCompatibilityTest.waitFor(() -> bridgeThreads().isEmpty(), "every bridge thread to end; alive: " + bridgeThreads());
        if (fdsBefore >= 0) {
            Nt8BrokerCompatibilityTest.waitFor(() -> openFileDescriptors() <= fdsBefore + 5,
                    "file descriptors to return to " + fdsBefore + " (now " + openFileDescriptors() + ")");
        }
    }

    /**
     * Names of the bridge's threads still alive, virtual ones included (a JSON thread dump lists
     * them; {@code Thread.getAllStackTraces} would not).
     */
    static List<String> bridgeThreads() {
        try {
            java.nio.file.Path dump = java.nio.file.Files.createTempFile("threads", ".json");
            java.nio.file.Files.delete(dump);
            var bean = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            bean.dumpThreads(dump.toString(), com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            String json = java.nio.file.Files.readString(dump);
            java.nio.file.Files.delete(dump);
            List<String> names = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"name\": \"(nt8-[^\"]*)\"").matcher(json);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    @Test
    void anUnansweredOrderIsRejectedAfterTheTimeoutAndCancelled() throws Exception {
        try (Nt8Bridge bridge = Nt8Bridge.builder().port(0).requestTimeout(Duration.ofMillis(300)).build().start();
             FakeStrategy strategy = new FakeStrategy(bridge.port(), MES, "MES 12-26")) {
            strategy.connect();
            Nt8Broker broker = bridge.broker(MES);
            RecordingListener listener = new RecordingListener();
            broker.setListener(listener);
            broker.connect();
            strategy.answerOrders(false);
            Order o = broker.submit(OrderRequest.market("late-1", MES, Side.BUY, 1));
            assertThat(o.state()).isEqualTo(OrderState.REJECTED);
            assertThat(o.reason()).isEqualTo("no reply from NinjaTrader within 300 ms (broker.requestTimeout); a cancel was sent"
                    + " in case the order arrives late");
            ObjectNode order = strategy.await(MessageType.ORDER, WAIT);
            assertThat(order.get("clientOrderId").asText()).isEqualTo("late-1");
            // The fake answers the cancel with unknown_order (it never placed the order): reported, not fatal.
            Nt8BrokerCompatibilityTest.waitFor(() -> listener.events().stream().anyMatch(e -> e.contains("cancel of late-1 not confirmed")),
                    "the unconfirmed cancel to be reported");
            assertThat(broker.openOrders()).isEmpty();
            assertThat(broker.state()).isEqualTo(ComponentState.RUNNING);
        }
    }

    @Test
    void aStrategyVanishingMidRequestRejectsTheOrderAtOnce() throws Exception {
        try (Nt8Bridge bridge = Nt8Bridge.builder().port(0).requestTimeout(Duration.ofSeconds(30)).build().start();
             FakeStrategy strategy = new FakeStrategy(bridge.port(), MES, "MES 12-26")) {
            strategy.connect();
            Nt8Broker broker = bridge.broker(MES);
            broker.setListener(new RecordingListener());
            broker.connect();
            strategy.answerOrders(false);
            CompletableFuture<Order> submitted = CompletableFuture.supplyAsync(
                    () -> broker.submit(OrderRequest.market("vanish-1", MES, Side.BUY, 1)));
            assertThat(strategy.await(MessageType.ORDER, WAIT)).isNotNull();
            strategy.disconnect();
            Order o = submitted.get(5, TimeUnit.SECONDS); // long before the 30 s request timeout
            assertThat(o.state()).isEqualTo(OrderState.REJECTED);
            assertThat(o.reason()).startsWith("NinjaTrader did not accept the order: connection c1 closed");
            Nt8BrokerCompatibilityTest.waitFor(() -> broker.state() == ComponentState.STOPPED, "the broker to stop");
            Order whileDown = broker.submit(OrderRequest.market("down-1", MES, Side.BUY, 1));
            assertThat(whileDown.reason()).isEqualTo("the NinjaTrader strategy for MES is disconnected or re-synchronising;"
                    + " orders resume once it reconnects");
        }
    }

    @Test
    void aServerRestartMidSessionResynchronisesFromTheStrategy() throws Exception {
        Nt8Bridge first = Nt8Bridge.builder().port(0).build().start();
        int port = first.port();
        try (FakeStrategy strategy = new FakeStrategy(port, MES, "MES 12-26")) {
            strategy.connect();
            Nt8Broker broker = first.broker(MES);
            broker.setListener(new RecordingListener());
            broker.connect();
            assertThat(broker.submit(OrderRequest.market("r-1", MES, Side.BUY, 2)).state()).isEqualTo(OrderState.SUBMITTED);
            strategy.publish(new Bar("MES", Timeframe.M1, Instant.parse("2026-11-20T14:31:00Z"), 5000, 5001, 4999, 5000.5, 10), false);
            broker.ping();
            assertThat(broker.positions()).containsEntry("MES", 2.0);
            first.close(); // the Java process goes away
            try (Nt8Bridge second = Nt8Bridge.builder().port(port).build().start()) {
                strategy.connect(); // the strategy's reconnect
                Nt8Broker fresh = second.broker(MES);
                RecordingListener listener = new RecordingListener();
                fresh.setListener(listener);
                fresh.connect();
                assertThat(fresh.state()).isEqualTo(ComponentState.RUNNING);
                assertThat(fresh.positions()).as("position re-synchronised from the strategy").containsEntry("MES", 2.0);
                assertThat(listener.events()).anyMatch(e -> e.contains("NinjaTrader already holds 2.0 MES from before this session"));
                assertThat(listener.fills()).as("executions from before the restart are not booked again").isEmpty();
            }
        }
    }

    @Test
    void aWrongTokenIsRefusedAndANewerConnectionReplacesTheOlder() throws IOException {
        assertThatThrownBy(() -> Nt8Bridge.builder().host("0.0.0.0").build())
                .hasMessageContaining("set broker.token");
        try (Nt8Bridge bridge = Nt8Bridge.builder().port(0).token("s3cret").build().start();
             RawClient intruder = new RawClient(bridge.port()); RawClient first = new RawClient(bridge.port());
             RawClient second = new RawClient(bridge.port())) {
            intruder.line("{\"type\":\"hello\",\"v\":1,\"instrument\":\"ES 12-26\",\"token\":\"guess\"}");
            ObjectNode refused = intruder.next(WAIT);
            assertThat(code(refused)).isEqualTo("not_authorized");
            assertThat(intruder.closedByServer(WAIT)).isTrue();
            first.line("{\"type\":\"hello\",\"v\":1,\"instrument\":\"ES 12-26\",\"token\":\"s3cret\"}");
            assertThat(first.next(WAIT).get("type").asText()).isEqualTo("welcome");
            second.line("{\"type\":\"hello\",\"v\":1,\"instrument\":\"ES 03-27\",\"token\":\"s3cret\"}");
            assertThat(second.next(WAIT).get("type").asText()).isEqualTo("welcome");
            ObjectNode replaced = first.next(WAIT);
            assertThat(code(replaced)).isEqualTo("replaced");
            assertThat(first.closedByServer(WAIT)).isTrue();
            assertThat(second.ping("still-here")).isTrue();
        }
    }

    @Test
    void barsMustMoveForwardAndOrdersWaitForTheFirstRealTimeBar() throws Exception {
        try (Nt8Bridge bridge = Nt8Bridge.builder().port(0).build().start();
             FakeStrategy strategy = new FakeStrategy(bridge.port(), MES, "MES 12-26")) {
            Nt8Feed feed = bridge.feed(MES, Timeframe.M1);
            Nt8Broker broker = bridge.broker(MES);
            strategy.connect();
            broker.setListener(new RecordingListener());
            broker.connect();
            Bar history = new Bar("MES", Timeframe.M1, Instant.parse("2026-11-20T14:31:00Z"), 5000, 5001, 4999, 5000.5, 10);
            strategy.publish(history, true);
            assertThat(feed.next(WAIT)).contains(history);
            assertThat(feed.isWarmingUp()).isTrue();
            Order early = broker.submit(OrderRequest.market("early", MES, Side.BUY, 1));
            assertThat(early.reason()).isEqualTo("NinjaTrader is replaying history (the strategy's State.Historical);"
                    + " orders start with the first real-time bar");
            strategy.publish(history, false); // the same bar again
            ObjectNode repeated = strategy.await(MessageType.ERROR, WAIT);
            assertThat(repeated.get("message").asText()).contains("is not after the last bar");
            Bar live = new Bar("MES", Timeframe.M1, Instant.parse("2026-11-20T14:32:00Z"), 5000.5, 5001, 4999, 5000, 10);
            strategy.publish(live, false);
            assertThat(feed.next(WAIT)).contains(live);
            assertThat(feed.isWarmingUp()).isFalse();
            assertThat(broker.submit(OrderRequest.market("live", MES, Side.BUY, 1)).state()).isEqualTo(OrderState.SUBMITTED);
        }
    }
}
