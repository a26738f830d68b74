package io.github.rltrading.learning.drift;

import java.util.Arrays;

/**
 * The population stability index (PSI) of one feature: how far the distribution of live values has
 * moved from the reference (training) distribution, over bins fitted on the reference.
 *
 * <p>PSI = Σ<sub>bins</sub> (a − e) · ln(a / e), where e is the reference's share of a bin and a the
 * live sample's. Each term is non-negative (a − e and ln(a / e) have the same sign), so PSI ≥ 0 and
 * it is 0 exactly when every bin has the same share. Conventional reading:
 * below {@value #MODERATE_SHIFT} no shift, up to {@value #SIGNIFICANT_SHIFT} a moderate one, above it
 * a significant one.
 *
 * <p><b>Bins</b> are reference quantiles: the cut points are the values at the 1/k, 2/k, ...
 * quantiles of the reference, so each bin holds about 1/k of it. Ties collapse cut points: a
 * column that is 90&nbsp;% zeros gets fewer, uneven bins, and the reference shares are counted, never
 * assumed to be 1/k. When the lowest bin would hold only the reference minimum (a constant column,
 * or heavy ties at the bottom), a cut just below the minimum is added, so values below everything
 * seen in training get a bin of their own instead of hiding among the minimum; values above the
 * reference maximum already have one in that case. Bin {@code i} is
 * (cut<sub>i−1</sub>, cut<sub>i</sub>]; the outer bins are open-ended.
 *
 * <p><b>Empty bins</b>: a share of 0 would make ln(a / e) infinite, so shares below
 * {@value #EMPTY_BIN_SHARE} are raised to it (without renormalising). A bin empty on both sides
 * contributes 0; a bin empty in the reference and holding 1&nbsp;% of the live values contributes about
 * 0.046.
 *
 * <p>NaN and infinite values are skipped on both sides (a feature undefined during warm-up is not
 * evidence of drift). Immutable and thread-safe.
 *
 * <pre>{@code
 * PopulationStabilityIndex psi = PopulationStabilityIndex.fit(trainingAtr);
 * double score = psi.score(lastThousandAtr);
 * if (score >= PopulationStabilityIndex.SIGNIFICANT_SHIFT) { ... }
 * }</pre>
 */
public final class PopulationStabilityIndex {

    /** Ten quantile bins (deciles), the usual choice. */
    public static final int DEFAULT_BINS = 10;

    /** PSI from which a shift is conventionally called moderate. */
    public static final double MODERATE_SHIFT = 0.1;

    /** PSI from which a shift is conventionally called significant. */
    public static final double SIGNIFICANT_SHIFT = 0.25;

    /** The smallest share a bin counts with: 0.01&nbsp;%, so an empty bin adds a large but finite term. */
    public static final double EMPTY_BIN_SHARE = 1e-4;

    private final double[] cutPoints;
    private final double[] expected;
    private final int referenceSize;

    private PopulationStabilityIndex(double[] cutPoints, double[] expected, int referenceSize) {
        this.cutPoints = cutPoints;
        this.expected = expected;
        this.referenceSize = referenceSize;
    }

    /** Fits {@value #DEFAULT_BINS} quantile bins on {@code reference}. */
    public static PopulationStabilityIndex fit(double[] reference) {
        return fit(reference, DEFAULT_BINS);
    }

