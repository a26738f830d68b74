package io.github.rltrading.learning.hpo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The Tree-structured Parzen Estimator, as Optuna's {@code TPESampler} does it with its defaults
 * (independent, univariate sampling; Optuna 4.x, checked against 4.9).
 *
 * <ol>
 *   <li>Until {@code nStartupTrials} (10) trials are COMPLETE or PRUNED, sample at random
 *       ({@link RandomSampler}).</li>
 *   <li>Split those n trials: the best {@code gamma(n) = min(⌈0.1·n⌉, 25)} are "below" (good), the
 *       rest "above". COMPLETE trials rank by value; PRUNED trials rank after them, the one that got
 *       further first, then by its last intermediate value.</li>
 *   <li>Per parameter, fit a {@link ParzenEstimator} l(x) to the below values and g(x) to the above
 *       ones; observations are weighted by {@link #defaultWeights} in trial order (recent trials
 *       count fully, older ones of a long history less) and a prior kernel of weight
 *       {@code priorWeight} (1) is added.</li>
 *   <li>Draw {@code nEiCandidates} (24) candidates from l and keep the one with the largest
 *       log l(x) − log g(x) (the expected-improvement criterion of Bergstra et al.).</li>
 * </ol>
 *
 * <p>Parameters are sampled independently of each other, each from all finished trials; FAIL
 * trials are ignored; running trials are not seen (Optuna's default, without "constant liar").
 *
 * <p>Where this differs from Optuna: the random numbers come from Java's generator, so a seed does
 * not give Optuna's sequence; equal kernel centres are ordered stably (NumPy's argsort is not
 * stable on long arrays, which can swap the widths of two equal centres with different weights);
 * the normal tail functions are our own implementation (agreeing with SciPy to about 1e-14);
 * {@code priorWeight} must be above 0 (Optuna also allows 0). The integer handling is Optuna 4.9's:
 * a discrete truncated normal on [low − ½, high + ½] (in log space for log-scale integers), samples
 * rounded to the nearest integer.
 *
 * <pre>{@code
 * Sampler tpe = TpeSampler.defaults();
 * Sampler tuned = TpeSampler.builder().nStartupTrials(20).build();
 * }</pre>
 */
public final class TpeSampler implements Sampler {

    private final int nStartupTrials;
    private final int nEiCandidates;
    private final IntUnaryOperator gamma;
    private final IntFunction<double[]> weights;
    private final ParzenEstimator.Settings settings;
    private final boolean customGamma;
    private final boolean customWeights;
    private final RandomSampler startup = new RandomSampler();

    private TpeSampler(Builder b) {
        this.nStartupTrials = b.nStartupTrials;
        this.nEiCandidates = b.nEiCandidates;
        this.gamma = b.gamma;
        this.weights = b.weights;
        this.customGamma = b.customGamma;
        this.customWeights = b.customWeights;
        this.settings = new ParzenEstimator.Settings(b.priorWeight, b.considerMagicClip, b.considerEndpoints);
    }

    /** TPE with Optuna's defaults. */
    public static TpeSampler defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Optuna's {@code default_gamma}: how many of n trials count as good, min(⌈0.1·n⌉, 25). */
    public static int defaultGamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    /**
     * Optuna's {@code default_weights}: ones for fewer than 25 observations; otherwise a ramp from
     * 1/n up to 1 over the oldest n − 25 and ones for the newest 25.
     */
    public static double[] defaultWeights(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        if (n >= 25) {
            int ramp = n - 25;
            double start = 1.0 / n;
            for (int i = 0; i < ramp; i++) {
                // NumPy's linspace(start, 1, ramp): both ends included; a single point is start.
                w[i] = ramp == 1 ? start : start + i * (1.0 - start) / (ramp - 1);
            }
        }
        return w;
    }

    @Override
    public Map<String, Object> sample(SearchSpace space, List<TrialRecord> finished, Direction direction,
            RandomGenerator random) {
        List<TrialRecord> usable = finished.stream()
                .filter(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED)
                .sorted(Comparator.comparingInt(TrialRecord::number))
                .toList();
        if (usable.size() < nStartupTrials) {
            return startup.sample(space, finished, direction, random);
        }
        Split split = split(usable, gamma.applyAsInt(usable.size()), direction);
        Map<String, Object> params = new LinkedHashMap<>();
        space.parameters().forEach((name, distribution) ->
                params.put(name, sampleParameter(name, distribution, split, random)));
        return params;
    }

