package io.github.rltrading.env.normalize;

import java.util.Arrays;

/**
 * Summary of one feature column over a row range, kept with a {@link FittedNormalization} so that
 * later data can be checked for drift against the training period.
 *
 * <p>NaN values are not part of any statistic; they are counted in {@link #nanCount()}. When the
 * column has no finite-or-infinite (non-NaN) value at all, {@code count} is 0 and every other
 * statistic is NaN.
 *
 * <ul>
 *   <li>{@code mean}, {@code std}: two-pass, in {@code double}; {@code std} is the population
 *       standard deviation {@code sqrt(sum((x - mean)^2) / count)}.
 *   <li>{@code quantiles[k]} is the quantile at {@code quantileLevels[k]} (always
 *       {@link #QUANTILE_LEVELS}), with linear interpolation between order statistics (R type 7,
 *       NumPy's default): for sorted values {@code x[0..n-1]} and level {@code p},
 *       {@code h = (n - 1) p}, {@code q = x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)])}.
 *   <li>The histogram has {@code binCounts.length} bins and {@code binCounts.length + 1} fixed
 *       edges, evenly spaced from the 1 % quantile to the 99 % quantile. The outer bins are open:
 *       bin 0 holds every value below {@code binEdges[1]}, the last bin every value at or above
 *       {@code binEdges[bins - 1]}; inner bin {@code i} holds {@code [binEdges[i], binEdges[i + 1])}.
 *       So later values outside the fitted range still land in a bin.
 * </ul>
 *
 * @param count          number of non-NaN values
 * @param nanCount       number of NaN values (warm-up or missing)
 * @param mean           arithmetic mean
 * @param std            population standard deviation
 * @param min            smallest value
 * @param max            largest value
 * @param quantileLevels the levels of {@code quantiles}, in (0, 1), increasing
 * @param quantiles      the quantile values at {@code quantileLevels}
 * @param binEdges       histogram edges, {@code binCounts.length + 1} values
 * @param binCounts      histogram counts; they sum to {@code count}
 */
