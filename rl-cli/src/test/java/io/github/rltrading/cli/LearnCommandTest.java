package io.github.rltrading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rltrading.core.trading.Side;
import io.github.rltrading.learning.experience.Experience;
import io.github.rltrading.learning.experience.ExperienceStore;
import io.github.rltrading.learning.experience.TradeOutcome;
import io.github.rltrading.learning.store.LearningDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCommandTest {

    /** --db, --models and --work inside {@code dir}. */
    private static String[] store(Path dir, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--db", dir.resolve("learning.db").toString(), "--models", dir.resolve("models").toString()));
        return all.toArray(String[]::new);
    }

    private static String[] learn(Path dir, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(store(dir, args)));
        all.addAll(List.of("--work", dir.resolve("work").toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void maintenanceReportsTheExperiencesAndFinetuneExportsTheAnnotatedOnesAsChatLines(@TempDir Path dir) throws Exception {
        try (LearningDatabase db = LearningDatabase.open(dir.resolve("learning.db"))) {
            ExperienceStore store = ExperienceStore.open(db);
            Instant t = Instant.parse("2026-11-30T14:31:00Z");
            store.append(Experience.of("ES", "v1", t, new float[] {1}, new float[] {0.5f}, 0.25, new float[] {2}, false)
                    .withOutcome(new TradeOutcome(125.0, Duration.ofMinutes(12), Side.BUY)).withReflection("Good entry with the trend."));
            store.append(Experience.of("ES", "v1", t.plusSeconds(60), new float[] {2}, new float[] {-1}, -0.5, new float[] {3}, false)
                    .withReflection("Shorted into support; wait for a break."));
            store.append(Experience.of("ES", "v1", t.plusSeconds(120), new float[] {3}, new float[] {0}, 0, new float[] {4}, true));
        }
        Cli.Result maintenance = Cli.ok(learn(dir, "learn", "--mode", "maintenance"));
        assertThat(maintenance.out()).contains("Learning ES (maintenance mode): 3 new experiences since the last retraining, no "
                + "production model yet").contains("Run #1 ES maintenance: DONE")
                .contains("experiences: 3 in ES, 1 with an outcome (win rate 100.0%), 2 annotated");

        Cli.Result finetune = Cli.ok(learn(dir, "learn", "--mode", "finetune"));
        Path export = dir.resolve("work").resolve("finetune-ES.jsonl");
        // Only annotated experiences whose trade outcome is known are training examples: the second has no outcome.
        assertThat(finetune.out()).contains("Run #2 ES finetune: DONE").contains("fine-tuning examples: 1 in " + export);
        List<String> lines = Files.readAllLines(export);
        assertThat(lines).hasSize(1);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.path("messages").size()).isEqualTo(3);
        assertThat(first.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(first.path("messages").get(1).path("content").asText()).contains("ES").contains("2026-11-30T14:31:00Z");
        assertThat(first.path("messages").get(2).path("content").asText()).isEqualTo("Good entry with the trend.");
        assertThat(first.path("metadata").path("label").asText()).isEqualTo("high_value");

        Cli.Result status = Cli.ok(store(dir, "learn", "status"));
        assertThat(status.out()).contains("ES: no production model; 0 version(s) registered")
                .contains("#2 ").contains("finetune    DONE").contains("#1 ").contains("maintenance DONE");
    }

    @Test
    void aForcedRetrainSearchesRegistersAChallengerAndIsRecorded(@TempDir Path dir) {
        Cli.Result skipped = Cli.ok(learn(dir, "learn", "--mode", "retrain", "--sessions", "12"));
        assertThat(skipped.out()).contains("Run #1 ES retrain: SKIPPED").contains("reason: 0 new experiences in ES, a retraining needs "
                + "1000");

        Cli.Result r = Cli.ok(learn(dir, "learn", "--mode", "retrain", "--force", "--trials", "2", "--trial-steps", "128",
                "--sessions", "12", "--window", "4"));
        assertThat(r.out()).contains("trial 1/2: validation Sharpe").contains("trial 2/2: validation Sharpe")
                .containsPattern("search learn-ES-\\d+: 2 trials completed, 0 failed; best trial [12]");
        Matcher run = Pattern.compile("Run #2 ES retrain: (KEPT|PROMOTED)").matcher(r.out());
        assertThat(run.find()).as(r.both()).isTrue();
        Matcher challenger = Pattern.compile("challenger: (v1_\\d{8}_\\d{6}) \\(test rows \\d+-4680: Sharpe").matcher(r.out());
        assertThat(challenger.find()).as(r.out()).isTrue();
        String version = challenger.group(1);

        Cli.Result list = Cli.ok(store(dir, "registry", "list"));
        boolean promoted = run.group(1).equals("PROMOTED");
        assertThat(list.out()).contains((promoted ? "* " : "  ") + version);
        Cli.Result status = Cli.ok(store(dir, "learn", "status"));
        assertThat(status.out()).contains("#2 ").contains("retrain     " + run.group(1)).contains("challenger " + version)
                .contains(promoted ? "production model " + version : "no production model");
    }

    @Test
    void badValuesAreUsageErrors(@TempDir Path dir) {
        Cli.Result few = Cli.run(learn(dir, "learn", "--min-experiences", "10"));
        assertThat(few.code()).isEqualTo(Rl.USAGE);
        assertThat(few.err()).contains("--min-experiences 10: give at least 500");
        Cli.Result mode = Cli.run(learn(dir, "learn", "--mode", "sometimes"));
        assertThat(mode.code()).isEqualTo(Rl.USAGE);
        assertThat(mode.err()).contains("--mode").contains("sometimes").contains("MAINTENANCE, RETRAIN, FINETUNE, ALL");
        Cli.Result trials = Cli.run(learn(dir, "learn", "--trials", "0"));
        assertThat(trials.code()).isEqualTo(Rl.USAGE);
        assertThat(trials.err()).contains("--trials 0: the search needs at least 1 trial");
        Cli.Result data = Cli.run(learn(dir, "learn", "--data", dir.resolve("none.csv").toString()));
        assertThat(data.code()).isEqualTo(Rl.USAGE);
        assertThat(data.err()).contains("--data " + dir.resolve("none.csv") + ": no such file");
        Path bad = Cli.csv(dir.resolve("bad.csv"), Cli.synthetic(1, 1));
        try {
            Files.writeString(bad, "2024-01-03T14:31:00Z,4000,4001,3999,x,100\n", java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Cli.Result malformed = Cli.run(learn(dir, "learn", "--mode", "retrain", "--force", "--strict", "--data", bad.toString()));
        assertThat(malformed.code()).as(malformed.both()).isEqualTo(Rl.USAGE);
        assertThat(malformed.err()).contains("--data " + bad).contains("line 392").contains("'x'");
        Cli.Result status = Cli.run(store(dir.resolve("elsewhere"), "learn", "status"));
        assertThat(status.code()).isEqualTo(Rl.USAGE);
        assertThat(status.err()).contains("--db " + dir.resolve("elsewhere").resolve("learning.db") + ": no learning database there");
    }

    @Test
    void watchOnceRetrainsOnTheExportsNotProcessedBeforeAndThenHasNothingToDo(@TempDir Path dir) {
        Path exports = dir.resolve("exports");
        Cli.csv(exports.resolve("ES 12-26.Last.csv"), Cli.synthetic(12, 9));
        String[] watch = learn(dir, "learn", "watch", "--dir", exports.toString(), "--once", "--debounce", "200ms", "--state",
                dir.resolve("state").toString(), "--trials", "1", "--trial-steps", "128", "--window", "4");
        Cli.Result first = Cli.ok(watch);
        assertThat(first.out()).contains("Watching " + exports.toAbsolutePath() + " for ES exports (debounce 200ms")
                .contains("DEBOUNCING (watching)").contains("pending: ES 12-26.Last.csv")
                .contains("trial 1/1: validation Sharpe")
                .containsPattern("last run succeeded at \\S+ after \\S+: (KEPT|PROMOTED): ");
        Cli.Result second = Cli.ok(watch);
        assertThat(second.out()).contains("Nothing to train on: every export file in " + exports + " was processed before");
        assertThat(Cli.ok(store(dir, "learn", "status")).out()).contains("retrain").contains("challenger v1_");
    }

    @Test
    void watchingAFolderThatIsNotThereIsAUsageError(@TempDir Path dir) {
        Cli.Result r = Cli.run(learn(dir, "learn", "watch", "--dir", dir.resolve("nope").toString(), "--once"));
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.err()).contains("--dir " + dir.resolve("nope") + ": no such folder; give the folder NinjaTrader exports to");
    }
}
