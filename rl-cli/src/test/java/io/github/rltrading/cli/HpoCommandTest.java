package io.github.rltrading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HpoCommandTest {

    @Test
    void searchesStoresTheStudyResumesItAndShowsEveryTrial(@TempDir Path dir) {
        String db = dir.resolve("learning.db").toString();
        String[] args = {"hpo", "--sessions", "12", "--hours", "rth", "--trials", "2", "--trial-steps", "128", "--window", "4",
            "--hidden", "16,16", "--db", db, "--out", dir.resolve("trials").toString()};
        Cli.Result first = Cli.ok(args);
        assertThat(first.out()).contains("Study ppo-es in " + db + ": 2 trial(s) of 128 steps")
                .containsPattern("trial +0 +validation Sharpe +\\S+ +clipRange=")
                .containsPattern("trial +1 +validation Sharpe")
                .containsPattern("Best: trial [01], validation Sharpe \\S+, clipRange=.*\\(2 completed, 0 failed in the study\\)")
                .containsPattern("Test: +test rows \\d+-4680: Sharpe");
        Cli.Result resumed = Cli.ok(args);
        assertThat(resumed.out()).containsPattern("trial +2 +validation Sharpe").contains("(4 completed, 0 failed in the study)");

        Cli.Result show = Cli.ok("hpo", "show", "ppo-es", "--db", db);
        assertThat(show.out()).contains("Study ppo-es: 4 trial(s)").containsPattern("trial +3 +COMPLETE");
    }

    @Test
    void badInputIsNamed(@TempDir Path dir) {
        Cli.Result trials = Cli.run("hpo", "--trials", "0");
        assertThat(trials.code()).isEqualTo(Rl.USAGE);
        assertThat(trials.err()).contains("--trials 0: run at least 1 trial, e.g. --trials 10");
        Cli.Result missing = Cli.run("hpo", "show", "nope", "--db", dir.resolve("none.db").toString());
        assertThat(missing.code()).isEqualTo(Rl.USAGE);
        assertThat(missing.err()).contains("no learning database there; give the --db that 'rl hpo' used");
    }
}
