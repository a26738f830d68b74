package io.github.rltrading.learning.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.learning.hpo.DatabaseStudyStorage;
import io.github.rltrading.learning.store.LearningDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TpeTunerTest {

    /** Peaks at a learning rate of 1e-4 and an entropy bonus of 0.005. */
    private static double score(Map<String, Object> p) {
        double lr = Math.log10(((Number) p.get("learningRate")).doubleValue()) + 4;
        double ent = (((Number) p.get("entCoef")).doubleValue() - 0.005) * 100;
        return -(lr * lr + ent * ent);
    }

    @Test
    void searchesThePpoSpaceKeepsEveryTrialAndResumesAStudy(@TempDir Path dir) {
        Path file = dir.resolve("l.db");
        HyperparameterTuner.Result first;
        try (LearningDatabase db = LearningDatabase.open(file)) {
            first = new TpeTuner(db, 7).tune("study-a", 30, (n, params) -> {
                assertThat(params.keySet()).containsExactlyInAnyOrder("learningRate", "entCoef", "gamma", "clipRange", "gaeLambda",
                        "nEpochs");
                assertThat(((Number) params.get("nEpochs")).intValue()).isBetween(3, 10);
                return score(params);
            });
            assertThat(first.completed()).isEqualTo(30);
            assertThat(first.failed()).isZero();
            assertThat(first.bestScore()).isGreaterThan(-0.5);
            assertThat(PpoSearch.config(PpoSearch.BASE, first.best()).learningRate()).isBetween(1e-5, 1e-3);
        }
        try (LearningDatabase db = LearningDatabase.open(file)) {
            HyperparameterTuner.Result resumed = new TpeTuner(db, 7).tune("study-a", 5, (n, params) -> score(params));
            assertThat(resumed.completed()).isEqualTo(35);
            assertThat(resumed.bestScore()).isGreaterThanOrEqualTo(first.bestScore());
            assertThat(DatabaseStudyStorage.open(db).loadTrials("study-a")).hasSize(35);
        }
    }

    @Test
    void aSearchWhoseEveryTrialFailsReportsNoBestTrial() {
        HyperparameterTuner.Result r = new TpeTuner(null, 1).tune("failing", 3, (n, params) -> {
            throw new IllegalStateException("trainer crashed");
        });
        assertThat(r.bestTrial()).isEqualTo(-1);
        assertThat(r.failed()).isEqualTo(3);
        assertThat(r.completed()).isZero();
    }
}
