package io.github.rltrading.learning.hpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {

    private static final ParzenEstimator.Settings OPTUNA = new ParzenEstimator.Settings(1.0, true, false);

    private static TrialRecord complete(int number, double value, Map<String, Object> params) {
        return new TrialRecord(number, TrialState.COMPLETE, params, value, null, number, Instant.EPOCH, Instant.EPOCH, null);
    }

    private static TrialRecord pruned(int number, Map<Long, Double> intermediate) {
        return new TrialRecord(number, TrialState.PRUNED, Map.of("x", 0.5), Double.NaN, new TreeMap<>(intermediate), number,
                Instant.EPOCH, Instant.EPOCH, null);
    }

    @Test
    void gammaIsTenPercentRoundedUpAndCappedAt25() {
        assertThat(TpeSampler.defaultGamma(0)).isZero();
        assertThat(TpeSampler.defaultGamma(1)).isEqualTo(1);
        assertThat(TpeSampler.defaultGamma(10)).isEqualTo(1);
        assertThat(TpeSampler.defaultGamma(11)).isEqualTo(2);
        assertThat(TpeSampler.defaultGamma(100)).isEqualTo(10);
        assertThat(TpeSampler.defaultGamma(251)).isEqualTo(25);
    }

    @Test
    void weightsAreFlatBelow25ThenRampUpForTheOldestObservations() {
        assertThat(TpeSampler.defaultWeights(0)).isEmpty();
        assertThat(TpeSampler.defaultWeights(24)).containsOnly(1.0).hasSize(24);
        assertThat(TpeSampler.defaultWeights(25)).containsOnly(1.0).hasSize(25);
        assertThat(TpeSampler.defaultWeights(26)[0]).isEqualTo(1.0 / 26);
        double[] w = TpeSampler.defaultWeights(30); // linspace(1/30, 1, 5) then 25 ones
        double step = (1 - 1.0 / 30) / 4;
        assertThat(w).hasSize(30);
        for (int i = 0; i < 5; i++) {
            assertThat(w[i]).isCloseTo(1.0 / 30 + i * step, within(1e-15));
        }
        assertThat(w[4]).isEqualTo(1.0);
        assertThat(java.util.Arrays.copyOfRange(w, 5, 30)).containsOnly(1.0);
    }

    @Test
    void bandwidthIsTheLargerNeighbourGapWithInnerGapsAtTheEnds() {
        // sorted centres 0.2, 0.5, 0.9 in [0, 1]: gaps 0.2 | 0.3 | 0.4 | 0.1
        // middle: max(0.3, 0.4); ends use their inner gap (considerEndpoints = false): 0.3 and 0.4;
        // the magic clip's floor is 1 / min(100, 1 + 4 kernels) = 0.2, below all of them.
        assertThat(ParzenEstimator.bandwidths(new double[] {0.9, 0.2, 0.5}, 0, 1, OPTUNA))
                .containsExactly(new double[] {0.4, 0.3, 0.4}, within(1e-15));
        var withEndpoints = new ParzenEstimator.Settings(1.0, true, true);
        // with the range's ends as neighbours the last centre's width is max(0.4, 0.1) = 0.4, the first max(0.2, 0.3)
        assertThat(ParzenEstimator.bandwidths(new double[] {0.2, 0.5, 0.9}, 0, 1, withEndpoints))
                .containsExactly(new double[] {0.3, 0.4, 0.4}, within(1e-15));
    }

    @Test
    void magicClipRaisesNarrowKernelsToRangeOverKernelCount() {
        double[] tight = {0.5, 0.52, 0.55};
        assertThat(ParzenEstimator.bandwidths(tight, 0, 1, OPTUNA)).containsExactly(new double[] {0.2, 0.2, 0.2}, within(1e-15));
        var noClip = new ParzenEstimator.Settings(1.0, false, false);
        assertThat(ParzenEstimator.bandwidths(tight, 0, 1, noClip)).containsExactly(new double[] {0.02, 0.03, 0.03}, within(1e-12));
        var endpointsNoClip = new ParzenEstimator.Settings(1.0, false, true);
        assertThat(ParzenEstimator.bandwidths(tight, 0, 1, endpointsNoClip))
                .containsExactly(new double[] {0.5, 0.03, 0.45}, within(1e-12));
    }

    @Test
    void priorKernelSitsMidRangeWithTheWholeRangeAsWidthAndWeightOne() {
        ParzenEstimator e = ParzenEstimator.fit(new Distribution.Uniform(-5, 10), new double[] {0, 1}, new double[] {1, 1}, OPTUNA);
        assertThat(e.mus()).containsExactly(0, 1, 2.5);
        assertThat(e.sigmas()[2]).isEqualTo(15);
        assertThat(e.weights()).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-15));
        // integers live on [low - 1/2, high + 1/2], log-scale parameters in log space
        ParzenEstimator ints = ParzenEstimator.fit(new Distribution.IntRange(1, 10, false), new double[] {3}, new double[] {1}, OPTUNA);
        assertThat(ints.mus()).containsExactly(3, 5.5);
        assertThat(ints.sigmas()).containsExactly(new double[] {7.5, 10}, within(1e-15));
        ParzenEstimator logs = ParzenEstimator.fit(new Distribution.LogUniform(1e-4, 1), new double[] {1e-2}, new double[] {1}, OPTUNA);
        assertThat(logs.mus()).containsExactly(new double[] {Math.log(1e-2), 0.5 * Math.log(1e-4)}, within(1e-12));
    }

    @Test
    void integerMassesSumToOneOverTheRange() {
        for (boolean log : new boolean[] {false, true}) {
            var range = new Distribution.IntRange(1, 40, log);
            ParzenEstimator e = ParzenEstimator.fit(range, new double[] {2, 7, 7, 31}, new double[] {1, 1, 1, 1}, OPTUNA);
            double total = 0;
            for (int x = 1; x <= 40; x++) {
                total += Math.exp(e.logPdf(x));
            }
            assertThat(total).as("log=%s", log).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void categoricalKernelsArePriorSmoothedCounts() {
        // three choices, observations 0 and 2, prior weight 1: each kernel puts 1/3 on every choice
        // plus 1 on its own, normalised; the prior kernel is uniform; mixture weights 1/3 each.
        ParzenEstimator e = ParzenEstimator.fit(new Distribution.Categorical(List.of("a", "b", "c")), new double[] {0, 2},
                new double[] {1, 1}, OPTUNA);
        assertThat(Math.exp(e.logPdf(0))).isCloseTo((2 / 3.0 + 1 / 6.0 + 1 / 3.0) / 3, within(1e-15));
        assertThat(Math.exp(e.logPdf(1))).isCloseTo((1 / 6.0 + 1 / 6.0 + 1 / 3.0) / 3, within(1e-15));
        assertThat(Math.exp(e.logPdf(0)) + Math.exp(e.logPdf(1)) + Math.exp(e.logPdf(2))).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void splitRanksCompleteTrialsByValueThenPrunedByProgress() {
        List<TrialRecord> trials = List.of(
                complete(0, 5, Map.of("x", 0.1)),
                pruned(1, Map.of(0L, 1.0, 3L, 2.0)),
                complete(2, 1, Map.of("x", 0.2)),
                pruned(3, Map.of()),
                pruned(4, Map.of(0L, 1.0, 5L, 9.0)),
                complete(5, 3, Map.of("x", 0.3)));
        TpeSampler.Split split = TpeSampler.split(trials, 4, Direction.MINIMIZE);
        // all complete trials, then the pruned trial that got furthest (step 5)
        assertThat(split.below()).extracting(TrialRecord::number).containsExactly(0, 2, 4, 5);
        assertThat(split.above()).extracting(TrialRecord::number).containsExactly(1, 3);
        TpeSampler.Split max = TpeSampler.split(trials, 2, Direction.MAXIMIZE);
        assertThat(max.below()).extracting(TrialRecord::number).containsExactly(0, 5);
    }

    @Test
    void sameSeedSameHistoryGivesTheSameParametersAndAnotherSeedDoesNot() {
        SearchSpace space = SearchSpace.builder().uniform("x", -3, 3).logUniform("lr", 1e-5, 1).integer("n", 1, 64, true)
                .categorical("c", List.of("a", "b", "c")).build();
        List<TrialRecord> history = new ArrayList<>();
        SplittableRandom data = new SplittableRandom(3);
        for (int i = 0; i < 30; i++) {
            Map<String, Object> p = new RandomSampler().sample(space, List.of(), Direction.MINIMIZE, data);
            history.add(complete(i, data.nextDouble(), p));
        }
        TpeSampler tpe = TpeSampler.defaults();
        Map<String, Object> a = tpe.sample(space, history, Direction.MINIMIZE, new SplittableRandom(11));
        Map<String, Object> b = tpe.sample(space, history, Direction.MINIMIZE, new SplittableRandom(11));
        Map<String, Object> c = tpe.sample(space, history, Direction.MINIMIZE, new SplittableRandom(12));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void aSeededStudyIsReproducedExactly() {
        SearchSpace space = SearchSpace.builder().uniform("x1", -5, 10).uniform("x2", 0, 15).integer("k", 1, 8)
                .categorical("c", List.of("a", "b")).build();
        Objective objective = t -> TestFunctions.branin(t.getDouble("x1"), t.getDouble("x2")) + t.getInt("k")
                + (t.getString("c").equals("a") ? 0 : 1);
        List<Map<String, Object>> first = run(space, objective, 99);
        List<Map<String, Object>> again = run(space, objective, 99);
        List<Map<String, Object>> other = run(space, objective, 100);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    private static List<Map<String, Object>> run(SearchSpace space, Objective objective, long seed) {
        Study study = Study.builder("repro", space).seed(seed).parallelism(1).build();
        study.optimize(objective, 25);
        return study.trials().stream().map(TrialRecord::params).toList();
    }

    @Test
    void tpeBeatsRandomSearchOnBranin() {
        // mean best value of 5 seeds x 60 trials; Branin's minimum is 0.397887
        double tpe = 0;
        double random = 0;
        for (long seed = 1; seed <= 5; seed++) {
            tpe += bestOnBranin(TpeSampler.defaults(), seed) / 5;
            random += bestOnBranin(new RandomSampler(), seed) / 5;
        }
        assertThat(tpe).isLessThan(random);
    }

    private static double bestOnBranin(Sampler sampler, long seed) {
        Study study = Study.builder("branin", TestFunctions.braninSpace()).sampler(sampler).parallelism(1).seed(seed).build();
        return study.optimize(TestFunctions.BRANIN, 60).value();
    }

    @Test
    void maximisingTurnsTheSearchAround() {
        // maximise -(x - 2)^2 on [-10, 10]: TPE should end near x = 2
        SearchSpace space = SearchSpace.builder().uniform("x", -10, 10).build();
        Study study = Study.builder("max", space).direction(Direction.MAXIMIZE).parallelism(1).seed(5).build();
        TrialRecord best = study.optimize(t -> -Math.pow(t.getDouble("x") - 2, 2), 60);
        assertThat(best.value()).isGreaterThan(-0.05);
        assertThat(best.value()).isEqualTo(study.trials().stream().filter(TrialRecord::isComplete)
                .mapToDouble(TrialRecord::value).max().orElseThrow());
    }

    @Test
    void invalidSettingsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> TpeSampler.builder().priorWeight(0))
                .hasMessage("TPE priorWeight must be a finite number above 0, got 0.0");
        assertThatThrownBy(() -> TpeSampler.builder().nEiCandidates(0)).hasMessage("TPE nEiCandidates must be >= 1, got 0");
        assertThatThrownBy(() -> TpeSampler.builder().nStartupTrials(-1)).hasMessage("TPE nStartupTrials must be >= 0, got -1");
    }
}