    /**
     * Fits {@code bins} quantile bins on {@code reference} (fewer when ties collapse cut points).
     *
     * @throws IllegalArgumentException if {@code bins < 2} or the reference has no finite value
     */
    public static PopulationStabilityIndex fit(double[] reference, int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("PSI bins must be at least 2, got " + bins + "; "
                    + DEFAULT_BINS + " (deciles) is conventional");
        }
        double[] sorted = finiteSorted(reference, reference.length);
        return fitSorted(sorted, sorted.length, bins);
    }

    /** Fits on the first {@code n} values of an ascending array of finite values (not copied, not kept). */
    static PopulationStabilityIndex fitSorted(double[] sorted, int n, int bins) {
        if (n == 0) {
            throw new IllegalArgumentException("PSI reference sample has no finite value; give training values "
                    + "past the feature's warm-up");
        }
        double[] cuts = new double[bins + 1];
        int k = 0;
        for (int i = 1; i < bins; i++) {
            // the value ending the i-th k-quantile: bin i then holds reference values ranked up to i·n/bins
            double cut = sorted[Math.max(0, (int) ((long) i * n / bins) - 1)];
            if (k == 0 || cut > cuts[k - 1]) {
                cuts[k++] = cut;
            }
        }
        if (cuts[0] == sorted[0]) {
            // the lowest bin would hold only the minimum: give "below the reference" its own bin (a
            // constant column c thus gets three: below c, c, above c)
            System.arraycopy(cuts, 0, cuts, 1, k);
            cuts[0] = Math.nextDown(sorted[0]);
            k++;
        }
        double[] cutPoints = Arrays.copyOf(cuts, k);
        double[] expected = new double[k + 1];
        for (int i = 0; i < n; i++) {
            expected[bin(cutPoints, sorted[i])]++;
        }
        for (int b = 0; b < expected.length; b++) {
            expected[b] /= n;
        }
        return new PopulationStabilityIndex(cutPoints, expected, n);
    }

    /**
     * The PSI of {@code actual} against the reference; NaN and infinite values are skipped.
     *
     * @throws IllegalArgumentException if {@code actual} has no finite value
     */
    public double score(double[] actual) {
        return score(actual, actual.length);
    }

    /** The PSI of the first {@code length} values of {@code actual}. */
    double score(double[] actual, int length) {
        double[] counts = new double[expected.length];
        int n = 0;
        for (int i = 0; i < length; i++) {
            double v = actual[i];
            if (Double.isFinite(v)) {
                counts[bin(cutPoints, v)]++;
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("PSI needs at least one finite live value, got " + length
                    + " values, none finite");
        }
        for (int b = 0; b < counts.length; b++) {
            counts[b] /= n;
        }
        return between(expected, counts);
    }

    /**
     * The PSI between two vectors of bin shares of the same length (each summing to about 1); shares
     * below {@value #EMPTY_BIN_SHARE} count as that.
     */
    public static double between(double[] expectedShares, double[] actualShares) {
        if (expectedShares.length != actualShares.length) {
            throw new IllegalArgumentException("PSI needs the same bins on both sides, got " + expectedShares.length
                    + " expected shares and " + actualShares.length + " actual shares");
        }
        double psi = 0;
        for (int b = 0; b < expectedShares.length; b++) {
            double e = Math.max(expectedShares[b], EMPTY_BIN_SHARE);
            double a = Math.max(actualShares[b], EMPTY_BIN_SHARE);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    /** The number of bins (cut points + 1). */
    public int bins() {
        return expected.length;
    }

    /** The ascending cut points; bin {@code i} is (cut<sub>i−1</sub>, cut<sub>i</sub>]. A copy. */
    public double[] cutPoints() {
        return cutPoints.clone();
    }

    /** The reference's share of each bin. A copy. */
    public double[] expectedShares() {
        return expected.clone();
    }

    /** How many finite reference values the bins were fitted on. */
    public int referenceSize() {
        return referenceSize;
    }

    private static int bin(double[] cuts, double v) {
        int i = Arrays.binarySearch(cuts, v);
        // found: the cuts before it are smaller, and v closes bin i; not found: insertion point = cuts below v
        return i >= 0 ? i : -i - 1;
    }

    /** The finite values among the first {@code length}, ascending, in a new array. */
    static double[] finiteSorted(double[] values, int length) {
        double[] out = new double[length];
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (Double.isFinite(values[i])) {
                out[n++] = values[i];
            }
        }
        out = n == length ? out : Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }
}
