package io.github.rltrading.learning.hpo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the range and the history, every sampler returns values of the right type inside the
 * range, for every kind of distribution, and TPE's kernels keep valid widths.
 */
class SamplerBoundsProperties {

    @Provide
    Arbitrary<Distribution> distributions() {
        // Widths from 1e-6 to 1e6, spread evenly over the decades.
        Arbitrary<Distribution> uniform = Combinators.combine(Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.doubles().between(-6, 6)).as((lo, e) -> new Distribution.Uniform(lo, lo + Math.pow(10, e)));
        Arbitrary<Distribution> logUniform = Combinators.combine(Arbitraries.doubles().between(-10, 5),
                Arbitraries.doubles().between(0.01, 8).ofScale(3)).as((e, decades) ->
                        new Distribution.LogUniform(Math.pow(10, e), Math.pow(10, e + decades)));
        Arbitrary<Distribution> integer = Combinators.combine(Arbitraries.integers().between(-1000, 1000),
                Arbitraries.integers().between(1, 10_000)).as((lo, width) -> new Distribution.IntRange(lo, lo + width, false));
        Arbitrary<Distribution> logInteger = Combinators.combine(Arbitraries.integers().between(1, 1000),
                Arbitraries.integers().between(1, 1_000_000)).as((lo, width) -> new Distribution.IntRange(lo, lo + width, true));
        Arbitrary<Distribution> categorical = Arbitraries.integers().between(1, 8).map(n ->
                new Distribution.Categorical(IntStream.range(0, n).mapToObj(i -> "c" + i).toList()));
        return Arbitraries.oneOf(uniform, logUniform, integer, logInteger, categorical);
    }

    /** A history of {@code n} finished trials with random parameters, values and states (mostly COMPLETE). */
    private static List<TrialRecord> history(SearchSpace space, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RandomSampler sampler = new RandomSampler();
        List<TrialRecord> trials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> params = sampler.sample(space, List.of(), Direction.MINIMIZE, random);
            int kind = random.nextInt(10);
            TrialState state = kind < 7 ? TrialState.COMPLETE : kind < 9 ? TrialState.PRUNED : TrialState.FAIL;
            TreeMap<Long, Double> intermediate = new TreeMap<>();
            for (long s = 0, steps = random.nextInt(4); s < steps; s++) {
                intermediate.put(s, random.nextDouble());
            }
            trials.add(new TrialRecord(i, state, params, state == TrialState.COMPLETE ? random.nextGaussian() : Double.NaN,
                    intermediate, i, Instant.EPOCH, Instant.EPOCH, state == TrialState.FAIL ? "boom" : null));
        }
        return trials;
    }

    @Property(tries = 300)
    void everySamplerStaysInsideEveryDistribution(@ForAll("distributions") Distribution distribution,
            @ForAll("distributions") Distribution other, @ForAll @IntRange(min = 0, max = 60) int historySize,
            @ForAll long seed) {
        SearchSpace space = SearchSpace.builder().add("p", distribution).add("q", other).build();
        List<TrialRecord> history = history(space, historySize, seed);
        Sampler[] samplers = {new RandomSampler(), TpeSampler.defaults(),
                TpeSampler.builder().nStartupTrials(0).considerMagicClip(false).considerEndpoints(true).build()};
        for (Sampler sampler : samplers) {
            for (Direction direction : Direction.values()) {
                Map<String, Object> params = sampler.sample(space, history, direction, new SplittableRandom(seed));
                assertThat(distribution.contains(params.get("p")))
                        .as("%s drew %s for %s", sampler.description(), params.get("p"), distribution.describe()).isTrue();
                assertThat(other.contains(params.get("q")))
                        .as("%s drew %s for %s", sampler.description(), params.get("q"), other.describe()).isTrue();
            }
        }
    }

    @Property(tries = 200)
    void parzenKernelsHaveWidthsBetweenTheClipBoundsAndWeightsSummingToOne(@ForAll("distributions") Distribution distribution,
            @ForAll @IntRange(min = 0, max = 40) int n, @ForAll long seed) {
        if (distribution instanceof Distribution.Categorical) {
            return;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] observations = new double[n];
        for (int i = 0; i < n; i++) {
            Object v = RandomSampler.sample(distribution, random);
            observations[i] = ((Number) v).doubleValue();
        }
        ParzenEstimator.Settings settings = new ParzenEstimator.Settings(1.0, true, false);
        ParzenEstimator estimator = ParzenEstimator.fit(distribution, observations, TpeSampler.defaultWeights(n), settings);
        double range = ParzenEstimator.adaptedHigh(distribution) - ParzenEstimator.adaptedLow(distribution);
        double minSigma = range / Math.min(100, n + 2);
        double[] sigmas = estimator.sigmas();
        assertThat(sigmas).hasSize(n + 1);
        for (int i = 0; i < n; i++) {
            assertThat(sigmas[i]).isBetween(minSigma * (1 - 1e-12), range * (1 + 1e-12));
        }
        assertThat(sigmas[n]).isEqualTo(range);
        assertThat(java.util.Arrays.stream(estimator.weights()).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        for (double x : estimator.sample(random, 24)) {
            assertThat(distribution.contains(distribution instanceof Distribution.IntRange ? (Object) (int) x : (Object) x)).isTrue();
            assertThat(estimator.logPdf(x)).isFinite();
        }
    }
}