public record ColumnStatistics(
        long count,
        long nanCount,
        double mean,
        double std,
        double min,
        double max,
        double[] quantileLevels,
        double[] quantiles,
        double[] binEdges,
        long[] binCounts) {

    /** The quantile levels every fitted column records: 1, 5, 10, 25, 50, 75, 90, 95 and 99 %. */
    public static final double[] QUANTILE_LEVELS = {0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99};

    /** Default number of histogram bins. */
    public static final int DEFAULT_BINS = 10;

    /**
     * Floor applied to both bin proportions in {@link #psi}, so that an empty bin gives a large but
     * finite term instead of an infinite one.
     */
    public static final double PSI_EPSILON = 1e-4;

    /** Validates the components and takes defensive copies of the arrays. */
    public ColumnStatistics {
        if (count < 0 || nanCount < 0) {
            throw new IllegalArgumentException("count (" + count + ") and nanCount (" + nanCount
                    + ") must not be negative");
        }
        if (quantileLevels == null || quantiles == null || quantileLevels.length != quantiles.length) {
            throw new IllegalArgumentException("quantileLevels and quantiles must be non-null and of equal length");
        }
        if (binCounts == null || binEdges == null || binCounts.length < 1 || binEdges.length != binCounts.length + 1) {
            throw new IllegalArgumentException("binEdges must have binCounts.length + 1 entries and there must be"
                    + " at least one bin");
        }
        long sum = 0;
        for (long c : binCounts) {
            if (c < 0) {
                throw new IllegalArgumentException("binCounts must not be negative");
            }
            sum += c;
        }
        if (sum != count) {
            throw new IllegalArgumentException("binCounts sum to " + sum + " but count is " + count);
        }
        quantileLevels = quantileLevels.clone();
        quantiles = quantiles.clone();
        binEdges = binEdges.clone();
        binCounts = binCounts.clone();
    }

    /**
     * Computes the statistics of one column of a row-major matrix over {@code [fromRow, toRowExclusive)}.
     *
     * @param data           row-major matrix, row {@code r} column {@code c} at {@code data[r * cols + c]}
     * @param cols           number of columns
     * @param column         the column to summarise
     * @param fromRow        first row used
     * @param toRowExclusive one past the last row used
     * @param bins           number of histogram bins, at least 1
     * @return the statistics
     * @throws IllegalArgumentException on a bad matrix shape, column, row range or bin count
     */
    public static ColumnStatistics of(float[] data, int cols, int column, int fromRow, int toRowExclusive, int bins) {
        int rows = Checks.rows(data, cols);
        Checks.rowRange(fromRow, toRowExclusive, rows);
        if (column < 0 || column >= cols) {
            throw new IllegalArgumentException("column is " + column + " but the data has " + cols
                    + " columns; pass a column index in [0, " + (cols - 1) + "]");
        }
        return compute(data, cols, column, fromRow, toRowExclusive, bins);
    }

    /**
     * Computes the statistics of a one-dimensional sample (NaN values are counted and skipped).
     *
     * @param values the sample
     * @param bins   number of histogram bins, at least 1
     * @return the statistics
     */
    public static ColumnStatistics of(float[] values, int bins) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("values is null or empty; pass at least one value");
        }
        return compute(values, 1, 0, 0, values.length, bins);
    }

    static ColumnStatistics compute(float[] data, int cols, int column, int fromRow, int toRowExclusive, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins is " + bins + "; pass at least 1 histogram bin");
        }
        double[] sorted = new double[toRowExclusive - fromRow];
        int n = 0;
        long nan = 0;
        for (int r = fromRow; r < toRowExclusive; r++) {
            float x = data[r * cols + column];
            if (Float.isNaN(x)) {
                nan++;
            } else {
                sorted[n++] = x;
            }
        }
        double[] levels = QUANTILE_LEVELS.clone();
        double[] q = new double[levels.length];
        double[] edges = new double[bins + 1];
        long[] counts = new long[bins];
        if (n == 0) {
            Arrays.fill(q, Double.NaN);
            Arrays.fill(edges, Double.NaN);
            return new ColumnStatistics(0, nan, Double.NaN, Double.NaN, Double.NaN, Double.NaN, levels, q, edges,
                    counts);
        }
        sorted = Arrays.copyOf(sorted, n);
        Arrays.sort(sorted);
        double sum = 0;
        for (double x : sorted) {
            sum += x;
        }
        double mean = sum / n;
        double ss = 0;
        for (double x : sorted) {
            double d = x - mean;
            ss += d * d;
        }
        double std = Math.sqrt(ss / n);
        for (int k = 0; k < levels.length; k++) {
            q[k] = quantileOfSorted(sorted, levels[k]);
        }
        double lo = quantileOfSorted(sorted, 0.01);
        double hi = quantileOfSorted(sorted, 0.99);
        for (int i = 0; i <= bins; i++) {
            edges[i] = i == bins ? hi : lo + (hi - lo) * i / bins;
        }
        for (double x : sorted) {
            counts[binIndex(edges, x)]++;
        }
        return new ColumnStatistics(n, nan, mean, std, sorted[0], sorted[n - 1], levels, q, edges, counts);
    }

    /** Type-7 quantile of an ascending array without NaN. */
    static double quantileOfSorted(double[] sorted, double p) {
        int n = sorted.length;
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double frac = h - lo;
        return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }

    private static int binIndex(double[] edges, double x) {
        int bins = edges.length - 1;
        int i = 0;
        while (i < bins - 1 && x >= edges[i + 1]) {
            i++;
        }
        return i;
    }

    /**
     * The quantile at one of {@link #quantileLevels()}.
     *
     * @param level one of the recorded levels, e.g. {@code 0.5}
     * @return the quantile value
     * @throws IllegalArgumentException if {@code level} was not recorded
     */
    public double quantile(double level) {
        for (int k = 0; k < quantileLevels.length; k++) {
            if (quantileLevels[k] == level) {
                return quantiles[k];
            }
        }
        throw new IllegalArgumentException("level " + level + " is not recorded; use one of "
                + Arrays.toString(quantileLevels));
    }

    /**
     * Population stability index between this (the expected, training) histogram and a new sample,
     * binned with the same fixed {@link #binEdges()}:
     *
     * <pre>{@code PSI = sum_i (a_i - e_i) * ln(a_i / e_i)}</pre>
     *
     * <p>where {@code e_i} is the fitted share of bin {@code i}, {@code a_i} the sample's share, each
     * floored at {@link #PSI_EPSILON}. NaN sample values are skipped. A common reading: below 0.1
     * stable, 0.1 to 0.25 moderate shift, above 0.25 significant shift.
     *
     * @param sample the new values of this column
     * @return the PSI, 0 for identical histograms, never negative
     * @throws IllegalArgumentException if the sample has no non-NaN value
     * @throws IllegalStateException    if this column had no non-NaN value when fitted
     */
    public double psi(float[] sample) {
        requireFitted();
        long[] actual = new long[binCounts.length];
        long m = 0;
        for (float x : sample) {
            if (!Float.isNaN(x)) {
                actual[binIndex(binEdges, x)]++;
                m++;
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException("sample has no non-NaN value (length " + sample.length
                    + "); pass values past the warm-up period");
        }
        double psi = 0;
        for (int i = 0; i < binCounts.length; i++) {
            double e = Math.max(PSI_EPSILON, (double) binCounts[i] / count);
            double a = Math.max(PSI_EPSILON, (double) actual[i] / m);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    /**
     * Approximate two-sample Kolmogorov&ndash;Smirnov statistic between the fitted column and a new
     * sample, {@code D = sup_x |F_fit(x) - F_new(x)|}.
     *
     * <p>The fitted CDF is not stored; it is approximated by the piecewise-linear curve through
     * {@code (min, 0)}, {@code (quantiles[k], quantileLevels[k])} and {@code (max, 1)}. {@code F_new}
     * is the sample's exact empirical CDF; the supremum is taken over both sides of every sample
     * value and over every knot of the fitted curve. The error relative to the exact two-sample
     * statistic is bounded by how far the true fitted CDF departs from the interpolation between
     * adjacent knots (at most the gap between adjacent levels, e.g. 0.25 between the 25 % and 50 %
     * quantiles, and typically far less for smooth distributions). NaN sample values are skipped.
     *
     * @param sample the new values of this column
     * @return D in [0, 1]
     * @throws IllegalArgumentException if the sample has no non-NaN value
     * @throws IllegalStateException    if this column had no non-NaN value when fitted
     */
    public double ksStatistic(float[] sample) {
        requireFitted();
        double[] s = new double[sample.length];
        int m = 0;
        for (float x : sample) {
            if (!Float.isNaN(x)) {
                s[m++] = x;
            }
        }
        if (m == 0) {
            throw new IllegalArgumentException("sample has no non-NaN value (length " + sample.length
                    + "); pass values past the warm-up period");
        }
        s = Arrays.copyOf(s, m);
        Arrays.sort(s);
        double[] kx = new double[quantiles.length + 2];
        double[] kp = new double[quantiles.length + 2];
        kx[0] = min;
        kp[0] = 0;
        for (int k = 0; k < quantiles.length; k++) {
            kx[k + 1] = quantiles[k];
            kp[k + 1] = quantileLevels[k];
        }
        kx[kx.length - 1] = max;
        kp[kp.length - 1] = 1;
        double d = 0;
        int i = 0;
        while (i < m) {
            double x = s[i];
            int j = i;
            while (j < m && s[j] == x) {
                j++;
            }
            double below = (double) i / m; // F_new just below x
            double at = (double) j / m; // F_new at x
            double f = interpolatedCdf(kx, kp, x);
            d = Math.max(d, Math.max(Math.abs(f - below), Math.abs(f - at)));
            i = j;
        }
        for (int k = 0; k < kx.length; k++) {
            double fNew = ecdf(s, kx[k]);
            d = Math.max(d, Math.abs(kp[k] - fNew));
        }
        return Math.min(1.0, d);
    }

    private static double interpolatedCdf(double[] kx, double[] kp, double x) {
        if (x < kx[0]) {
            return 0;
        }
        if (x >= kx[kx.length - 1]) {
            return 1;
        }
        int k = 0;
        while (k < kx.length - 2 && x >= kx[k + 1]) {
            k++;
        }
        double span = kx[k + 1] - kx[k];
        return span > 0 ? kp[k] + (kp[k + 1] - kp[k]) * (x - kx[k]) / span : kp[k + 1];
    }

    /** Fraction of sorted values {@code <= x}. */
    private static double ecdf(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (double) lo / sorted.length;
    }

    private void requireFitted() {
        if (count == 0) {
            throw new IllegalStateException("the fitted column had no non-NaN value (nanCount " + nanCount
                    + "), so there is no distribution to compare with; fit on a range past the warm-up period");
        }
    }

    @Override
    public double[] quantileLevels() {
        return quantileLevels.clone();
    }

    @Override
    public double[] quantiles() {
        return quantiles.clone();
    }

    @Override
    public double[] binEdges() {
        return binEdges.clone();
    }

    @Override
    public long[] binCounts() {
        return binCounts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnStatistics s
                && count == s.count
                && nanCount == s.nanCount
                && Double.compare(mean, s.mean) == 0
                && Double.compare(std, s.std) == 0
                && Double.compare(min, s.min) == 0
                && Double.compare(max, s.max) == 0
                && Arrays.equals(quantileLevels, s.quantileLevels)
                && Arrays.equals(quantiles, s.quantiles)
                && Arrays.equals(binEdges, s.binEdges)
                && Arrays.equals(binCounts, s.binCounts);
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(count);
        h = 31 * h + Long.hashCode(nanCount);
        h = 31 * h + Double.hashCode(mean);
        h = 31 * h + Double.hashCode(std);
        h = 31 * h + Arrays.hashCode(quantiles);
        return 31 * h + Arrays.hashCode(binCounts);
    }

    @Override
    public String toString() {
        return "ColumnStatistics[count=" + count + ", nanCount=" + nanCount + ", mean=" + mean + ", std=" + std
                + ", min=" + min + ", max=" + max + ", quantiles=" + Arrays.toString(quantiles)
                + ", binCounts=" + Arrays.toString(binCounts) + "]";
    }
}
