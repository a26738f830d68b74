package io.github.rltrading.learning.hpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class StudyTest {

    private static final SearchSpace X = SearchSpace.builder().uniform("x", 0, 100).build();

    /** Hands out the given x values in order: lets a test decide what each trial sees. */
    private static Sampler scripted(double... xs) {
        Deque<Double> queue = new ArrayDeque<>();
        for (double x : xs) {
            queue.add(x);
        }
        return (space, finished, direction, random) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("x", queue.remove());
            return p;
        };
    }

    @Test
    void aFailingObjectiveIsRecordedAsFailWithItsMessageAndTheStudyGoesOn() {
        Study study = Study.builder("fails", X).sampler(scripted(1, 2, 3, 4)).parallelism(1).build();
        TrialRecord best = study.optimize(trial -> {
            if (trial.number() == 1) {
                throw new IllegalStateException("out of memory on the GPU");
            }
            if (trial.number() == 2) {
                return Double.NaN;
            }
            return trial.getDouble("x");
        }, 4);
        List<TrialRecord> trials = study.trials();
        assertThat(trials).extracting(TrialRecord::state)
                .containsExactly(TrialState.COMPLETE, TrialState.FAIL, TrialState.FAIL, TrialState.COMPLETE);
        assertThat(trials.get(1).error()).isEqualTo("IllegalStateException: out of memory on the GPU");
        assertThat(trials.get(2).error()).isEqualTo("the objective returned NaN");
        assertThat(trials.get(1).finished()).isNotNull();
        assertThat(best.number()).isZero();
        assertThat(best.value()).isEqualTo(1.0);
    }

    @Test
    void aStudyWhereNothingCompletedSaysSoWithTheLastError() {
        Study study = Study.builder("all-fail", X).parallelism(1).build();
        assertThatThrownBy(() -> study.optimize(trial -> {
            throw new IllegalArgumentException("bad config " + trial.number());
        }, 3)).hasMessage("no trial of study \"all-fail\" completed (3 trials; last error: IllegalArgumentException: bad config 2); "
                + "check the objective");
    }

    @Test
    void aParallelStudyWithTwoThreadsRunsExactlyTheTrialsAskedFor() throws Exception {
        // The first two trials wait for each other: they only both finish if they run at once.
        CyclicBarrier together = new CyclicBarrier(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Study study = Study.builder("parallel", X).parallelism(2).seed(1).build();
        study.optimize(trial -> {
            threads.add(Thread.currentThread().getName());
            if (trial.number() < 2) {
                together.await(30, TimeUnit.SECONDS);
            }
            return trial.getDouble("x");
        }, 20);
        assertThat(study.trials()).hasSize(20);
        assertThat(study.trials()).extracting(TrialRecord::number).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 20).boxed().toList());
        assertThat(study.trials()).allMatch(TrialRecord::isComplete);
        assertThat(threads).allMatch(name -> name.startsWith("hpo-parallel-")).hasSize(2);
    }

    @Test
    void prunedTrialsAreRecordedWithWhatTheyReported() {
        // five trials complete (the pruner's start-up), the sixth is far worse at step 0, the seventh fine
        Study study = Study.builder("prune", X).sampler(scripted(1, 2, 3, 4, 5, 90, 2.5)).parallelism(1).build();
        study.optimize(trial -> {
            double x = trial.getDouble("x");
            for (long step = 0; step < 3; step++) {
                trial.report(step, x);
                if (trial.shouldPrune()) {
                    throw new TrialPruned("pruned at step " + step);
                }
            }
            return x;
        }, 7);
        List<TrialRecord> trials = study.trials();
        assertThat(trials).extracting(TrialRecord::state).containsExactly(TrialState.COMPLETE, TrialState.COMPLETE,
                TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE, TrialState.PRUNED, TrialState.COMPLETE);
        assertThat(trials.get(5).intermediateValues()).containsExactly(Map.entry(0L, 90.0));
        assertThat(trials.get(5).value()).isNaN();
        assertThat(trials.get(6).intermediateValues()).hasSize(3);
    }

    @Test
    void trialParametersAreReadByTypeWithHelpfulMistakes() {
        SearchSpace space = SearchSpace.builder().uniform("lr", 0, 1).integer("layers", 1, 4).categorical("act", List.of("relu")).build();
        Study study = Study.builder("types", space).parallelism(1).seed(3).build();
        study.optimize(trial -> {
            assertThat(trial.getDouble("layers")).isEqualTo(trial.getInt("layers"));
            assertThat(trial.getString("act")).isEqualTo("relu");
            assertThatThrownBy(() -> trial.getInt("lr"))
                    .hasMessage("parameter \"lr\" of trial 0 is a Double (" + trial.params().get("lr") + "); read it with getDouble(\"lr\")");
            assertThatThrownBy(() -> trial.getDouble("act"))
                    .hasMessage("parameter \"act\" of trial 0 is a String (relu); read it with getString(\"act\")");
            assertThatThrownBy(() -> trial.getDouble("momentum"))
                    .hasMessage("trial 0 of study \"types\" has no parameter \"momentum\"; its parameters are [lr, layers, act]");
            trial.report(0, 1.0);
            assertThatThrownBy(() -> trial.report(0, 2.0))
                    .hasMessage("trial 0: step 0 was already reported (value 1.0); report each step once");
            return 0;
        }, 1);
        assertThat(study.trials().get(0).state()).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void reopeningAStudyInTheSameStorageContinuesItsNumbering() {
        InMemoryStudyStorage storage = new InMemoryStudyStorage();
        Study first = Study.builder("again", X).storage(storage).parallelism(1).seed(8).build();
        first.optimize(trial -> trial.getDouble("x"), 3);
        Study second = Study.builder("again", X).storage(storage).parallelism(1).build();
        assertThat(second.seed()).as("the stored seed").isEqualTo(8);
        second.optimize(trial -> trial.getDouble("x"), 2);
        assertThat(second.trials()).extracting(TrialRecord::number).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aSamplerThatLeavesTheSpaceStopsTheStudy() {
        Sampler broken = new Sampler() {
            @Override
            public Map<String, Object> sample(SearchSpace space, List<TrialRecord> finished, Direction direction, RandomGenerator random) {
                return Map.of("x", 150.0);
            }

            @Override
            public String description() {
                return "Broken";
            }
        };
        Study study = Study.builder("broken", X).sampler(broken).parallelism(1).build();
        assertThatThrownBy(() -> study.optimize(trial -> 0, 1)).hasMessage(
                "sampler Broken drew invalid parameters for trial 0 of study \"broken\": parameter \"x\" = 150.0 (Double) "
                        + "is not in uniform[0.0, 100.0]");
    }

    @Test
    void aStoredTrialOutsideTheSpaceIsRefusedWhenTheStudyOpens() {
        InMemoryStudyStorage storage = new InMemoryStudyStorage();
        storage.createStudy(new StudyRecord("corrupt", Direction.MINIMIZE, X, "test", 1, java.time.Instant.EPOCH));
        storage.saveTrial("corrupt", new TrialRecord(0, TrialState.COMPLETE, Map.of("x", 150.0), 1.0, null, 0,
                java.time.Instant.EPOCH, java.time.Instant.EPOCH, null));
        assertThatThrownBy(() -> Study.builder("corrupt", X).storage(storage).build()).hasMessage(
                "stored trial 0 of study \"corrupt\" does not fit its search space: parameter \"x\" = 150.0 (Double) is not in "
                        + "uniform[0.0, 100.0]; the storage was changed by hand or is corrupt");
    }

    @Test
    void trialSeedsDifferPerTrialAndStudySeed() {
        assertThat(Study.trialSeed(1, 0)).isNotEqualTo(Study.trialSeed(1, 1)).isNotEqualTo(Study.trialSeed(2, 0));
        assertThat(Study.trialSeed(1, 0)).isEqualTo(Study.trialSeed(1, 0));
    }
}
