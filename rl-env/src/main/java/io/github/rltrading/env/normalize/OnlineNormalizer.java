package io.github.rltrading.env.normalize;

import java.util.Arrays;

/**
 * Running z-score normalisation for live use: feed each new row to {@link #update(float[], int)},
 * then normalise it (or any row) with {@link #apply(float[], int, float[], int)}. Both are
 * allocation-free. Not thread-safe.
 *
 * <p>Two modes, per column, NaN values skipped:
 *
 * <ul>
 *   <li>{@link Mode#CUMULATIVE}: Welford's algorithm. For the {@code n}-th value {@code x}:
 *       {@code d = x - mean; mean += d / n; m2 += d * (x - mean)}; variance {@code = m2 / n}
 *       (population), equal up to rounding to the two-pass result over all values seen.
 *   <li>{@link Mode#EXPONENTIAL}: exponentially weighted with weight {@code alpha} on the newest
 *       value. The first value sets {@code mean = x, var = 0}; after that
 *       {@code d = x - mean; mean += alpha * d; var = (1 - alpha) * (var + alpha * d * d)}. A value
 *       {@code k} rows old carries weight proportional to {@code (1 - alpha)^k}; with half-life
 *       {@code h} rows, {@code alpha = 1 - 2^(-1 / h)}, so weight halves every {@code h} rows.
 * </ul>
 *
 * <p>{@code apply} computes {@code clip((x - mean) / std)} with the current statistics (so after
 * {@code update(row)} the row is normalised including itself). A std of 0 or NaN is replaced by 1,
 * as in {@link FittedNormalization}. A column that has seen no value yet gives NaN (the "not yet
 * valid" marker), or 0 with {@code nanToZero}; so does a NaN input.
 */
public final class OnlineNormalizer {

    /** How the running mean and variance weight past values. */
    public enum Mode {
        /** All values weighted equally (Welford). */
        CUMULATIVE,
        /** Exponentially decaying weights. */
        EXPONENTIAL
    }

    private final int cols;
    private final Mode mode;
    private final double alpha;
    private final double clip;
    private final boolean nanToZero;
    private final long[] count;
    private final double[] mean;
    /** CUMULATIVE: sum of squared deviations (m2). EXPONENTIAL: the variance itself. */
    private final double[] second;

    private OnlineNormalizer(int cols, Mode mode, double alpha, double clip, boolean nanToZero) {
        if (cols <= 0) {
            throw new IllegalArgumentException("cols is " + cols
                    + "; it must be the number of feature columns (at least 1)");
        }
        this.cols = cols;
        this.mode = mode;
        this.alpha = alpha;
        this.clip = FittedNormalization.checkClip(clip);
        this.nanToZero = nanToZero;
        this.count = new long[cols];
        this.mean = new double[cols];
        this.second = new double[cols];
    }

    /**
     * Equal-weight running mean and variance (Welford).
     *
     * @param cols number of columns
     * @return a normaliser that has seen no rows, without clipping, keeping NaN
     */
    public static OnlineNormalizer cumulative(int cols) {
        return new OnlineNormalizer(cols, Mode.CUMULATIVE, Double.NaN, 0, false);
    }

