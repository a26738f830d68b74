package io.github.rltrading.examples.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rltrading.broker.testkit.ExternalTools;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rltrading.core.state.SessionStateStore;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live reference app against the C# test console (the real C# client playing NinjaTrader):
 * warm-up on history, trading on live bars through the built-in configuration (EMA-cross rules,
 * the risk chain), state saved, then a restart that restores it.
 */
class LiveNt8AppTest {

    private static final Path CONSOLE = Path.of("..", "csharp-adapters", "nt8", "build", "RlBridgeTestConsole.exe");


    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Runs the console to its end; returns its RESULT object, failing with its output otherwise. */
    private static JsonNode console(String mono, int port, String start, int bars, int historical) throws Exception {
        Process p = new ProcessBuilder(mono, CONSOLE.toString(), "--port", String.valueOf(port), "--instrument", "MES 12-26",
                "--bars", String.valueOf(bars), "--historical", String.valueOf(historical), "--seed", "3", "--start", start,
                "--request-timeout-ms", "5000", "--reconnect-wait-ms", "60000").redirectErrorStream(true).start();
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line);
            }
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("console exit; output: %s", out).isZero();
        String result = out.stream().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("no RESULT in " + out));
        return new ObjectMapper().readTree(result.substring(7));
    }

    @Test
    void theAppTradesTheConsoleAndComesBackWithItsStateAfterARestart(@TempDir Path dir) throws Exception {
        String mono = ExternalTools.require("mono", "install Debian's mono-mcs and mono-runtime (.ci/run does)",
                "RL_REQUIRE_CSHARP").toString();
        ExternalTools.requireThat(Files.exists(CONSOLE), CONSOLE + " is not built: run csharp-adapters/nt8/build.sh (.ci/run does)",
                "RL_REQUIRE_CSHARP");
        String yaml;
        try (var in = LiveNt8App.class.getResourceAsStream("/live-nt8.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("runs/live-nt8/", dir.toString().replace('\\', '/') + "/");
        }
        Path config = dir.resolve("live.yaml");
        Files.writeString(config, yaml);
        Path state = dir.resolve("state.json");
        int port = freePort();
        String[] args = {"--config", config.toString(), "--port", String.valueOf(port), "--state", state.toString(),
                "--status-every", "1s"};

        // First run: 850 bars of history warm the 1m/5m/15m features up, then 150 live bars trade.
        ByteArrayOutputStream firstOut = new ByteArrayOutputStream();
        LiveNt8App first = new LiveNt8App(LiveNt8App.parse(args), new PrintStream(firstOut, true, StandardCharsets.UTF_8));
        CompletableFuture<?> firstRun = CompletableFuture.runAsync(first::run, t -> Thread.ofVirtual().start(t));
        JsonNode r1 = console(mono, port, "2026-11-20T00:30:00Z", 1000, 850);
        first.stopAndWait();
        firstRun.get(30, TimeUnit.SECONDS);
        String log1 = firstOut.toString(StandardCharsets.UTF_8);
        assertThat(log1).contains("no saved state at " + state).contains("NinjaTrader connected; trading");
        assertThat(r1.get("barsSent").asInt()).isEqualTo(1000);
        assertThat(r1.get("actionsAnswered").asInt()).as("every live bar answered; log: %s", log1).isEqualTo(150);
        assertThat(r1.get("ordersReceived").asInt()).as("the rules traded on live bars; log: %s", log1).isGreaterThan(0);
        assertThat(first.session().history().size()).isEqualTo(1000);
        SessionStateStore.Snapshot saved = SessionStateStore.builder(state).build().load().orElseThrow();
        assertThat(saved.equity()).isEqualTo(first.session().portfolio().equity());
        assertThat(saved.lastDecision()).isNotNull();
        assertThat(saved.lastDecision().source()).isIn("ema-cross", "risk:stop-target", "risk:daily-loss", "risk:max-drawdown");
        assertThat(saved.riskGates()).containsKey("daily-loss");
        assertThat(Files.list(dir.resolve("journal"))).as("the journal").isNotEmpty();

        // Second run, same files: the state comes back.
        ByteArrayOutputStream secondOut = new ByteArrayOutputStream();
        LiveNt8App second = new LiveNt8App(LiveNt8App.parse(args), new PrintStream(secondOut, true, StandardCharsets.UTF_8));
        CompletableFuture<?> secondRun = CompletableFuture.runAsync(second::run, t -> Thread.ofVirtual().start(t));
        JsonNode r2 = console(mono, port, "2026-11-20T17:30:00Z", 900, 850);
        second.stopAndWait();
        secondRun.get(30, TimeUnit.SECONDS);
        String log2 = secondOut.toString(StandardCharsets.UTF_8);
        assertThat(log2).contains("restoring the state saved").contains("risk gate daily-loss restored")
                .contains("last decision before the restart");
        assertThat(second.session().portfolio().startingCash()).isEqualTo(saved.equity());
        assertThat(r2.get("actionsAnswered").asInt()).isEqualTo(50);
    }
}
