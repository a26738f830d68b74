package io.github.rltrading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeNt8CommandTest {

    private static Path config(Path dir, int port) throws Exception {
        String journal = dir.resolve("journal").toString().replace('\\', '/');
        return Files.writeString(dir.resolve("live.yaml"), String.join("\n",
                "sessionId: cli-test",
                "instrument: MES",
                "features: market",
                "policy: ema-cross",
                "riskGates: [max-position]",
                "max-position: {limit: 1}",
                "feed: {name: nt8, instrument: MES, timeframe: 1m, port: " + port + "}",
                "broker: {name: nt8, instrument: MES, port: " + port + ", connect-timeout: 10m}",
                "journal: {directory: \"" + journal + "\"}", ""));
    }

    @Test
    void startsTheBridgeWaitsForNinjaTraderAndStopsCleanlyAtTheMaximumRuntime(@TempDir Path dir) throws Exception {
        Cli.Result r = Cli.ok("serve-nt8", "--config", config(dir, 0).toString(), "--state", dir.resolve("state.json").toString(),
                "--max-runtime", "1s");
        Matcher port = Pattern.compile("waiting for RlBridgeStrategy on 127\\.0\\.0\\.1:(\\d+)").matcher(r.out());
        assertThat(port.find()).as(r.both()).isTrue();
        int listened = Integer.parseInt(port.group(1));
        assertThat(listened).isPositive();
        assertThat(r.out()).contains("serve-nt8: MES, policy ema-cross, 1 risk gate(s)")
                .contains("no saved state at " + dir.resolve("state.json") + "; starting fresh")
                .contains("serve-nt8: stopped before NinjaTrader connected (--max-runtime 1s)");
        // Stopped cleanly: the bridge let go of its port, and the test thread was not left interrupted.
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listened));
        }
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aPortInUseIsAFailureWhileRunningNotAUsageError(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Cli.Result r = Cli.run("serve-nt8", "--config", config(dir, taken.getLocalPort()).toString(), "--state",
                    dir.resolve("state.json").toString(), "--max-runtime", "1s");
            assertThat(r.code()).as(r.both()).isEqualTo(Rl.FAILED);
            assertThat(r.err()).contains("rl serve-nt8: failed: ").contains(String.valueOf(taken.getLocalPort()));
        }
    }

    @Test
    void aMissingOrInvalidConfigIsAUsageErrorNamingTheFileAndTheKey(@TempDir Path dir) throws Exception {
        Cli.Result missing = Cli.run("serve-nt8", "--config", dir.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(Rl.USAGE);
        assertThat(missing.err()).contains("--config " + dir.resolve("nope.yaml") + ": no such file; give a YAML or JSON session "
                + "configuration");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(config(dir, 0)).replace("instrument: MES\n",
                "instrument: XYZ\n"));
        Cli.Result invalid = Cli.run("serve-nt8", "--config", bad.toString(), "--state", dir.resolve("s.json").toString());
        assertThat(invalid.code()).as(invalid.both()).isEqualTo(Rl.USAGE);
        assertThat(invalid.err()).contains("--config " + bad).contains("instrument").contains("XYZ");
        Cli.Result port = Cli.run("serve-nt8", "--port", "70000");
        assertThat(port.code()).isEqualTo(Rl.USAGE);
        assertThat(port.err()).contains("--port 70000: give a TCP port in 0..65535");
    }

    @Test
    void aBrokenStateFileIsAUsageErrorSayingToMoveItAway(@TempDir Path dir) throws Exception {
        Path state = Files.writeString(dir.resolve("state.json"), "{ not json");
        Cli.Result r = Cli.run("serve-nt8", "--config", config(dir, 0).toString(), "--state", state.toString(), "--max-runtime", "1s");
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.err()).contains("--state " + state).contains("move it away to start without the saved state");
    }
}