    private Object sampleParameter(String name, Distribution distribution, Split split, RandomGenerator random) {
        double[] below = observations(name, distribution, split.below());
        double[] above = observations(name, distribution, split.above());
        ParzenEstimator l = ParzenEstimator.fit(distribution, below, observationWeights(below.length), settings);
        ParzenEstimator g = ParzenEstimator.fit(distribution, above, observationWeights(above.length), settings);
        double[] candidates = l.sample(random, nEiCandidates);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates.length; i++) {
            double score = l.logPdf(candidates[i]) - g.logPdf(candidates[i]);
            if (i == 0 || score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return toExternal(distribution, candidates[best]);
    }

    /** The trials' values of one parameter as external numbers; trials without a valid value are skipped. */
    private static double[] observations(String name, Distribution distribution, List<TrialRecord> trials) {
        List<Double> values = new ArrayList<>(trials.size());
        for (TrialRecord t : trials) {
            Object v = t.params().get(name);
            if (!distribution.contains(v)) {
                continue;
            }
            values.add(switch (v) {
                case String s -> (double) ((Distribution.Categorical) distribution).indexOf(s);
                case Number n -> n.doubleValue();
                default -> throw new IllegalStateException("unexpected parameter value " + v);
            });
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private double[] observationWeights(int n) {
        double[] w = weights.apply(n);
        if (w == null || w.length < n) {
            throw new IllegalStateException("TPE weights function returned " + (w == null ? "null" : w.length + " weights")
                    + " for " + n + " observations; return one weight per observation");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalStateException("TPE weights function returned " + w[i] + " at " + i + " for " + n
                        + " observations; weights must be finite and >= 0");
            }
            sum += w[i];
        }
        if (n > 0 && sum <= 0) {
            throw new IllegalStateException("TPE weights function returned all zeros for " + n + " observations");
        }
        return Arrays.copyOf(w, n);
    }

    private static Object toExternal(Distribution distribution, double x) {
        return switch (distribution) {
            case Distribution.Uniform u -> x;
            case Distribution.LogUniform l -> x;
            case Distribution.IntRange r -> (int) x;
            case Distribution.Categorical c -> c.choices().get((int) x);
        };
    }

    /** The good ("below") and the other ("above") trials, each in trial-number order. */
    record Split(List<TrialRecord> below, List<TrialRecord> above) {}

    static Split split(List<TrialRecord> trials, int nBelow, Direction direction) {
        // Stable sorts over trials in number order: ties keep the older trial first, as in Python.
        List<TrialRecord> complete = trials.stream().filter(TrialRecord::isComplete)
                .sorted(Comparator.comparingDouble(t -> direction.toLoss(t.value()))).toList();
        List<TrialRecord> pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED)
                .sorted(Comparator.<TrialRecord>comparingDouble(t -> prunedRank(t, direction)[0])
                        .thenComparingDouble(t -> prunedRank(t, direction)[1]))
                .toList();
        List<TrialRecord> ranked = new ArrayList<>(complete);
        ranked.addAll(pruned);
        int cut = Math.max(0, Math.min(nBelow, ranked.size()));
        List<TrialRecord> below = new ArrayList<>(ranked.subList(0, cut));
        List<TrialRecord> above = new ArrayList<>(ranked.subList(cut, ranked.size()));
        below.sort(Comparator.comparingInt(TrialRecord::number));
        above.sort(Comparator.comparingInt(TrialRecord::number));
        return new Split(below, above);
    }

    /**
     * A pruned trial's rank key: a later last step first, then a better value at it (NaN last);
     * one that reported nothing comes after all that did.
     */
    private static double[] prunedRank(TrialRecord t, Direction direction) {
        if (t.intermediateValues().isEmpty()) {
            return new double[] {1, 0};
        }
        long step = t.lastStep();
        double v = t.intermediateValues().get(step);
        return new double[] {-step, Double.isNaN(v) ? Double.POSITIVE_INFINITY : direction.toLoss(v)};
    }

    @Override
    public String description() {
        return "TpeSampler(nStartupTrials=" + nStartupTrials + ", nEiCandidates=" + nEiCandidates + ", gamma="
                + (customGamma ? "custom" : "min(ceil(0.1n),25)") + ", weights=" + (customWeights ? "custom" : "default")
                + ", priorWeight=" + settings.priorWeight() + ", considerMagicClip=" + settings.considerMagicClip()
                + ", considerEndpoints=" + settings.considerEndpoints() + ")";
    }

    @Override
    public String toString() {
        return description();
    }

    /** Settings of a {@link TpeSampler}; each starts at Optuna's default. */
    public static final class Builder {
        private int nStartupTrials = 10;
        private int nEiCandidates = 24;
        private IntUnaryOperator gamma = TpeSampler::defaultGamma;
        private IntFunction<double[]> weights = TpeSampler::defaultWeights;
        private boolean customGamma;
        private boolean customWeights;
        private double priorWeight = 1.0;
        private boolean considerMagicClip = true;
        private boolean considerEndpoints = false;

        private Builder() {}

        /** Finished trials sampled at random before TPE starts (default 10). */
        public Builder nStartupTrials(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("TPE nStartupTrials must be >= 0, got " + value);
            }
            nStartupTrials = value;
            return this;
        }

        /** Candidates drawn from l(x) per parameter and trial (default 24). */
        public Builder nEiCandidates(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("TPE nEiCandidates must be >= 1, got " + value);
            }
            nEiCandidates = value;
            return this;
        }

        /** How many of n trials are "below" (default {@link TpeSampler#defaultGamma}). */
        public Builder gamma(IntUnaryOperator value) {
            gamma = Objects.requireNonNull(value, "gamma");
            customGamma = true;
            return this;
        }

        /** Observation weights for n observations in trial order (default {@link TpeSampler#defaultWeights}). */
        public Builder weights(IntFunction<double[]> value) {
            weights = Objects.requireNonNull(value, "weights");
            customWeights = true;
            return this;
        }

        /** Weight of the prior kernel (default 1.0); must be above 0. */
        public Builder priorWeight(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("TPE priorWeight must be a finite number above 0, got " + value);
            }
            priorWeight = value;
            return this;
        }

        /** Keep kernel widths at least range / min(100, 1 + kernels) (default true). */
        public Builder considerMagicClip(boolean value) {
            considerMagicClip = value;
            return this;
        }

        /** Let the outermost kernels' widths reach the range's ends (default false). */
        public Builder considerEndpoints(boolean value) {
            considerEndpoints = value;
            return this;
        }

        public TpeSampler build() {
            return new TpeSampler(this);
        }
    }
}
