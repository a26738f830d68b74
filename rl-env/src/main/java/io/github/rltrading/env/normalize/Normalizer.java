package io.github.rltrading.env.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a frozen {@link FittedNormalization} on a chosen row range (the training period) of a
 * row-major feature matrix. Immutable; the {@code with...} methods return a changed copy.
 *
 * <pre>{@code
 * FittedNormalization norm = Normalizer.zScore().withClip(5)
 *         .fit(data, cols, trainFrom, trainTo, names, featureSetHash);
 * norm.applyAll(data, rows);
 * }</pre>
 *
 * <p>Only rows {@code [fromRow, toRowExclusive)} are read, so nothing from the validation or test
 * period leaks into the centre and scale. NaN values are skipped (and counted in
 * {@link ColumnStatistics#nanCount()}). A column whose scale comes out as 0 or NaN (a constant
 * column, or one with no non-NaN value) gets scale 1 so that applying never yields Inf or NaN from
 * a finite input; a column with no non-NaN value also gets centre 0.
 */
public final class Normalizer {

    private final NormalizationMethod method;
    private final double clip;
    private final boolean nanToZero;
    private final int bins;

    private Normalizer(NormalizationMethod method, double clip, boolean nanToZero, int bins) {
        this.method = method;
        this.clip = clip;
        this.nanToZero = nanToZero;
        this.bins = bins;
    }

    /**
     * Z-score normalisation: {@code (x - mean) / std}, population std.
     *
     * @return a normaliser without clipping that keeps NaN as NaN
     */
    public static Normalizer zScore() {
        return new Normalizer(NormalizationMethod.Z_SCORE, 0, false, ColumnStatistics.DEFAULT_BINS);
    }

    /**
     * Robust normalisation: {@code (x - median) / (Q75 - Q25)}.
     *
     * @return a normaliser without clipping that keeps NaN as NaN
     */
    public static Normalizer robust() {
        return new Normalizer(NormalizationMethod.ROBUST, 0, false, ColumnStatistics.DEFAULT_BINS);
    }

    /**
     * A normaliser of the given method.
     *
     * @param method the method
     * @return a normaliser without clipping that keeps NaN as NaN
     */
    public static Normalizer of(NormalizationMethod method) {
        if (method == null) {
            throw new IllegalArgumentException("method is null; pass Z_SCORE or ROBUST");
        }
        return new Normalizer(method, 0, false, ColumnStatistics.DEFAULT_BINS);
    }

    /**
     * Clips every normalised value to {@code [-clip, clip]} after scaling.
     *
     * @param clip the bound, e.g. 5 or 10; 0 turns clipping off
     * @return a changed copy
     */
    public Normalizer withClip(double clip) {
        return new Normalizer(method, FittedNormalization.checkClip(clip), nanToZero, bins);
    }

    /**
     * Whether NaN inputs become 0 (the centre) instead of staying NaN.
     *
     * @param nanToZero true to replace NaN by 0
     * @return a changed copy
     */
    public Normalizer withNanToZero(boolean nanToZero) {
        return new Normalizer(method, clip, nanToZero, bins);
    }

    /**
     * Number of histogram bins recorded per column for drift checks (default
     * {@link ColumnStatistics#DEFAULT_BINS}).
     *
     * @param bins at least 1
     * @return a changed copy
     */
    public Normalizer withHistogramBins(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins is " + bins + "; pass at least 1 histogram bin");
        }
        return new Normalizer(method, clip, nanToZero, bins);
    }

    /** @return the method */
    public NormalizationMethod method() {
        return method;
    }

    /** @return the clip bound, 0 when off */
    public double clip() {
        return clip;
    }

    /** @return whether NaN inputs become 0 */
    public boolean nanToZero() {
        return nanToZero;
    }

    /**
     * Fits on rows {@code [fromRow, toRowExclusive)} of a feature matrix (the training range),
     * recording its names and hash. Warm-up NaN values are skipped.
     */
    public FittedNormalization fit(io.github.rltrading.env.features.FeatureMatrix matrix, int fromRow, int toRowExclusive) {
        return fit(matrix.data(), matrix.columns(), fromRow, toRowExclusive, matrix.names(), matrix.hash());
    }

    /**
     * Fits on rows {@code [fromRow, toRowExclusive)} only.
     *
     * @param data           row-major matrix, row {@code r} column {@code c} at {@code data[r * cols + c]}
     * @param cols           number of columns
     * @param fromRow        first training row
     * @param toRowExclusive one past the last training row
     * @param names          one name per column
     * @param featureSetHash identifies the feature set that produced the data; may be null
     * @return the frozen normalisation
     * @throws IllegalArgumentException on a null or ragged matrix, a bad column count, an empty or
     *                                  out-of-bounds row range, or names not matching {@code cols}
     */
    public FittedNormalization fit(
            float[] data, int cols, int fromRow, int toRowExclusive, List<String> names, String featureSetHash) {
        int rows = Checks.rows(data, cols);
        Checks.rowRange(fromRow, toRowExclusive, rows);
        Checks.names(names, cols);
        double[] centre = new double[cols];
        double[] scale = new double[cols];
        List<ColumnStatistics> stats = new ArrayList<>(cols);
        for (int c = 0; c < cols; c++) {
            ColumnStatistics s = ColumnStatistics.compute(data, cols, c, fromRow, toRowExclusive, bins);
            stats.add(s);
            double ctr;
            double scl;
            if (method == NormalizationMethod.Z_SCORE) {
                ctr = s.mean();
                scl = s.std();
            } else {
                ctr = s.quantile(0.5);
                scl = s.quantile(0.75) - s.quantile(0.25);
            }
            centre[c] = Double.isFinite(ctr) ? ctr : 0.0;
            scale[c] = Double.isFinite(scl) && scl > 0 ? scl : 1.0;
        }
        return new FittedNormalization(method, names, featureSetHash, fromRow, toRowExclusive,
                toRowExclusive - fromRow, clip, nanToZero, centre, scale, stats);
    }
}
