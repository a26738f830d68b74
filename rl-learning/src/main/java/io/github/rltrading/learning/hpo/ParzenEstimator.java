package io.github.rltrading.learning.hpo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import java.util.random.RandomGenerator;

/**
 * The univariate Parzen estimator of Optuna's TPE for one parameter: a weighted mixture of one
 * kernel per observation plus a prior kernel, fitted to the "below" (good) or "above" trials.
 *
 * <p>Numerical parameters work in a transformed space: the logarithm for log-scale parameters, and
 * for integers the range widened by half a step on each side, [low − ½, high + ½] (then its log for
 * a log-scale integer), so the end values get the same mass as the inner ones. A kernel is a normal
 * truncated to that range: centred on the observation, with a width equal to the larger gap to its
 * sorted neighbours (the range's ends count as neighbours except for the outermost observations,
 * {@code considerEndpoints = false}), clipped to [range / min(100, 1 + kernels), range] ("magic
 * clip"). The prior kernel sits mid-range with the whole range as its width. Integers are discrete:
 * a kernel gives an integer the mass of [x − ½, x + ½] and samples are rounded to the nearest
 * integer (ties to even).
 *
 * <p>A categorical kernel puts {@code priorWeight / kernels} on every choice plus 1 on its observed
 * choice, normalised; the prior kernel is uniform.
 *
 * <p>Values in and out are "external" numbers: the parameter's value for real and integer
 * parameters, the choice's index for categorical ones.
 */
final class ParzenEstimator {

    /** How wide kernels may get and how the prior counts; Optuna's names. */
    record Settings(double priorWeight, boolean considerMagicClip, boolean considerEndpoints) {}

    private static final double MIN_SIGMA_WITHOUT_CLIP = 1e-12;

    private final Distribution distribution;
    private final double[] logWeights;
    private final double[] cumulativeWeights;
    // numerical parameters
    private final double low;
    private final double high;
    private final double[] mus;
    private final double[] sigmas;
    private final double[] logMass;
    // categorical parameters: [kernel][choice]
    private final double[][] choiceProbabilities;
    private final double[][] choiceLogProbabilities;

    private ParzenEstimator(Distribution distribution, double[] weights, double low, double high, double[] mus,
            double[] sigmas, double[][] choiceProbabilities) {
        this.distribution = distribution;
        this.logWeights = Arrays.stream(weights).map(Math::log).toArray();
        this.cumulativeWeights = cumulative(weights);
        this.low = low;
        this.high = high;
        this.mus = mus;
        this.sigmas = sigmas;
        if (mus != null) {
            logMass = new double[mus.length];
            for (int k = 0; k < mus.length; k++) {
                logMass[k] = GaussianMath.logGaussMass((low - mus[k]) / sigmas[k], (high - mus[k]) / sigmas[k]);
            }
        } else {
            logMass = null;
        }
        this.choiceProbabilities = choiceProbabilities;
        if (choiceProbabilities != null) {
            choiceLogProbabilities = new double[choiceProbabilities.length][];
            for (int k = 0; k < choiceProbabilities.length; k++) {
                choiceLogProbabilities[k] = Arrays.stream(choiceProbabilities[k]).map(Math::log).toArray();
            }
        } else {
            choiceLogProbabilities = null;
        }
    }

    /**
     * Fits the estimator.
     *
     * @param observations       external values (category indices for categorical parameters)
     * @param observationWeights one non-negative weight per observation, in trial-number order
     */
    static ParzenEstimator fit(Distribution distribution, double[] observations, double[] observationWeights, Settings settings) {
        int n = observations.length;
        double[] weights;
        if (n == 0) {
            weights = new double[] {1.0};
        } else {
            weights = Arrays.copyOf(observationWeights, n + 1);
            weights[n] = settings.priorWeight();
        }
        double total = Arrays.stream(weights).sum();
        for (int k = 0; k < weights.length; k++) {
            weights[k] /= total;
        }
        if (distribution instanceof Distribution.Categorical categorical) {
            return new ParzenEstimator(distribution, weights, 0, 0, null, null,
                    categoricalKernels(categorical.choices().size(), observations, settings.priorWeight()));
        }
        double lo = adaptedLow(distribution);
        double hi = adaptedHigh(distribution);
        double[] mus = new double[n + 1];
        for (int i = 0; i < n; i++) {
            mus[i] = isLog(distribution) ? Math.log(observations[i]) : observations[i];
        }
        double[] sigmas = Arrays.copyOf(bandwidths(Arrays.copyOf(mus, n), lo, hi, settings), n + 1);
        mus[n] = 0.5 * (lo + hi);
        sigmas[n] = hi - lo;
        return new ParzenEstimator(distribution, weights, lo, hi, mus, sigmas, null);
    }

