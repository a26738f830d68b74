package io.github.rltrading.core.market;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An append-only, columnar series of bars of one instrument and timeframe, stored in primitive
 * arrays so that a million bars cost about 48 MB and reading them creates no objects.
 *
 * <pre>{@code
 * BarSeries series = new BarSeries("ES", Timeframe.M1, 1024);
 * series.append(endMillis, 3230.25, 3231.00, 3229.75, 3230.50, 1250);
 * double lastClose = series.close(series.size() - 1);
 * }</pre>
 *
 * <p>Time stamps are bar end times in epoch milliseconds and must strictly increase; OHLC
 * consistency is checked on every append. Not thread-safe: one writer, or readers after the writer
 * is done (publish it safely).
 */
public final class BarSeries {

    private final String symbol;
    private final Timeframe timeframe;
    private long[] endMillis;
    private double[] open;
    private double[] high;
    private double[] low;
    private double[] close;
    private double[] volume;
    private int size;
    /** True for a {@link #prefix} view, which shares its arrays with the series it came from. */
    private boolean view;

    /** An empty series with room for {@code initialCapacity} bars before it grows. */
    public BarSeries(String symbol, Timeframe timeframe, int initialCapacity) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity must be >= 0, got " + initialCapacity);
        }
        int cap = Math.max(initialCapacity, 16);
        endMillis = new long[cap];
        open = new double[cap];
        high = new double[cap];
        low = new double[cap];
        close = new double[cap];
        volume = new double[cap];
    }

    /**
     * A series that adopts already filled column arrays without copying them, for loaders that
     * read millions of bars into primitive arrays and must not hold two copies. Every bar is
     * checked as {@link #append} would; the arrays belong to the series afterwards and must not be
     * changed by the caller. Arrays may be longer than {@code size} (spare capacity).
     *
     * @throws IllegalArgumentException if a bar is invalid or times do not strictly increase
     */
    public static BarSeries adopt(String symbol, Timeframe timeframe, long[] endMillis, double[] open, double[] high,
            double[] low, double[] close, double[] volume, int size) {
        int min = Math.min(endMillis.length, Math.min(Math.min(open.length, high.length),
                Math.min(Math.min(low.length, close.length), volume.length)));
        if (size < 0 || size > min) {
            throw new IllegalArgumentException("bar series " + symbol + ": size " + size
                    + " does not fit column arrays of length " + min);
        }
        BarSeries s = new BarSeries(symbol, timeframe, 0);
        for (int i = 0; i < size; i++) {
            if (i > 0 && endMillis[i] <= endMillis[i - 1]) {
                throw new IllegalArgumentException("bar series " + symbol + " " + timeframe + ": bar " + i + " ending "
                        + Instant.ofEpochMilli(endMillis[i]) + " is not after the previous bar ending "
                        + Instant.ofEpochMilli(endMillis[i - 1]));
            }
            String problem = Bar.ohlcvProblem(open[i], high[i], low[i], close[i], volume[i]);
            if (problem != null) {
                throw new IllegalArgumentException("bar series " + symbol + " " + timeframe + ": bar " + i + " ending "
                        + Instant.ofEpochMilli(endMillis[i]) + ": " + problem);
            }
        }
        s.endMillis = endMillis;
        s.open = open;
        s.high = high;
        s.low = low;
        s.close = close;
        s.volume = volume;
        s.size = size;
        return s;
    }

    /**
     * A read-only view of the first {@code n} bars that shares this series' arrays: no copy, so the
     * training environment can hand risk gates "the bars up to now" on every step without look-ahead
     * and without copying. Appending to the view throws; appending to this series does not change it.
     */
    public BarSeries prefix(int n) {
        if (n < 0 || n > size) {
            throw new IndexOutOfBoundsException("bar series " + symbol + ": prefix of " + n + " bars asked, it has " + size);
        }
        BarSeries p = new BarSeries(timeframe, symbol);
        p.endMillis = endMillis;
        p.open = open;
        p.high = high;
        p.low = low;
        p.close = close;
        p.volume = volume;
        p.size = n;
        p.view = true;
        return p;
    }

    /**
     * The simple mean of the last {@code bars} true ranges (max(high, previous close) − min(low,
     * previous close)) up to the last bar, or NaN when the series has fewer than {@code bars + 1} bars.
     */
    public double meanTrueRange(int bars) {
        int last = size - 1;
        if (bars < 1 || last < bars) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = last - bars + 1; i <= last; i++) {
            double prevClose = close[i - 1];
            sum += Math.max(high[i], prevClose) - Math.min(low[i], prevClose);
        }
        return sum / bars;
    }

    /** An empty series with a default capacity. */
    public BarSeries(String symbol, Timeframe timeframe) {
        this(symbol, timeframe, 1024);
    }

    /** For views: no arrays of its own. */
    private BarSeries(Timeframe timeframe, String symbol) {
        this.symbol = symbol;
        this.timeframe = timeframe;
    }

    /**
     * Appends one bar.
     *
     * @throws IllegalArgumentException if the time does not increase or the values are not a valid
     *                                  bar (see {@link Bar#ohlcvProblem})
     */
    public void append(long barEndMillis, double o, double h, double l, double c, double v) {
        if (view) {
            throw new UnsupportedOperationException("bar series " + symbol + " " + timeframe + ": this is a read-only "
                    + "prefix view of another series (see prefix(int)); append to the series it came from");
        }
        if (size > 0 && barEndMillis <= endMillis[size - 1]) {
            throw new IllegalArgumentException("bar series " + symbol + " " + timeframe + ": bar ending "
                    + Instant.ofEpochMilli(barEndMillis) + " is not after the previous bar ending "
                    + Instant.ofEpochMilli(endMillis[size - 1]) + "; bars must be appended in time order without duplicates");
        }
        String problem = Bar.ohlcvProblem(o, h, l, c, v);
        if (problem != null) {
            throw new IllegalArgumentException("bar series " + symbol + " " + timeframe + ": bar ending "
                    + Instant.ofEpochMilli(barEndMillis) + ": " + problem);
        }
        if (size == endMillis.length) {
            grow();
        }
        endMillis[size] = barEndMillis;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        size++;
    }

    /** Appends a bar object (same checks as the primitive form). */
    public void append(Bar bar) {
        if (!bar.symbol().equals(symbol) || !bar.timeframe().equals(timeframe)) {
            throw new IllegalArgumentException("bar series " + symbol + " " + timeframe
                    + " cannot take a bar of " + bar.symbol() + " " + bar.timeframe());
        }
        append(bar.end().toEpochMilli(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    private void grow() {
        int cap = endMillis.length + (endMillis.length >> 1) + 16;
        endMillis = Arrays.copyOf(endMillis, cap);
        open = Arrays.copyOf(open, cap);
        high = Arrays.copyOf(high, cap);
        low = Arrays.copyOf(low, cap);
        close = Arrays.copyOf(close, cap);
        volume = Arrays.copyOf(volume, cap);
    }

    public String symbol() {
        return symbol;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long endMillis(int index) {
        return endMillis[check(index)];
    }

    public Instant endTime(int index) {
        return Instant.ofEpochMilli(endMillis(index));
    }

    public double open(int index) {
        return open[check(index)];
    }

    public double high(int index) {
        return high[check(index)];
    }

    public double low(int index) {
        return low[check(index)];
    }

    public double close(int index) {
        return close[check(index)];
    }

    public double volume(int index) {
        return volume[check(index)];
    }

    /** The bar at {@code index} as an object; allocates, so keep it off hot loops. */
    public Bar bar(int index) {
        check(index);
        return new Bar(symbol, timeframe, Instant.ofEpochMilli(endMillis[index]), open[index], high[index],
                low[index], close[index], volume[index]);
    }

    /**
     * Index of the last bar that ended at or before {@code timeMillis}, or -1 if none did. This is
     * the no-look-ahead lookup: at time t, only bars with end &le; t are known.
     */
    public int lastIndexAtOrBefore(long timeMillis) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (endMillis[mid] <= timeMillis) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /**
     * An independent copy of the last {@code n} bars (all of them if fewer), for handing to code
     * that runs on another thread while this series keeps growing.
     */
    public BarSeries tail(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("tail needs n >= 0, got " + n);
        }
        int from = Math.max(0, size - n);
        int count = size - from;
        BarSeries copy = new BarSeries(symbol, timeframe, count);
        System.arraycopy(endMillis, from, copy.endMillis, 0, count);
        System.arraycopy(open, from, copy.open, 0, count);
        System.arraycopy(high, from, copy.high, 0, count);
        System.arraycopy(low, from, copy.low, 0, count);
        System.arraycopy(close, from, copy.close, 0, count);
        System.arraycopy(volume, from, copy.volume, 0, count);
        copy.size = count;
        return copy;
    }

    /** Copies of the close prices {@code [from, to)}. */
    public double[] closes(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return Arrays.copyOfRange(close, from, to);
    }

    private int check(int index) {
        return Objects.checkIndex(index, size);
    }

    @Override
    public String toString() {
        return "BarSeries[" + symbol + " " + timeframe + ", " + size + " bars"
                + (size == 0 ? "" : ", " + endTime(0) + " .. " + endTime(size - 1)) + "]";
    }
}