    /**
     * Exponentially weighted running mean and variance.
     *
     * @param cols  number of columns
     * @param alpha weight of the newest value, in (0, 1]
     * @return a normaliser that has seen no rows, without clipping, keeping NaN
     */
    public static OnlineNormalizer exponential(int cols, double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha is " + alpha
                    + "; pass a weight in (0, 1], e.g. alphaForHalfLife(100)");
        }
        return new OnlineNormalizer(cols, Mode.EXPONENTIAL, alpha, 0, false);
    }

    /**
     * Exponentially weighted running mean and variance given by a half-life.
     *
     * @param cols         number of columns
     * @param halfLifeRows rows after which a value's weight has halved, positive
     * @return a normaliser that has seen no rows, without clipping, keeping NaN
     */
    public static OnlineNormalizer exponentialHalfLife(int cols, double halfLifeRows) {
        return exponential(cols, alphaForHalfLife(halfLifeRows));
    }

    /**
     * {@code alpha = 1 - 2^(-1 / halfLifeRows)}.
     *
     * @param halfLifeRows rows after which a value's weight has halved, positive and finite
     * @return the matching alpha
     */
    public static double alphaForHalfLife(double halfLifeRows) {
        if (!(halfLifeRows > 0 && Double.isFinite(halfLifeRows))) {
            throw new IllegalArgumentException("halfLifeRows is " + halfLifeRows
                    + "; pass a positive number of rows, e.g. 100");
        }
        return -Math.expm1(-Math.log(2) / halfLifeRows);
    }

    /**
     * A copy (state included) that clips normalised values to {@code [-clip, clip]}.
     *
     * @param clip the bound, 0 for none
     * @return the copy
     */
    public OnlineNormalizer withClip(double clip) {
        return copy(clip, nanToZero);
    }

    /**
     * A copy (state included) with another NaN policy.
     *
     * @param nanToZero true to turn NaN outputs into 0
     * @return the copy
     */
    public OnlineNormalizer withNanToZero(boolean nanToZero) {
        return copy(clip, nanToZero);
    }

    private OnlineNormalizer copy(double clip, boolean nanToZero) {
        OnlineNormalizer o = new OnlineNormalizer(cols, mode, alpha, clip, nanToZero);
        System.arraycopy(count, 0, o.count, 0, cols);
        System.arraycopy(mean, 0, o.mean, 0, cols);
        System.arraycopy(second, 0, o.second, 0, cols);
        return o;
    }

    /**
     * Starts from a fitted normalisation: per column, the count, mean and std of its
     * {@link ColumnStatistics} (for a robust fit too, since this normaliser tracks mean and
     * variance, not median and IQR). In cumulative mode the fitted rows then weigh as much as the
     * same number of live rows; in exponential mode only the mean and variance are taken.
     * Replaces any state; clip and NaN policy are kept.
     *
     * @param fitted a normalisation with {@link #columns()} columns
     * @return this
     */
    public OnlineNormalizer seed(FittedNormalization fitted) {
        if (fitted == null) {
            throw new IllegalArgumentException("fitted is null; pass a FittedNormalization");
        }
        if (fitted.columns() != cols) {
            throw new IllegalArgumentException("fitted has " + fitted.columns() + " columns but this normaliser has "
                    + cols + "; create the online normaliser with cols = fitted.columns()");
        }
        for (int c = 0; c < cols; c++) {
            ColumnStatistics s = fitted.statistics().get(c);
            count[c] = s.count();
            if (s.count() == 0) {
                mean[c] = 0;
                second[c] = 0;
                continue;
            }
            mean[c] = s.mean();
            double var = s.std() * s.std();
            second[c] = mode == Mode.CUMULATIVE ? var * s.count() : var;
        }
        return this;
    }

    /** Forgets every value seen. */
    public void reset() {
        Arrays.fill(count, 0);
        Arrays.fill(mean, 0);
        Arrays.fill(second, 0);
    }

    /**
     * Adds one row to the running statistics; NaN values are skipped. Allocation-free.
     *
     * @param row    source array
     * @param offset index of the row's first value
     * @throws IllegalArgumentException if the row does not fit at {@code offset}
     */
    public void update(float[] row, int offset) {
        Checks.slice("row", row, "offset", offset, cols);
        for (int c = 0; c < cols; c++) {
            float xf = row[offset + c];
            if (Float.isNaN(xf)) {
                continue;
            }
            double x = xf;
            long n = ++count[c];
            if (mode == Mode.CUMULATIVE) {
                double d = x - mean[c];
                mean[c] += d / n;
                second[c] += d * (x - mean[c]);
            } else if (n == 1) {
                mean[c] = x;
                second[c] = 0;
            } else {
                double d = x - mean[c];
                mean[c] += alpha * d;
                second[c] = (1 - alpha) * (second[c] + alpha * d * d);
            }
        }
    }

    /**
     * Normalises one row with the current statistics. {@code in} and {@code out} may be the same
     * array at the same offset. Allocation-free.
     *
     * @param in        source array
     * @param inOffset  index of the row's first value in {@code in}
     * @param out       destination array
     * @param outOffset index where the first normalised value goes
     * @throws IllegalArgumentException if a row does not fit at an offset
     */
    public void apply(float[] in, int inOffset, float[] out, int outOffset) {
        Checks.slice("in", in, "inOffset", inOffset, cols);
        Checks.slice("out", out, "outOffset", outOffset, cols);
        float nanValue = nanToZero ? 0f : Float.NaN;
        for (int c = 0; c < cols; c++) {
            float x = in[inOffset + c];
            if (Float.isNaN(x) || count[c] == 0) {
                out[outOffset + c] = nanValue;
                continue;
            }
            double sd = std(c);
            if (!(sd > 0) || !Double.isFinite(sd)) {
                sd = 1.0;
            }
            double z = (x - mean[c]) / sd;
            if (clip > 0) {
                z = z > clip ? clip : (z < -clip ? -clip : z);
            }
            out[outOffset + c] = (float) z;
        }
    }

    /** @return the number of columns */
    public int columns() {
        return cols;
    }

    /** @return the mode */
    public Mode mode() {
        return mode;
    }

    /** @return the weight of the newest value in exponential mode, NaN in cumulative mode */
    public double alpha() {
        return alpha;
    }

    /**
     * @param column a column index
     * @return the number of non-NaN values seen (including a seed's count)
     */
    public long count(int column) {
        return count[checkColumn(column)];
    }

    /**
     * @param column a column index
     * @return the running mean, NaN before the first value
     */
    public double mean(int column) {
        return count[checkColumn(column)] == 0 ? Double.NaN : mean[column];
    }

    /**
     * @param column a column index
     * @return the running (population) variance, NaN before the first value
     */
    public double variance(int column) {
        long n = count[checkColumn(column)];
        if (n == 0) {
            return Double.NaN;
        }
        return mode == Mode.CUMULATIVE ? second[column] / n : second[column];
    }

    /**
     * @param column a column index
     * @return the square root of {@link #variance(int)}
     */
    public double std(int column) {
        return Math.sqrt(variance(column));
    }

    private int checkColumn(int column) {
        if (column < 0 || column >= cols) {
            throw new IllegalArgumentException("column is " + column + "; pass a column index in [0, "
                    + (cols - 1) + "]");
        }
        return column;
    }
}
