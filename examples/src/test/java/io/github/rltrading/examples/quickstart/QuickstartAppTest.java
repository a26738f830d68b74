package io.github.rltrading.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartAppTest {

    @Test
    void trainsBacktestsAndPaperTradesIntoOneRunFolder(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QuickstartApp.Options options = QuickstartApp.Options.parse("--sessions", "12", "--steps", "1024", "--window", "4",
                "--seed", "3", "--out", dir.resolve("run").toString());
        QuickstartApp.Summary summary = QuickstartApp.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("[1/3] Training a PPO agent", "[2/3] Walk-forward backtest", "[3/3] Paper trading",
                "steps/s  mean episode return", "Report: " + summary.report());
        assertThat(summary.backtest()).containsOnlyKeys("ppo", "buy-and-hold", "flat", "ema-cross");
        Path run = dir.resolve("run");
        for (String file : new String[] {"model/model.json", "backtest/manifest.json", "backtest/metrics.json", "backtest/equity.csv",
            "backtest/trades.csv", "backtest/report.html", "summary.json"}) {
            assertThat(run.resolve(file)).as(file).exists();
        }
        assertThat(run.resolve("paper")).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".jsonl"));
        JsonNode json = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertThat(json.path("trainingSteps").asLong()).isEqualTo(1024);
        assertThat(json.path("backtest").path("flat").path("totalReturn").asDouble()).isZero();
        assertThat(json.path("paper").path("decisions").asLong()).isEqualTo(summary.paper().decisions()).isPositive();
        assertThat(json.path("paper").path("errors").asLong()).isZero();
        assertThat(summary.trainingStepsPerSecond()).isPositive();
    }

    @Test
    void badOptionsAreNamedWithTheFix() {
        assertThatThrownBy(() -> QuickstartApp.Options.parse("--steps", "100"))
                .hasMessageStartingWith("--steps must be at least 512 (one PPO rollout), got 100; usage: bin/quickstart");
        assertThatThrownBy(() -> QuickstartApp.Options.parse("--sessions", "many"))
                .hasMessageStartingWith("option --sessions takes a whole number, got 'many'");
        assertThatThrownBy(() -> QuickstartApp.Options.parse("--colour", "red")).hasMessageStartingWith("unknown option --colour");
    }
}
