package io.github.rltrading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rltrading.learning.experience.Experience;
import io.github.rltrading.learning.experience.ExperienceStore;
import io.github.rltrading.learning.store.LearningDatabase;
import io.github.rltrading.learning.training.HyperparameterTuner;
import io.github.rltrading.learning.training.PpoSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunersTest {

    @Property
    void everySampleIsInsideTheSearchSpaceAndBecomesAValidConfig(@ForAll long seed) {
        long trialSeed = Math.floorMod(seed, 1L << 53); // as the tuner hands them out
        Map<String, Object> p = RandomSearchTuner.sample(new SplittableRandom(seed), trialSeed);
        assertThat((double) p.get("learningRate")).isBetween(1e-5, 1e-3);
        assertThat((double) p.get("entCoef")).isBetween(0.0, 0.01);
        assertThat((double) p.get("gamma")).isBetween(0.95, 0.999);
        assertThat((double) p.get("clipRange")).isBetween(0.1, 0.3);
        assertThat((double) p.get("gaeLambda")).isBetween(0.8, 0.99);
        assertThat((int) p.get("nEpochs")).isBetween(3, 10);
        var config = PpoSearch.config(PpoSearch.BASE, p);
        assertThat(config.learningRate()).isEqualTo(p.get("learningRate"));
        assertThat(config.nEpochs()).isEqualTo(p.get("nEpochs"));
        assertThat(config.seed()).isEqualTo(trialSeed);
    }

    private static List<Map<String, Object>> trials(HyperparameterTuner tuner, String study, int n) {
        List<Map<String, Object>> seen = new ArrayList<>();
        tuner.tune(study, n, (trial, params) -> {
            seen.add(params);
            return 0;
        });
        return seen;
    }

    @Test
    void theSameSeedAndStudyGiveTheSameTrials() {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            assertThat(trials(Tuners.defaultTuner(db, 7), "s", 5)).isEqualTo(trials(Tuners.defaultTuner(db, 7), "s", 5));
            assertThat(trials(Tuners.defaultTuner(db, 7), "s", 5)).isNotEqualTo(trials(Tuners.defaultTuner(db, 8), "s", 5));
        }
    }

    @Test
    void theBestScoreWinsAndFailedTrialsAreCounted() {
        HyperparameterTuner tuner = new RandomSearchTuner(3);
        HyperparameterTuner.Result r = tuner.tune("s", 6, (trial, params) -> {
            if (trial % 3 == 0) {
                throw new IllegalStateException("diverged");
            }
            return -Math.abs(trial - 4);
        });
        assertThat(r.bestTrial()).isEqualTo(4);
        assertThat(r.bestScore()).isZero();
        assertThat(r.completed()).isEqualTo(4);
        assertThat(r.failed()).isEqualTo(2);
        assertThat(r.best()).containsEntry("seed", 3L + 4);

        HyperparameterTuner.Result none = tuner.tune("s", 2, (trial, params) -> {
            throw new IllegalStateException("always");
        });
        assertThat(none.bestTrial()).isEqualTo(-1);
        assertThat(none.failed()).isEqualTo(2);
    }

    @Test
    void theFineTuneExportWritesOneChatLinePerAnnotatedExperience(@TempDir Path dir) throws Exception {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ExperienceStore store = ExperienceStore.open(db);
            Instant t = Instant.parse("2026-11-30T14:31:00Z");
            store.append(Experience.of("MES", "", t, new float[] {1}, new float[] {1}, 1, new float[] {2}, false)
                    .withConfidence(0.8, 0.6).withMarketConditions(Map.of("atr", 2.5)).withReflection("Trend day; held well."));
            store.append(Experience.of("MES", "", t.plusSeconds(60), new float[] {1}, new float[] {0}, 0, new float[] {2}, false));
            Path out = dir.resolve("sub").resolve("mes.jsonl");
            long written = Tuners.fineTuneExport().export(store, store.partitionOf("MES"), out);
            assertThat(written).isEqualTo(1);
            List<String> lines = Files.readAllLines(out);
            assertThat(lines).hasSize(1);
            var messages = new ObjectMapper().readTree(lines.get(0)).path("messages");
            assertThat(messages.get(1).path("content").asText()).isEqualTo("Instrument MES at 2026-11-30T14:31:00Z. The policy chose "
                    + "action [1.0] with confidence 0.80; the reasoner's confidence was 0.60. Reward 1.0000. Market: atr=2.500. "
                    + "The trade's outcome is not known.");
            assertThat(messages.get(2).path("content").asText()).isEqualTo("Trend day; held well.");
            try (var files = Files.list(out.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("mes.jsonl");
            }
        }
    }
}
