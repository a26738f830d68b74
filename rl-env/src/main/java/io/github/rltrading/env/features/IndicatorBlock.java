package io.github.rltrading.env.features;

import java.util.Arrays;
import java.util.List;

/**
 * The per-timeframe features, updated one closed bar at a time in O(1) without allocating:
 * returns, candle shape, and the indicators (RSI, MACD, EMA, Bollinger, ATR, volume). The
 * indicator recurrences are the ones Ta4j uses (EMA seeded with the first close; Wilder's
 * smoothing for RSI and ATR), and the tests check them against Ta4j on real bars.
 *
 * <p>A feature is NaN until enough bars have arrived for it ({@link #WARM_UP} for all of them).
 */
final class IndicatorBlock {

    /** Feature names without the timeframe prefix, in the order {@link #write} writes them. */
    static final List<String> NAMES = List.of(
            "ret_1", "ret_5", "ret_15", "logret_1", "range", "true_range", "body", "upper_wick", "lower_wick", "gap",
            "rsi_14", "macd", "macd_signal", "macd_hist", "ema_10_dist", "ema_50_dist", "bb_pct_b", "bb_width", "atr_14",
            "volume_z", "obv_slope");

    /** Every column of the block, as a {@link #IndicatorBlock(long) column mask}. */
    static final long ALL_COLUMNS = (1L << 21) - 1;

    // Column groups of the mask: a group is computed when any of its columns is wanted.
    private static final long PRICE_ACTION = (1L << 10) - 1; // ret_1 .. gap
    private static final long RSI = 1L << 10;
    private static final long MACD = 7L << 11; // macd, macd_signal, macd_hist
    private static final long EMA_10 = 1L << 14;
    private static final long EMA_50 = 1L << 15;
    private static final long BANDS = 3L << 16; // bb_pct_b, bb_width
    private static final long ATR = 1L << 18;
    private static final long VOLUME = 3L << 19; // volume_z, obv_slope

    /** Bars after which every feature of the block is valid (EMA 50 is defined from its 51st bar). */
    static final int WARM_UP = 51;

    private static final int RING = 64; // power of two >= the longest look-back (50)

    private final double[] closes = new double[RING];
    private final double[] volumes = new double[RING];
    private final double[] obv = new double[RING];
    private long count;
    private double prevClose = Double.NaN;

    private final SeededAverage ema10 = SeededAverage.ema(10);
    private final SeededAverage ema50 = SeededAverage.ema(50);
    private final SeededAverage ema12 = SeededAverage.ema(12);
    private final SeededAverage ema26 = SeededAverage.ema(26);
    private final SeededAverage signal9 = SeededAverage.ema(9);
    private final SeededAverage avgGain = SeededAverage.wilder(14);
    private final SeededAverage avgLoss = SeededAverage.wilder(14);
    private final SeededAverage atr = SeededAverage.wilder(14);
    private double obvValue;
    private final long columns;

    // Outputs of the last update.
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;
    private double trueRange;
    private double gap;

    /** A block that computes every column. */
    IndicatorBlock() {
        this(ALL_COLUMNS);
    }

    /**
     * A block that computes only the columns whose bits are set in {@code columns} (bit {@code k}
     * for {@code NAMES.get(k)}), skipping the averages and windows nothing asks for. The other
     * columns are left as they were in the output: a selection that skips them does not read them.
     */
    IndicatorBlock(long columns) {
        this.columns = columns;
    }

    /** The mask bit of a column name (without the timeframe prefix), or 0 for a name not in the block. */
    static long columnBit(String name) {
        int k = NAMES.indexOf(name);
        return k < 0 ? 0 : 1L << k;
    }

    private boolean wants(long group) {
        return (columns & group) != 0;
    }

    void reset() {
        Arrays.fill(closes, 0);
        Arrays.fill(volumes, 0);
        Arrays.fill(obv, 0);
        count = 0;
        prevClose = Double.NaN;
        obvValue = 0;
        for (SeededAverage a : new SeededAverage[] {ema10, ema50, ema12, ema26, signal9, avgGain, avgLoss, atr}) {
            a.reset();
        }
    }