    /** The kernel widths for centres {@code mus} in [lo, hi]: the larger neighbour gap, clipped. */
    static double[] bandwidths(double[] mus, double lo, double hi, Settings settings) {
        int n = mus.length;
        // Stable order: equal centres keep their trial order (NumPy's argsort is not stable on long
        // arrays; with equal weights, as in the "below" set, the order does not matter).
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> mus[i])).toArray(Integer[]::new);
        double[] withEnds = new double[n + 2];
        withEnds[0] = lo;
        for (int j = 0; j < n; j++) {
            withEnds[j + 1] = mus[order[j]];
        }
        withEnds[n + 1] = hi;
        double[] sorted = new double[n];
        for (int j = 0; j < n; j++) {
            sorted[j] = Math.max(withEnds[j + 1] - withEnds[j], withEnds[j + 2] - withEnds[j + 1]);
        }
        if (!settings.considerEndpoints() && n >= 2) {
            // The outermost kernels take the gap to their inner neighbour, not to the range's end.
            sorted[0] = withEnds[2] - withEnds[1];
            sorted[n - 1] = withEnds[n] - withEnds[n - 1];
        }
        double maxSigma = hi - lo;
        double minSigma = settings.considerMagicClip() ? (hi - lo) / Math.min(100.0, 1.0 + (n + 1)) : MIN_SIGMA_WITHOUT_CLIP;
        double[] sigmas = new double[n];
        for (int j = 0; j < n; j++) {
            sigmas[order[j]] = Math.min(Math.max(sorted[j], minSigma), maxSigma);
        }
        return sigmas;
    }

    private static double[][] categoricalKernels(int choices, double[] observations, double priorWeight) {
        int n = observations.length;
        if (n == 0) {
            double[][] uniform = new double[1][choices];
            Arrays.fill(uniform[0], 1.0 / choices);
            return uniform;
        }
        int kernels = n + 1;
        double[][] p = new double[kernels][choices];
        for (int k = 0; k < kernels; k++) {
            Arrays.fill(p[k], priorWeight / kernels);
            if (k < n) {
                p[k][(int) observations[k]] += 1.0;
            }
            double sum = Arrays.stream(p[k]).sum();
            for (int c = 0; c < choices; c++) {
                p[k][c] /= sum;
            }
        }
        return p;
    }

    /** {@code count} values drawn from the mixture, in external form. */
    double[] sample(RandomGenerator random, int count) {
        int[] kernels = new int[count];
        for (int i = 0; i < count; i++) {
            kernels[i] = pick(cumulativeWeights, random.nextDouble());
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            double u = random.nextDouble();
            out[i] = choiceProbabilities != null ? pick(cumulative(choiceProbabilities[kernels[i]]), u)
                    : sampleNumerical(kernels[i], u);
        }
        return out;
    }

    private double sampleNumerical(int k, double u) {
        double mu = mus[k];
        double sigma = sigmas[k];
        double z = GaussianMath.truncatedPpf(u, (low - mu) / sigma, (high - mu) / sigma);
        double x = RandomSampler.clamp(mu + sigma * z, low, high);
        if (isLog(distribution)) {
            x = Math.exp(x);
        }
        return switch (distribution) {
            case Distribution.IntRange r -> RandomSampler.roundToInt(x, r);
            case Distribution.Uniform d -> RandomSampler.clamp(x, d.low(), d.high());
            case Distribution.LogUniform d -> RandomSampler.clamp(x, d.low(), d.high());
            case Distribution.Categorical c -> throw new IllegalStateException("categorical handled elsewhere");
        };
    }

    /** The mixture's log density (log mass for integers and categories) at the external value {@code x}. */
    double logPdf(double x) {
        double[] terms = new double[logWeights.length];
        if (choiceLogProbabilities != null) {
            int c = (int) x;
            for (int k = 0; k < terms.length; k++) {
                terms[k] = logWeights[k] + choiceLogProbabilities[k][c];
            }
        } else if (distribution instanceof Distribution.IntRange r) {
            double left = r.log() ? Math.log(x - 0.5) : x - 0.5;
            double right = r.log() ? Math.log(x + 0.5) : x + 0.5;
            for (int k = 0; k < terms.length; k++) {
                terms[k] = logWeights[k] + GaussianMath.logGaussMass((left - mus[k]) / sigmas[k], (right - mus[k]) / sigmas[k])
                        - logMass[k];
            }
        } else {
            double t = isLog(distribution) ? Math.log(x) : x;
            if (t < low || t > high) {
                return Double.NEGATIVE_INFINITY;
            }
            for (int k = 0; k < terms.length; k++) {
                terms[k] = logWeights[k] + GaussianMath.logPdf((t - mus[k]) / sigmas[k]) - Math.log(sigmas[k]) - logMass[k];
            }
        }
        return logSumExp(terms);
    }

    private static double logSumExp(double[] terms) {
        double max = Double.NEGATIVE_INFINITY;
        for (double t : terms) {
            max = Math.max(max, t);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    private static double[] cumulative(double[] p) {
        double[] c = new double[p.length];
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += p[i];
            c[i] = s;
        }
        c[p.length - 1] = 1.0; // guard against rounding: the last bucket always catches u
        return c;
    }

    /** The first index whose cumulative probability exceeds {@code u}. */
    private static int pick(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    static boolean isLog(Distribution d) {
        return d instanceof Distribution.LogUniform || d instanceof Distribution.IntRange r && r.log();
    }

    static double adaptedLow(Distribution d) {
        return switch (d) {
            case Distribution.Uniform u -> u.low();
            case Distribution.LogUniform l -> Math.log(l.low());
            case Distribution.IntRange r -> r.log() ? Math.log(r.low() - 0.5) : r.low() - 0.5;
            case Distribution.Categorical c -> 0;
        };
    }

    static double adaptedHigh(Distribution d) {
        return switch (d) {
            case Distribution.Uniform u -> u.high();
            case Distribution.LogUniform l -> Math.log(l.high());
            case Distribution.IntRange r -> r.log() ? Math.log(r.high() + 0.5) : r.high() + 0.5;
            case Distribution.Categorical c -> 0;
        };
    }

    /** The kernel centres in the transformed space, the prior's last (for tests). */
    double[] mus() {
        return mus == null ? null : mus.clone();
    }

    /** The kernel widths in the transformed space, the prior's last (for tests). */
    double[] sigmas() {
        return sigmas == null ? null : sigmas.clone();
    }

    /** The normalised mixture weights, the prior's last (for tests). */
    double[] weights() {
        return Arrays.stream(logWeights).map(Math::exp).toArray();
    }
}
