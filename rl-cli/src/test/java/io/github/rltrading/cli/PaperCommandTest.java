package io.github.rltrading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperCommandTest {

    private static String journal(Path dir) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                all.append(Files.readString(f));
            }
        }
        return all.toString();
    }

    @Test
    void replaysThroughASessionWithTheReasonerAndTheDefaultRiskChain(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("paper");
        Cli.Result r = Cli.ok("paper", "--sessions", "3", "--out", out.toString());
        assertThat(r.out()).contains("policy ema-cross, reasoner rules (fast path 0.90, floor 0.30), 7 risk gates [max-position, "
                + "max-leverage, stop-target, daily-loss, max-drawdown, min-confidence, order-rate]")
                .contains("Replayed 1,170 bars").containsPattern("final equity [\\d,.]+ \\(return -?[\\d.]+%\\)")
                .contains("Journal: " + out.resolve("journal").toAbsolutePath());
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.path("paper").path("bars").asInt()).isEqualTo(1170);
        assertThat(r.out()).containsPattern("trades " + metrics.path("paper").path("trades").asInt() + " ");
        String journal = journal(out.resolve("journal"));
        assertThat(journal).contains("\"session_start\"").contains("\"session_end\"").contains("max-leverage")
                .contains("\"reasoner\":\"io.github.rltrading.reasoning.rules.RulesReasoner\"");
    }

    @Test
    void aSavedModelTradesThroughTheSameSession(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("paper");
        Cli.Result r = Cli.ok("paper", "--model", Cli.modelWindowFour().toString(), "--sessions", "3", "--reasoner", "none",
                "--journal-detail", "changes", "--out", out.toString());
        assertThat(r.out()).contains("policy ppo model " + Cli.modelWindowFour() + " (window 4), reasoner none")
                .contains("errors 0");
        assertThat(journal(out.resolve("journal"))).contains("\"session_end\"");
    }

    @Test
    void badValuesAreUsageErrors(@TempDir Path dir) throws Exception {
        Cli.Result speed = Cli.run("paper", "--speed", "0", "--out", dir.toString());
        assertThat(speed.code()).isEqualTo(Rl.USAGE);
        assertThat(speed.err()).contains("--speed 0.0: give a positive multiple of real time (60 = a minute a second)");
        Cli.Result gate = Cli.run("paper", "--floor", "0.95", "--out", dir.toString());
        assertThat(gate.code()).isEqualTo(Rl.USAGE);
        assertThat(gate.err()).contains("--floor 0.95 --fast-path 0.9: they must satisfy 0 <= floor <= fast path <= 1");
        Cli.Result reasoner = Cli.run("paper", "--reasoner", "oracle", "--sessions", "2", "--out", dir.toString());
        assertThat(reasoner.code()).isEqualTo(Rl.USAGE);
        assertThat(reasoner.err()).contains("--reasoner oracle: ").contains("rules");
        Path risk = Files.write(dir.resolve("risk.yaml"), List.of("max-position: {limit: -3}"));
        Cli.Result badRisk = Cli.run("paper", "--risk-config", risk.toString(), "--sessions", "2", "--out", dir.toString());
        assertThat(badRisk.code()).as(badRisk.both()).isEqualTo(Rl.USAGE);
        assertThat(badRisk.err()).contains("limit");
    }
}