    long count() {
        return count;
    }

    /** The value {@code k} bars before the last one in a ring of the last {@link #RING} bars. */
    private double ago(double[] ring, int k) {
        return ring[(int) ((count - 1 - k) & (RING - 1))];
    }

    private double closeAgo(int k) {
        return ago(closes, k);
    }

    void update(double o, double h, double l, double c, double v) {
        open = o;
        high = h;
        low = l;
        close = c;
        volume = v;
        int slot = (int) (count & (RING - 1));
        closes[slot] = c;
        volumes[slot] = v;
        double change = count == 0 ? 0 : c - prevClose;
        trueRange = count == 0 ? h - l : Math.max(h, prevClose) - Math.min(l, prevClose);
        gap = count == 0 ? Double.NaN : (o - prevClose) / prevClose;
        obvValue += change > 0 ? v : change < 0 ? -v : 0;
        if (wants(EMA_10)) {
            ema10.add(c);
        }
        if (wants(EMA_50)) {
            ema50.add(c);
        }
        if (wants(MACD)) {
            ema12.add(c);
            ema26.add(c);
            signal9.add(ema12.value() - ema26.value());
        }
        if (wants(RSI)) {
            avgGain.add(Math.max(change, 0));
            avgLoss.add(Math.max(-change, 0));
        }
        if (wants(ATR)) {
            atr.add(trueRange);
        }
        obv[slot] = obvValue;
        prevClose = c;
        count++;
    }

    /**
     * Writes the block's features for the last bar into {@code out[offset ..]}: the columns of the
     * block's mask (the others are left as they were).
     */
    void write(float[] out, int offset) {
        int i = offset;
        if (wants(PRICE_ACTION)) {
            double range = high - low;
            out[i] = count > 1 ? (float) (close / closeAgo(1) - 1) : Float.NaN;
            out[i + 1] = count > 5 ? (float) (close / closeAgo(5) - 1) : Float.NaN;
            out[i + 2] = count > 15 ? (float) (close / closeAgo(15) - 1) : Float.NaN;
            out[i + 3] = count > 1 ? (float) Math.log(close / closeAgo(1)) : Float.NaN;
            out[i + 4] = (float) (range / close);
            out[i + 5] = count > 1 ? (float) (trueRange / close) : Float.NaN;
            out[i + 6] = range > 0 ? (float) ((close - open) / range) : 0f;
            out[i + 7] = range > 0 ? (float) ((high - Math.max(open, close)) / range) : 0f;
            out[i + 8] = range > 0 ? (float) ((Math.min(open, close) - low) / range) : 0f;
            out[i + 9] = count > 1 ? (float) gap : Float.NaN;
        }
        i += 10;
        // NaN propagates: an indicator still warming up gives NaN features.
        if (wants(RSI)) {
            out[i] = (float) (rsi() / 100.0);
        }
        i++;
        if (wants(MACD)) {
            double macd = macd();
            out[i] = (float) (macd / close);
            out[i + 1] = (float) (signal9.value() / close);
            out[i + 2] = (float) ((macd - signal9.value()) / close);
        }
        i += 3;
        if (wants(EMA_10)) {
            out[i] = (float) ((close - ema10.value()) / ema10.value());
        }
        i++;
        if (wants(EMA_50)) {
            out[i] = (float) ((close - ema50.value()) / ema50.value());
        }
        i++;
        if (wants(BANDS)) {
            windowOrUndefined(out, i, true);
        }
        i += 2;
        if (wants(ATR)) {
            out[i] = (float) (atr.value() / close);
        }
        i++;
        if (wants(VOLUME)) {
            windowOrUndefined(out, i, false);
        }
    }

    /** Mean of the last 20 values of a ring ({@link #closes} or {@link #volumes}). */
    private double mean20(double[] ring) {
        double sum = 0;
        for (int k = 0; k < 20; k++) {
            sum += ago(ring, k);
        }
        return sum / 20;
    }

