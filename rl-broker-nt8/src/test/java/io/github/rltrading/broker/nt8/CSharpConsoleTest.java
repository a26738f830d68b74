package io.github.rltrading.broker.nt8;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rltrading.broker.testkit.ExternalTools;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rltrading.core.SessionResult;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.Policy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The real C# client ({@code csharp-adapters/nt8}, run on Mono as {@code RlBridgeTestConsole.exe})
 * against the real Java server: handshake, bars on three timeframes, action round trips, orders,
 * executions and positions, a server restart mid-run with reconnect and resync, and the client's
 * request timeout. {@code .ci/run} installs Mono and builds the console first and sets
 * {@code RL_REQUIRE_CSHARP=1}, so in CI a missing console fails instead of skipping.
 */
class CSharpConsoleTest {

    private static final Instrument MES = ContractSpecs.MES;
    private static final java.util.concurrent.Executor THREADS = task -> Thread.ofVirtual().start(task);
    private static final Path CONSOLE = Path.of("..", "csharp-adapters", "nt8", "build", "RlBridgeTestConsole.exe");


    /** One Java process's worth of trading: a bridge, feeds for three timeframes, a broker and a session. */
    private static final class JavaSide implements AutoCloseable {
        final Nt8Bridge bridge;
        final Nt8Broker broker;
        final TradingSession session;
        final AtomicInteger bars1m = new AtomicInteger();
        final AtomicInteger bars5m = new AtomicInteger();
        final AtomicInteger bars15m = new AtomicInteger();
        final CompletableFuture<SessionResult> run;
        final List<CompletableFuture<Void>> drains = new ArrayList<>();

        /** Released by the test: the first session's decision on bar 60 waits for it, so the restart happens mid-run. */
        final java.util.concurrent.CountDownLatch restart = new java.util.concurrent.CountDownLatch(1);

