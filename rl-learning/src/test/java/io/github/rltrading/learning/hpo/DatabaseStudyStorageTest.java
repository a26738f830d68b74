package io.github.rltrading.learning.hpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.learning.store.LearningDatabase;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseStudyStorageTest {

    @TempDir
    Path dir;

    private static final SearchSpace MIXED = SearchSpace.builder().logUniform("lr", 1e-5, 1e-1).integer("batch", 16, 256, true)
            .categorical("act", List.of("tanh", "relu")).uniform("x1", -5, 10).uniform("x2", 0, 15).build();

    private static final Objective OBJECTIVE = t -> TestFunctions.branin(t.getDouble("x1"), t.getDouble("x2"))
            + Math.abs(Math.log10(t.getDouble("lr")) + 3) + Math.abs(Math.log(t.getInt("batch") / 64.0))
            + (t.getString("act").equals("relu") ? 0 : 0.5);

    /** Records how many finished trials each draw saw, then delegates to TPE. */
    private static final class RecordingSampler implements Sampler {
        final List<List<TrialRecord>> seen = new ArrayList<>();
        private final Sampler tpe = TpeSampler.defaults();

        @Override
        public Map<String, Object> sample(SearchSpace space, List<TrialRecord> finished, Direction direction, RandomGenerator random) {
            seen.add(finished);
            return tpe.sample(space, finished, direction, random);
        }
    }

    @Test
    void aCrashedStudyResumesNumberingAfterItsTrialsAndLearnsFromThem() {
        Path file = dir.resolve("learning.db");
        try (LearningDatabase db = LearningDatabase.open(file)) {
            Study study = Study.builder("ppo-es", MIXED).storage(DatabaseStudyStorage.open(db)).parallelism(1).seed(21).build();
            study.optimize(OBJECTIVE, 12);
            // the crash: trial 12 had been drawn and stored as RUNNING when the process died
            DatabaseStudyStorage.open(db).saveTrial("ppo-es", TrialRecord.running(12,
                    Map.of("lr", 1e-3, "batch", 64, "act", "relu", "x1", 0.0, "x2", 0.0), 77, Instant.parse("2026-11-30T10:00:00Z")));
        }
        try (LearningDatabase db = LearningDatabase.open(file)) {
            RecordingSampler sampler = new RecordingSampler();
            Study resumed = Study.builder("ppo-es", MIXED).storage(DatabaseStudyStorage.open(db)).sampler(sampler).parallelism(1).build();
            assertThat(resumed.seed()).isEqualTo(21);
            TrialRecord interrupted = resumed.trials().get(12);
            assertThat(interrupted.state()).isEqualTo(TrialState.FAIL);
            assertThat(interrupted.error()).isEqualTo(Study.INTERRUPTED).startsWith("interrupted");
            assertThat(interrupted.params()).containsEntry("batch", 64);

            resumed.optimize(OBJECTIVE, 5);

            assertThat(resumed.trials()).extracting(TrialRecord::number).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 18).boxed().toList());
            // the first new draw saw the 12 old trials and the interrupted one
            assertThat(sampler.seen.get(0)).hasSize(13);
            assertThat(sampler.seen.get(0).stream().filter(TrialRecord::isComplete)).hasSize(12);
            // and what the study holds is what the database holds
            assertThat(DatabaseStudyStorage.open(db).loadTrials("ppo-es")).isEqualTo(resumed.trials());
        }
    }

    @Test
    void stoppingAndResumingDrawsWhatAnUninterruptedRunDraws() {
        List<TrialRecord> straight;
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            Study study = Study.builder("s", MIXED).storage(DatabaseStudyStorage.open(db)).parallelism(1).seed(4).build();
            study.optimize(OBJECTIVE, 16);
            straight = study.trials();
        }
        Path file = dir.resolve("stop-start.db");
        try (LearningDatabase db = LearningDatabase.open(file)) {
            Study.builder("s", MIXED).storage(DatabaseStudyStorage.open(db)).parallelism(1).seed(4).build().optimize(OBJECTIVE, 9);
        }
        try (LearningDatabase db = LearningDatabase.open(file)) {
            Study resumed = Study.builder("s", MIXED).storage(DatabaseStudyStorage.open(db)).parallelism(1).build();
            resumed.optimize(OBJECTIVE, 7);
            assertThat(resumed.trials()).extracting(TrialRecord::params)
                    .containsExactlyElementsOf(straight.stream().map(TrialRecord::params).toList());
            assertThat(resumed.trials()).extracting(TrialRecord::value)
                    .containsExactlyElementsOf(straight.stream().map(TrialRecord::value).toList());
        }
    }

    @Test
    void resumingWithAnotherSpaceOrDirectionIsRefusedNamingTheDifference() {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            DatabaseStudyStorage storage = DatabaseStudyStorage.open(db);
            Study.builder("branin", TestFunctions.braninSpace()).storage(storage).parallelism(1).build()
                    .optimize(TestFunctions.BRANIN, 2);
            SearchSpace wider = SearchSpace.builder().uniform("x1", -5, 10).uniform("x2", 0, 20).build();
            assertThatThrownBy(() -> Study.builder("branin", wider).storage(storage).build()).hasMessage(
                    "study \"branin\" cannot be resumed with another search space: parameter \"x2\" is uniform[0.0, 15.0] in the "
                            + "stored study but uniform[0.0, 20.0] in the space given; resume it with its stored space or start a "
                            + "study under a new name");
            SearchSpace extra = SearchSpace.builder().uniform("x1", -5, 10).uniform("x2", 0, 15).integer("k", 1, 3).build();
            assertThatThrownBy(() -> Study.builder("branin", extra).storage(storage).build()).hasMessageContaining(
                    "parameter \"k\" is integer[1, 3] in the space given but missing from the stored study");
            assertThatThrownBy(() -> Study.builder("branin", TestFunctions.braninSpace()).storage(storage)
                    .direction(Direction.MAXIMIZE).build()).hasMessage("study \"branin\" was created to MINIMIZE but MAXIMIZE was "
                            + "given; resume it with MINIMIZE or start a study under a new name");
        }
    }

    @Test
    void everyTrialIsStoredForTheAuditWithItsSeedStateAndValues() throws Exception {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            DatabaseStudyStorage storage = DatabaseStudyStorage.open(db);
            Study study = Study.builder("audit", MIXED).storage(storage).parallelism(1).seed(5).pruner(MedianPruner.builder()
                    .nStartupTrials(0).build()).build();
            study.optimize(trial -> {
                if (trial.number() == 1) {
                    throw new IllegalStateException("diverged");
                }
                // trial 2 diverges at step 0: a NaN is pruned at once
                trial.report(0, trial.number() == 2 ? Double.NaN : 1.0 / (trial.number() + 1));
                if (trial.shouldPrune()) {
                    throw new TrialPruned();
                }
                trial.report(1, 0.5 / (trial.number() + 1));
                return OBJECTIVE.evaluate(trial);
            }, 4);
            List<TrialRecord> stored = storage.loadTrials("audit");
            assertThat(stored).isEqualTo(study.trials());
            assertThat(stored).extracting(TrialRecord::state).containsExactly(TrialState.COMPLETE, TrialState.FAIL,
                    TrialState.PRUNED, TrialState.COMPLETE);
            assertThat(stored.get(2).intermediateValues()).hasSize(1);
            assertThat(stored.get(2).intermediateValues().get(0L)).isNaN();
            assertThat(stored.get(3).intermediateValues()).containsExactly(Map.entry(0L, 0.25), Map.entry(1L, 0.125));
            assertThat(stored.get(0).samplerSeed()).isEqualTo(Study.trialSeed(5, 0));
            db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT number, state, value, sampler_seed, error, finished FROM hpo_trial WHERE study = 'audit' ORDER BY number");
                        ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString("state")).isEqualTo("COMPLETE");
                    assertThat(rs.getDouble("value")).isEqualTo(stored.get(0).value());
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString("error")).isEqualTo("IllegalStateException: diverged");
                    rs.getDouble("value");
                    assertThat(rs.wasNull()).as("a failed trial has no value").isTrue();
                    assertThat(rs.getString("finished")).isNotNull();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT direction, sampler, seed FROM hpo_study WHERE name = 'audit'");
                        ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("MINIMIZE");
                    assertThat(rs.getString(2)).startsWith("TpeSampler(nStartupTrials=10, nEiCandidates=24");
                    assertThat(rs.getLong(3)).isEqualTo(5);
                }
                return null;
            });
        }
    }

    @Test
    void valuesOfEveryTypeRoundTripExactly() {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            DatabaseStudyStorage storage = DatabaseStudyStorage.open(db);
            storage.createStudy(new StudyRecord("rt", Direction.MAXIMIZE, MIXED, "test", -3, Instant.parse("2026-01-02T03:04:05Z")));
            TreeMap<Long, Double> steps = new TreeMap<>(Map.of(0L, 0.1 + 0.2, 5L, Double.NEGATIVE_INFINITY, 10_000_000_000L, Double.NaN));
            TrialRecord t = new TrialRecord(0, TrialState.COMPLETE,
                    Map.of("lr", 1.2345678901234567e-4, "batch", 17, "act", "tanh", "x1", -5.0, "x2", 15.0), Math.PI, steps,
                    Long.MIN_VALUE, Instant.parse("2026-01-02T03:04:05.123456789Z"), Instant.parse("2026-01-02T03:04:06Z"), null);
            storage.saveTrial("rt", t);
            assertThat(storage.loadTrials("rt")).containsExactly(t);
            assertThat(storage.findStudy("rt")).hasValueSatisfying(s -> {
                assertThat(s.space()).isEqualTo(MIXED);
                assertThat(s.direction()).isEqualTo(Direction.MAXIMIZE);
                assertThat(s.seed()).isEqualTo(-3);
            });
            assertThatThrownBy(() -> storage.createStudy(new StudyRecord("rt", Direction.MAXIMIZE, MIXED, "test", 0, Instant.EPOCH)))
                    .hasMessage("study \"rt\" already exists in in-memory database; open it instead of creating it");
            assertThat(storage.loadTrials("unknown")).isEmpty();
        }
    }
}
