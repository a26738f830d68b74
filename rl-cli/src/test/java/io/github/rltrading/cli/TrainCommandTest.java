package io.github.rltrading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @Test
    void trainsShowsProgressSavesTheModelAndEvaluatesOnValidationAndTest(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("model");
        Cli.Result r = Cli.ok("train", "--sessions", "12", "--steps", "256", "--n-steps", "128", "--window", "4",
                "--episode-length", "200", "--hidden", "16,16", "--out", out.toString());
        assertThat(r.out()).contains("No --data given: using a synthetic market")
                .contains("window 4, 256 steps, hidden [16, 16], seed 1")
                .containsPattern("steps 128/256 +[\\d,]+ steps/s +mean episode return")
                .containsPattern("steps 256/256 +[\\d,]+ steps/s")
                .contains("Saved the model to " + out.toAbsolutePath());
        Matcher validation = Pattern.compile("Validation: validation rows (\\d+)-(\\d+): Sharpe \\S+, max drawdown").matcher(r.out());
        Matcher test = Pattern.compile("Test: +test rows (\\d+)-(\\d+): Sharpe \\S+, max drawdown").matcher(r.out());
        assertThat(validation.find()).as(r.out()).isTrue();
        assertThat(test.find()).as(r.out()).isTrue();
        assertThat(test.group(1)).isEqualTo(validation.group(2));
        assertThat(test.group(2)).isEqualTo("4680"); // 12 sessions x 390 bars
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("model.json").toFile());
        assertThat(manifest.path("algorithm").asText()).isEqualTo("ppo");
        assertThat(manifest.path("observationSize").asInt()).isEqualTo(4 * 71 + 11);
        assertThat(manifest.path("config").path("hidden").toString()).isEqualTo("[16,16]");
        assertThat(Files.exists(out.resolve("parameters.bin"))).isTrue();
    }

    @Test
    void refusesToOverwriteASavedModelWithoutBeingTold() {
        Path model = Cli.modelWindowFour();
        Cli.Result r = Cli.run("train", "--sessions", "12", "--steps", "1", "--window", "4", "--out", model.toString());
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.err()).contains("--out " + model + " already holds a saved model; give another folder, or --overwrite");
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOptionAndTheFix(@TempDir Path dir) {
        Cli.Result steps = Cli.run("train", "--steps", "0", "--out", dir.toString());
        assertThat(steps.code()).isEqualTo(Rl.USAGE);
        assertThat(steps.err()).contains("rl train: --steps 0: give at least 1 training step, e.g. --steps 20000");
        Cli.Result window = Cli.run("train", "--window", "0", "--out", dir.toString());
        assertThat(window.code()).isEqualTo(Rl.USAGE);
        assertThat(window.err()).contains("--window 0: an observation needs at least 1 bar");
        Cli.Result split = Cli.run("train", "--split", "0.9,0.2", "--sessions", "2", "--out", dir.toString());
        assertThat(split.code()).isEqualTo(Rl.USAGE);
        assertThat(split.err()).contains("--split [0.9, 0.2]: walk-forward fractions must satisfy");
    }

    @Test
    void tooFewBarsForTheFeaturesWarmUpIsAUsageErrorSayingHowManyMore(@TempDir Path dir) {
        Cli.Result r = Cli.run("train", "--sessions", "2", "--steps", "64", "--window", "4", "--out", dir.resolve("m").toString());
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.err()).contains("has 780 bars; the training range is rows 0-468").contains("the market features are defined only "
                + "from row").contains("Give more bars: --sessions 4 or more");
        assertThat(dir.resolve("m/model.json")).doesNotExist();
    }

    @Test
    void aWarmStartFromAModelOfAnotherWindowIsAUsageError(@TempDir Path dir) {
        Path model = Cli.modelWindowFour();
        Cli.Result r = Cli.run("train", "--sessions", "12", "--steps", "64", "--window", "6", "--from", model.toString(), "--out",
                dir.resolve("m").toString());
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.err()).contains("--from " + model + ": ").contains("use the window it was trained with");
    }
}