        JavaSide(int port, IntToDoubleFunction targetByBar, int holdAtBar) {
            bridge = Nt8Bridge.builder().port(port).requestTimeout(Duration.ofSeconds(5)).build().start();
            Nt8Feed feed = bridge.feed(MES, Timeframe.M1);
            broker = bridge.broker(MES).connectTimeout(Duration.ofSeconds(30));
            for (Timeframe tf : List.of(Timeframe.M5, Timeframe.M15)) {
                Nt8Feed added = bridge.feed(MES, tf);
                AtomicInteger count = tf == Timeframe.M5 ? bars5m : bars15m;
                // Own threads: the common pool may have a single worker on a 2-core machine.
                drains.add(CompletableFuture.runAsync(() -> {
                    try {
                        while (!added.isFinished()) {
                            added.next(Duration.ofMillis(100)).ifPresent(b -> count.incrementAndGet());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, THREADS));
            }
            Policy policy = o -> {
                int i = (int) o.features()[0];
                bars1m.set(i + 1);
                if (i == holdAtBar) {
                    try {
                        restart.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return Decision.target(targetByBar.applyAsDouble(i), 0.95, "scripted", "csharp-test");
            };
            session = TradingSession.builder().instrument(MES).feed(feed).features(new Nt8SessionRoundTripTest.IndexFeature())
                    .policy(policy).broker(broker).startingCash(50_000).maxPosition(2).pollTimeout(Duration.ofMillis(50)).build();
            run = CompletableFuture.supplyAsync(session::run, THREADS);
        }

        @Override
        public void close() {
            bridge.close();
        }
    }

    @Test
    void theCSharpClientTradesThroughTheJavaServerAcrossARestart() throws Exception {
        String mono = ExternalTools.require("mono", "install Debian's mono-mcs and mono-runtime (.ci/run does)",
                "RL_REQUIRE_CSHARP").toString();
        ExternalTools.requireThat(Files.exists(CONSOLE), CONSOLE + " is not built: run csharp-adapters/nt8/build.sh (.ci/run does)",
                "RL_REQUIRE_CSHARP");
        // First Java process: long 1 from bar 10, short 1 from bar 30, flat from bar 45.
        JavaSide first = new JavaSide(0, i -> i >= 45 ? 0 : i >= 30 ? -0.5 : i >= 10 ? 0.5 : 0, 59);
        int port = first.bridge.port();
        Process console = new ProcessBuilder(mono, CONSOLE.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--instrument", "MES 12-26", "--bars", "120", "--seed", "7", "--start", "2026-11-20T14:30:00Z",
                "--request-timeout-ms", "2000", "--backoff-ms", "100", "--max-backoff-ms", "500", "--heartbeat-ms", "1000",
                "--reconnect-wait-ms", "30000").redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(console.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                }
            } catch (java.io.IOException e) {
                // process ended
            }
        }, THREADS);
        JavaSide second = null;
        try {
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (first.bars1m.get() < 60 && console.isAlive() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(first.bars1m.get()).as("bars in the first session; bridge %s, broker %s, session %s, history %s; console output: %s",
                    first.bridge.stats(), first.broker.state(), first.session.state(), first.session.history().size(), output)
                    .isGreaterThanOrEqualTo(60);
            assertThat(console.isAlive()).as("console still running; output: %s", output).isTrue();
            first.close(); // the Java process restarts mid-session, while the console waits for bar 60's action
            first.restart.countDown();
            SessionResult firstResult = first.run.get(10, TimeUnit.SECONDS);
            int firstBars = first.bars1m.get();
            assertThat(first.session.portfolio().position(MES.symbol()).quantity()).isZero();
            assertThat(first.session.portfolio().closedTrades()).hasSize(2);

            // Second Java process on the same port: long 1 from its bar 5 to bar 19.
            second = new JavaSide(port, i -> i >= 5 && i < 20 ? 0.5 : 0, -1);
            assertThat(console.waitFor(120, TimeUnit.SECONDS)).as("console finished; output: %s", output).isTrue();
            reader.get(5, TimeUnit.SECONDS);
            assertThat(console.exitValue()).as("console exit code; output: %s", output).isZero();
            String resultLine = output.stream().filter(l -> l.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no RESULT line in: " + output));
            JsonNode r = new ObjectMapper().readTree(resultLine.substring("RESULT ".length()));

            assertThat(r.get("barsSent").asInt()).isEqualTo(120);
            assertThat(r.get("bars5m").asInt()).isEqualTo(24);
            assertThat(r.get("bars15m").asInt()).isEqualTo(8);
            assertThat(r.get("reconnects").asInt()).as("reconnected after the restart; output: %s", output).isGreaterThanOrEqualTo(1);
            assertThat(r.get("syncs").asInt()).as("synchronised with both Java processes").isGreaterThanOrEqualTo(2);
            assertThat(r.get("errorsReceived").asInt()).as("errors from the server: at most the restart's shutdown notice; output: %s", output).isLessThanOrEqualTo(1);
            assertThat(r.get("timeouts").asInt()).as("the deliberate unanswered request").isEqualTo(1);
            assertThat(r.get("finalProbeTimedOut").asBoolean()).isTrue();
            assertThat(r.get("actionsFailed").asInt()).as("the request in flight at the restart").isLessThanOrEqualTo(1);
            assertThat(r.get("actionsAnswered").asInt()).isGreaterThanOrEqualTo(118);
            assertThat(r.get("executions").asInt()).as("buy 1, sell 2, buy 1; then buy 1, sell 1").isEqualTo(5);
            assertThat(r.get("finalPosition").asDouble()).isZero();
            assertThat(second.broker.positions()).as("NinjaTrader's position as the Java side knows it").isEmpty();
            assertThat(firstBars + second.bars1m.get()).as("1m bars the two sessions processed").isBetween(118, 120);
            assertThat(first.bars5m.get() + second.bars5m.get()).isBetween(23, 24);
            assertThat(first.bars15m.get() + second.bars15m.get()).isBetween(7, 8);
            second.close();
            second.run.get(10, TimeUnit.SECONDS);
            assertThat(second.session.portfolio().closedTrades()).hasSize(1);
            assertThat(second.session.portfolio().position(MES.symbol()).quantity()).isZero();
            assertThat(firstResult.equity()).isNotEmpty();
        } finally {
            console.destroyForcibly();
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }
}
