package io.github.rltrading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @Test
    void printsABacktestsMetricsAsATableWithTheReportPath(@TempDir Path dir) {
        Path out = dir.resolve("bt");
        Cli.ok("backtest", "--policy", "ema-cross", "--sessions", "3", "--out", out.toString());
        Cli.Result r = Cli.ok("report", out.toString());
        assertThat(r.out()).contains("Run " + out + ": backtest, 1170 bars of SYNTHETIC-ES 1m").contains("POLICY")
                .contains("SHARPE").containsPattern("\\n  ema-cross +[\\d,.]+").containsPattern("\\n  flat +100,000.00 +0.00")
                .contains("Also in the folder: equity.csv, trades.csv, journal")
                .contains("Report: " + out.resolve("report.html").toAbsolutePath());
    }

    @Test
    void aFolderWithoutMetricsIsAUsageErrorThatSaysWhatToGive(@TempDir Path dir) {
        Cli.Result r = Cli.run("report", dir.toString());
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.err()).contains("rl report: RUN_DIR " + dir + " has no metrics.json, so it is not a finished run folder; give the "
                + "--out folder of 'rl backtest' or 'rl paper'");
        Cli.Result missing = Cli.run("report", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(Rl.USAGE);
        assertThat(missing.err()).contains("RUN_DIR " + dir.resolve("nope") + ": no such folder");
    }

    @Test
    void brokenMetricsAreAUsageErrorWithTheLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("metrics.json"), "{\n  \"ema-cross\": {\"sharpe\": 1.2,\n");
        Cli.Result r = Cli.run("report", dir.toString());
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.err()).contains(dir.resolve("metrics.json") + " is not valid JSON").contains("at line 3");
    }
}
