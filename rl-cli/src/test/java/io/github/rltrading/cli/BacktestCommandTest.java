package io.github.rltrading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {

    @Test
    void aPolicyByNameRunsBesideTheBaselinesAndWritesTheRunFolder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bt");
        Cli.Result r = Cli.ok("backtest", "--policy", "ema-cross", "--sessions", "4", "--out", out.toString());
        assertThat(r.out()).contains("1,560 bars, 3 policies").containsPattern("ema-cross +final equity")
                .containsPattern("buy-and-hold +final equity").containsPattern("flat +final equity +100,000.00")
                .contains("Report: " + out.resolve("report.html").toAbsolutePath());
        assertThat(out.resolve("report.html")).exists();
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.fieldNames()).toIterable().containsExactly("ema-cross", "buy-and-hold", "flat");
        assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "%,12.2f", metrics.path("ema-cross").path("finalEquity")
                .asDouble()));
    }

    @Test
    void aSavedModelIsBacktestedWithItsOwnWindow(@TempDir Path dir) throws Exception {
        Path model = Cli.modelWindowFour();
        Path out = dir.resolve("bt");
        Cli.Result r = Cli.ok("backtest", "--model", model.toString(), "--sessions", "4", "--no-baselines", "--out", out.toString());
        assertThat(r.out()).contains("Model: " + model + " (ppo, window 4)").contains("1,560 bars, 1 policies")
                .containsPattern("model +final equity");
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.fieldNames()).toIterable().containsExactly("model");
        assertThat(metrics.path("model").path("errors").asInt()).isZero();
    }

    @Test
    void aFolderWithoutAModelIsAUsageErrorNamingIt(@TempDir Path dir) {
        Cli.Result r = Cli.run("backtest", "--model", dir.toString(), "--sessions", "2", "--out", dir.resolve("bt").toString());
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.err()).contains("--model " + dir + ": no saved model there (a model folder holds model.json and parameters.bin)");
    }

    @Test
    void anUnknownPolicyIsAUsageErrorListingTheAvailableOnes(@TempDir Path dir) {
        Cli.Result r = Cli.run("backtest", "--policy", "moon-phase", "--sessions", "2", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.err()).contains("--policy moon-phase: ").contains("\"moon-phase\" not found").contains("ema-cross");
    }

    @Test
    void modelAndPolicyTogetherAndNothingToTestAreUsageErrors(@TempDir Path dir) {
        Cli.Result both = Cli.run("backtest", "--model", dir.toString(), "--policy", "ema-cross");
        assertThat(both.code()).isEqualTo(Rl.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
        Cli.Result nothing = Cli.run("backtest", "--no-baselines");
        assertThat(nothing.code()).isEqualTo(Rl.USAGE);
        assertThat(nothing.err()).contains("--no-baselines leaves nothing to backtest; add --model DIR or --policy NAME");
    }

    @Test
    void aDataFileIsLoadedAndReported(@TempDir Path dir) {
        Path file = Cli.csv(dir.resolve("es.csv"), Cli.synthetic(3, 5));
        Cli.Result r = Cli.ok("backtest", "--data", file.toString(), "--out", dir.resolve("bt").toString());
        assertThat(r.out()).contains(file + " (csv): 1170 bars from 1170 rows").contains("1,170 bars, 3 policies");
    }
}