    /** Population standard deviation of the last 20 values of a ring around {@code mean} (two passes: exact). */
    private double deviation20(double[] ring, double mean) {
        double var = 0;
        for (int k = 0; k < 20; k++) {
            double d = ago(ring, k) - mean;
            var += d * d;
        }
        return Math.sqrt(var / 20);
    }

    /** The two columns of a 20-bar window ({@link #bands} or {@link #volume}), NaN until 20 bars have come. */
    private void windowOrUndefined(float[] out, int i, boolean bandWindow) {
        if (count < 20) {
            out[i] = Float.NaN;
            out[i + 1] = Float.NaN;
        } else if (bandWindow) {
            bands(out, i);
        } else {
            volume(out, i);
        }
    }

    /** Bollinger %B and width over the last 20 closes (two standard deviations). */
    private void bands(float[] out, int i) {
        double mean = mean20(closes);
        double sd = deviation20(closes, mean);
        double upper = mean + 2 * sd;
        double lower = mean - 2 * sd;
        out[i] = upper > lower ? (float) ((close - lower) / (upper - lower)) : 0.5f;
        out[i + 1] = (float) ((upper - lower) / mean);
    }

    /** Volume z-score over the last 20 bars and the OBV slope over the last 10. */
    private void volume(float[] out, int i) {
        double mean = mean20(volumes);
        double sd = deviation20(volumes, mean);
        out[i] = sd > 0 ? (float) ((volume - mean) / sd) : 0f;
        // OBV slope: least-squares slope of the last 10 OBV values, in units of the mean volume.
        double sxy = 0;
        double sy = 0;
        for (int k = 0; k < 10; k++) {
            double x = 9 - k;
            double y = ago(obv, k);
            sxy += x * y;
            sy += y;
        }
        double slope = (sxy - 4.5 * sy) / 82.5; // sum (x - 4.5)^2 over 0..9 = 82.5
        out[i + 1] = mean > 0 ? (float) (slope / mean) : 0f;
    }

    /** RSI 0..100 from Wilder-smoothed gains and losses (Ta4j's convention when there are no losses). */
    double rsi() {
        double gain = avgGain.value();
        double loss = avgLoss.value();
        if (Double.isNaN(gain) || Double.isNaN(loss)) {
            return Double.NaN;
        }
        if (loss == 0) {
            return gain == 0 ? 0 : 100;
        }
        return 100 - 100 / (1 + gain / loss);
    }

    double ema10() {
        return ema10.value();
    }

    double ema50() {
        return ema50.value();
    }

    double macd() {
        return ema12.value() - ema26.value();
    }

    double macdSignal() {
        return signal9.value();
    }

    double atr() {
        return atr.value();
    }

    /**
     * An exponential average seeded the way Ta4j seeds it: undefined (NaN) for the first
     * {@code period} inputs, then the input itself while the previous value is undefined, then
     * {@code previous + alpha * (x - previous)}. Ta4j's EMA has alpha 2/(n+1); Wilder's smoothing
     * (Ta4j's MMA, used by RSI and ATR) has alpha 1/n.
     */
    static final class SeededAverage {
        private final int period;
        private final double alpha;
        private long inputs;
        private double value = Double.NaN;

        private SeededAverage(int period, double alpha) {
            this.period = period;
            this.alpha = alpha;
        }

        static SeededAverage ema(int period) {
            return new SeededAverage(period, 2.0 / (period + 1));
        }

        static SeededAverage wilder(int period) {
            return new SeededAverage(period, 1.0 / period);
        }

        void add(double x) {
            long index = inputs++;
            if (index < period) {
                value = Double.NaN;
            } else if (Double.isNaN(value)) {
                value = x;
            } else {
                value += alpha * (x - value);
            }
        }

        double value() {
            return value;
        }

        void reset() {
            inputs = 0;
            value = Double.NaN;
        }
    }
}
