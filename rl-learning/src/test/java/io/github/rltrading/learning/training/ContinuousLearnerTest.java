package io.github.rltrading.learning.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.learning.experience.Experience;
import io.github.rltrading.learning.experience.ExperienceStore;
import io.github.rltrading.learning.registry.AuditEntry;
import io.github.rltrading.learning.registry.ModelRegistry;
import io.github.rltrading.learning.registry.ModelVersion;
import io.github.rltrading.learning.store.LearningDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContinuousLearnerTest {

    private static final PpoConfig SMALL = new PpoConfig(3e-4, false, 128, 64, 2, 0.99, 0.95, 0.2, 0.0, 0.5, 0.5, true, 1,
            new int[] {16, 16}, 0);

    /** Tries each of the given learning rates in turn: a deterministic stand-in for the TPE search. */
    private record GridTuner(List<Double> rates, List<Map<String, Object>> seen) implements HyperparameterTuner {
        @Override
        public Result tune(String studyName, int trials, Objective objective) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            Map<String, Object> bestParams = Map.of();
            int failed = 0;
            for (int n = 0; n < trials; n++) {
                Map<String, Object> params = new HashMap<>(Map.of("learningRate", rates.get(n % rates.size()), "seed", n));
                seen.add(params);
                try {
                    double s = objective.score(n, params);
                    if (s > bestScore) {
                        best = n;
                        bestScore = s;
                        bestParams = params;
                    }
                } catch (Exception e) {
                    failed++;
                }
            }
            return new Result(best, bestParams, bestScore, trials - failed, failed);
        }
    }

    private static void addExperiences(ExperienceStore store, int n) {
        List<Experience> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(Experience.of("ES", "", Instant.ofEpochSecond(60L * i), new float[] {i}, new float[] {0}, 0, new float[] {i + 1},
                    false));
        }
        store.appendAll(batch);
    }

    @Test
    void retrainsAfterEnoughExperienceJudgesOnTheTestRangeAndRecordsEveryRun(@TempDir Path dir) {
        try (LearningDatabase db = LearningDatabase.open(dir.resolve("l.db"))) {
            ExperienceStore store = ExperienceStore.open(db);
            ModelRegistry registry = ModelRegistry.open(db, dir.resolve("models"));
            List<Map<String, Object>> seen = new ArrayList<>();
            ContinuousLearner learner = ContinuousLearner.builder("ES", store, registry)
                    .trainer(PpoTrainer.builder().window(4).episodeLength(200).build())
                    .tuner(new GridTuner(List.of(1e-4, 1e-3), seen)).configs(p -> PpoSearch.config(SMALL, p))
                    .data(() -> PpoTrainerTest.synthetic(12, 5)).minNewExperiences(500).trials(2).trialSteps(128)
                    .workDir(dir.resolve("work")).build();

            addExperiences(store, 499);
            LearningRun skipped = learner.run(ContinuousLearner.Mode.RETRAIN, false);
            assertThat(skipped.outcome()).isEqualTo(LearningRun.Outcome.SKIPPED);
            assertThat(skipped.reason()).isEqualTo("499 new experiences in ES, a retraining needs 500");
            assertThat(seen).isEmpty();

            addExperiences(store, 1);
            assertThat(learner.due()).isTrue();
            LearningRun first = learner.run(ContinuousLearner.Mode.RETRAIN, false);
            assertThat(first.outcome()).isIn(LearningRun.Outcome.PROMOTED, LearningRun.Outcome.KEPT);
            assertThat(seen).hasSize(2);
            assertThat(first.newExperiences()).isEqualTo(500);
            ModelVersion challenger = registry.get(first.challenger());
            assertThat(challenger.parent()).isEmpty();
            assertThat(challenger.metric("testSharpe")).isEqualTo(first.challengerTest().sharpe());
            assertThat(first.challengerTest().range()).startsWith("test rows ");
            boolean promoted = first.challengerTest().sharpe() > 0;
            assertThat(first.outcome()).isEqualTo(promoted ? LearningRun.Outcome.PROMOTED : LearningRun.Outcome.KEPT);
            assertThat(registry.production("ES").map(ModelVersion::name)).isEqualTo(promoted
                    ? java.util.Optional.of(challenger.name()) : java.util.Optional.empty());
            assertThat(learner.due()).isFalse();
            assertThat(learner.newExperiences()).isZero();

            if (!promoted) {
                registry.promote("ES", challenger.name(), "test", "so that the next run warm-starts");
            }
            addExperiences(store, 500);
            LearningRun second = learner.run(ContinuousLearner.Mode.RETRAIN, false);
            assertThat(second.production()).isEqualTo(challenger.name());
            assertThat(registry.get(second.challenger()).parent()).isEqualTo(challenger.name());
            assertThat(second.productionTest()).isNotNull();
            assertThat(second.reason()).contains("vs production");
            assertThat(registry.get(second.challenger()).note()).startsWith("retrained after 500 experiences on synthetic").endsWith("; " + second.reason());
            List<AuditEntry> audit = registry.audit("ES");
            AuditEntry last = audit.get(audit.size() - 1);
            if (second.outcome() == LearningRun.Outcome.PROMOTED) {
                assertThat(last.action()).isEqualTo(AuditEntry.Action.PROMOTE);
                assertThat(last.actor()).isEqualTo("continuous-learning");
                assertThat(last.reason()).isEqualTo(second.reason()).startsWith("promoted: ");
                assertThat(registry.production("ES").orElseThrow().name()).isEqualTo(second.challenger());
            } else {
                assertThat(last.action()).isEqualTo(AuditEntry.Action.REGISTER);
                assertThat(second.reason()).startsWith("kept production: ");
                assertThat(registry.production("ES").orElseThrow().name()).isEqualTo(challenger.name());
            }
        }
    }

    @Test
    void aFailedSearchLeavesProductionAndTheMarkAlone(@TempDir Path dir) {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ExperienceStore store = ExperienceStore.open(db);
            ModelRegistry registry = ModelRegistry.open(db, dir.resolve("models"));
            ContinuousLearner learner = ContinuousLearner.builder("ES", store, registry)
                    .tuner((study, trials, objective) -> new HyperparameterTuner.Result(-1, Map.of(), Double.NaN, 0, trials))
                    .data(() -> PpoTrainerTest.synthetic(8, 5)).minNewExperiences(500).workDir(dir.resolve("work")).build();
            addExperiences(store, 600);
            LearningRun failed = learner.run(ContinuousLearner.Mode.RETRAIN, false);
            assertThat(failed.outcome()).isEqualTo(LearningRun.Outcome.FAILED);
            assertThat(failed.reason()).contains("finished no trial (10 failed); see the log for the trials' errors");
            assertThat(learner.newExperiences()).isEqualTo(600);
            assertThat(registry.versions()).isEmpty();

            LearningRun maintenance = learner.run(ContinuousLearner.Mode.MAINTENANCE, false);
            assertThat(maintenance.outcome()).isEqualTo(LearningRun.Outcome.DONE);
            assertThat(maintenance.stats().count()).isEqualTo(600);
            assertThat(maintenance.id()).isEqualTo(failed.id() + 1);
        }
    }

    @Test
    void fineTuneModeExportsTheAnnotatedTradesAndADriftRequestRetrainsOnTheLearnersData(@TempDir Path dir) throws Exception {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ExperienceStore store = ExperienceStore.open(db);
            ModelRegistry registry = ModelRegistry.open(db, dir.resolve("models"));
            List<Map<String, Object>> seen = new ArrayList<>();
            ContinuousLearner learner = ContinuousLearner.builder("ES", store, registry)
                    .trainer(PpoTrainer.builder().window(4).episodeLength(200).build())
                    .tuner(new GridTuner(List.of(1e-3), seen)).configs(p -> PpoSearch.config(SMALL, p))
                    .data(() -> PpoTrainerTest.synthetic(12, 6)).trials(1).trialSteps(128).workDir(dir.resolve("work")).build();
            addExperiences(store, 3);
            List<Experience> stored = store.after("ES", 0, 10);
            store.recordOutcome(stored.get(0).id(), new io.github.rltrading.learning.experience.TradeOutcome(120,
                    java.time.Duration.ofMinutes(7), io.github.rltrading.core.trading.Side.BUY));
            store.annotate(stored.get(0).id(), "rode the 15m trend; the exit was right");
            store.recordOutcome(stored.get(1).id(), new io.github.rltrading.learning.experience.TradeOutcome(-80,
                    java.time.Duration.ofMinutes(3), io.github.rltrading.core.trading.Side.SELL));
            store.annotate(stored.get(1).id(), "shorted into support");

            LearningRun export = learner.run(ContinuousLearner.Mode.FINETUNE, false);
            assertThat(export.outcome()).isEqualTo(LearningRun.Outcome.DONE);
            assertThat(export.exportedExamples()).isEqualTo(2);
            assertThat(java.nio.file.Files.readAllLines(dir.resolve("work/finetune-ES.jsonl"))).hasSize(2)
                    .anyMatch(l -> l.contains("shorted into support"));

            ExportRetrainJob job = new ExportRetrainJob(learner, io.github.rltrading.core.market.ContractSpecs.ES,
                    io.github.rltrading.env.data.LoadOptions.builder().build());
            var outcome = job.run(new io.github.rltrading.learning.watch.RetrainRequest("ES", List.of(), "drift: psi on atr 0.31",
                    Instant.now()));
            assertThat(outcome.success()).as(outcome.summary()).isTrue();
            assertThat(seen).hasSize(1);
            assertThat(registry.versions("ES").get(0).note()).startsWith("retrained after drift: psi on atr 0.31 on synthetic");
        }
    }

    @Test
    void optionsAreChecked(@TempDir Path dir) {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ExperienceStore store = ExperienceStore.open(db);
            ModelRegistry registry = ModelRegistry.open(db, dir.resolve("models"));
            assertThatThrownBy(() -> ContinuousLearner.builder("ES", store, registry).minNewExperiences(499))
                    .hasMessage("minNewExperiences must be at least 500 (too few experiences make the comparison noise), got 499");
            assertThatThrownBy(() -> ContinuousLearner.builder("ES", store, registry).build())
                    .hasMessage("continuous learning needs market data to train and judge on: data(() -> dataset)");
        }
    }
}
