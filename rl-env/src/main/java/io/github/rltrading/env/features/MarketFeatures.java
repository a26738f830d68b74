package io.github.rltrading.env.features;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.env.bars.BarAggregator;
import io.github.rltrading.env.bars.MarketHours;
import io.github.rltrading.core.util.ZoneOffsetCache;
import io.github.rltrading.env.data.LoadedBars;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The default feature set ({@value #ID} version {@value #VERSION}): price action, volume and
 * indicators on the base bars and on each higher timeframe (5m and 15m by default, only their
 * last <em>closed</em> bar), session statistics, time of day and week, and optionally order flow.
 * The catalogue with every formula and warm-up is {@code docs/features.md}.
 *
 * <p>One streaming code path serves training and live trading: {@link #compute(BarSeries, FeatureConfig)}
 * runs {@link #update} over every bar, and the {@link FeatureSet} method {@link #compute(BarSeries, int, float[], int)}
 * runs it incrementally as a live series grows. A row at bar {@code i} is built from bars
 * {@code 0..i} only.
 *
 * <pre>{@code
 * FeatureMatrix m = MarketFeatures.compute(loaded, FeatureConfig.DEFAULT);
 * float rsi5m = m.get(row, m.column("5m_rsi_14"));
 * }</pre>
 */
public final class MarketFeatures implements FeatureSet {

    /** Feature set name. */
    public static final String ID = "market";
    /** Version: bump when a formula changes, so saved models refuse the new numbers. */
    public static final int VERSION = 1;

    static final List<String> SESSION_NAMES = List.of("session_high_dist", "session_low_dist", "vwap_dist", "rel_volume");
    static final List<String> TIME_NAMES = List.of("time_of_day_sin", "time_of_day_cos", "day_of_week_sin", "day_of_week_cos");
    static final List<String> ORDER_FLOW_NAMES = List.of("spread", "quote_imbalance");

    private static final int SLOTS = 288; // 5-minute slots of a day for relative volume
    private static final double SLOT_ALPHA = 2.0 / (20 + 1); // about 20 sessions of memory

    private final FeatureConfig config;
    private final Timeframe base;
    private final List<String> allNames;
    private final List<String> names;
    private final String hash;
    private final int blockSize = IndicatorBlock.NAMES.size();

    // A selection (see select): the columns written, as indexes into allNames, the whole row they are
    // picked from, and which parts of the row must be computed for them. All null or true when the
    // whole set is written.
    private final int[] selected;
    private final float[] wholeRow;
    private final Parts parts;

    // Streaming state.
    private final IndicatorBlock baseBlock;
    private final IndicatorBlock[] higherBlocks;
    private final BarAggregator[] aggregators;
    private final float[][] higherRows;
    private final ZoneOffsetCache zone;
    private final MarketHours hours;
    private long sessionDate = Long.MIN_VALUE;
    private double sessionHigh;
    private double sessionLow;
    private double vwapNumerator;
    private double vwapVolume;
    private final double[] slotVolume = new double[SLOTS];
    private final boolean[] slotSeen = new boolean[SLOTS];
    private long lastEnd = Long.MIN_VALUE;

    // For the FeatureSet (live) entry point.
    private BarSeries liveSeries;
    private int liveIndex = -1;
    private float[] liveRow;

    /** The feature set for 1-minute base bars. */
    public MarketFeatures(FeatureConfig config) {
        this(config, Timeframe.M1);
    }

    /** The feature set for base bars of {@code base}; every higher timeframe must be a multiple of it. */
    public MarketFeatures(FeatureConfig config, Timeframe base) {
        this(config, base, null);
    }

    private MarketFeatures(FeatureConfig config, Timeframe base, List<String> columns) {
        this.config = config;
        this.base = base;
        this.hours = config.hours();
        this.zone = new ZoneOffsetCache(hours.zone());
        List<String> n = new ArrayList<>();
        for (String s : IndicatorBlock.NAMES) {
            n.add(base + "_" + s);
        }
        n.addAll(SESSION_NAMES);
        n.addAll(TIME_NAMES);
        int k = config.higherTimeframes().size();
        higherBlocks = new IndicatorBlock[k];
        aggregators = new BarAggregator[k];
        higherRows = new float[k][blockSize];
        for (int j = 0; j < k; j++) {
            Timeframe tf = config.higherTimeframes().get(j);
            if (tf.millis() <= base.millis() || tf.millis() % base.millis() != 0) {
                throw new IllegalArgumentException("feature timeframe " + tf + " is not a whole multiple above the base timeframe "
                        + base + "; choose e.g. 5m and 15m over 1m bars");
            }
            for (String s : IndicatorBlock.NAMES) {
                n.add(tf + "_" + s);
            }
        }
        if (config.orderFlow()) {
            n.addAll(ORDER_FLOW_NAMES);
        }
        this.allNames = List.copyOf(n);
        if (columns == null) {
            this.names = allNames;
            this.selected = null;
            this.wholeRow = null;
            this.parts = Parts.all(k);
        } else {
            this.names = List.copyOf(columns);
            this.selected = FeatureSet.columnIndexes(allNames, names);
            this.wholeRow = new float[allNames.size()];
            this.parts = Parts.of(names, base, config.higherTimeframes());
        }
        this.baseBlock = new IndicatorBlock(parts.baseColumns());
        for (int j = 0; j < k; j++) {
            higherBlocks[j] = new IndicatorBlock(parts.higherColumns()[j]); // its aggregator is made by reset()
        }
        this.hash = hash(ID + "-v" + VERSION + "|base=" + base + "|hours=" + hours + "|" + String.join(",", names));
        reset();
    }

    /**
     * Which parts of a row a selection needs: the columns of the indicator block per timeframe (as
     * {@link IndicatorBlock} masks, 0 for a block not needed), the session statistics, relative
     * volume, the calendar, order flow.
     */
    private record Parts(long baseColumns, long[] higherColumns, boolean session, boolean relativeVolume, boolean time,
            boolean orderFlow) {

        static Parts all(int higherCount) {
            long[] all = new long[higherCount];
            Arrays.fill(all, IndicatorBlock.ALL_COLUMNS);
            return new Parts(IndicatorBlock.ALL_COLUMNS, all, true, true, true, true);
        }

        static Parts of(List<String> columns, Timeframe base, List<Timeframe> higher) {
            long baseColumns = 0;
            long[] higherColumns = new long[higher.size()];
            for (String c : columns) {
                int cut = c.indexOf('_');
                String prefix = cut < 0 ? "" : c.substring(0, cut);
                String rest = c.substring(cut + 1);
                if (prefix.equals(base.toString())) {
                    baseColumns |= IndicatorBlock.columnBit(rest);
                }
                for (int j = 0; j < higher.size(); j++) {
                    if (prefix.equals(higher.get(j).toString())) {
                        higherColumns[j] |= IndicatorBlock.columnBit(rest);
                    }
                }
            }
            return new Parts(baseColumns, higherColumns,
                    columns.stream().anyMatch(c -> SESSION_NAMES.contains(c) && !c.equals("rel_volume")),
                    columns.contains("rel_volume"), columns.stream().anyMatch(TIME_NAMES::contains),
                    columns.stream().anyMatch(ORDER_FLOW_NAMES::contains));
        }
    }

    /**
     * The same features restricted to {@code columns}, computing only what they need: a selection
     * of the two 1-minute EMA distances skips the other timeframes, the session statistics, the
     * calendar and the 20-bar windows. Values are identical to the whole set's columns. The warm-up
     * stays the whole set's, as {@link FeatureSet#select} requires.
     *
     * @throws IllegalArgumentException naming a column that is not in {@link #names()} or is repeated
     */
    @Override
    public MarketFeatures select(List<String> columns) {
        FeatureSet.columnIndexes(names, columns); // a selection selects from its own columns only
        return new MarketFeatures(config, base, columns);
    }

    private static String hash(String definition) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(definition.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** {@code market-v1}. */
    public String id() {
        return ID + "-v" + VERSION;
    }

    /** A stable hash of the definition (names, base timeframe, session): same set, same hash, on any machine. */
    public String hash() {
        return hash;
    }

    public FeatureConfig config() {
        return config;
    }

    @Override
    public List<String> names() {
        return names;
    }

    /**
     * Base bars before every feature can be valid: the longest indicator (EMA 50) on the longest
     * timeframe, plus one session for relative volume. Rows also stay invalid while a feature is
     * undefined (e.g. outside the session), which {@link FeatureMatrix#isValid} reports.
     */
    @Override
    public int warmUpBars() {
        long longest = base.millis();
        for (Timeframe tf : config.higherTimeframes()) {
            longest = Math.max(longest, tf.millis());
        }
        return (int) (IndicatorBlock.WARM_UP * (longest / base.millis()));
    }

    /** Forgets all history: the next {@link #update} starts a new series. */
    public void reset() {
        baseBlock.reset();
        for (int j = 0; j < higherBlocks.length; j++) {
            higherBlocks[j].reset();
            Arrays.fill(higherRows[j], Float.NaN);
            aggregators[j] = new BarAggregator(config.higherTimeframes().get(j), hours, sinkOf(j));
        }
        sessionDate = Long.MIN_VALUE;
        Arrays.fill(slotVolume, 0);
        Arrays.fill(slotSeen, false);
        lastEnd = Long.MIN_VALUE;
        liveSeries = null;
        liveIndex = -1;
    }

    private BarAggregator.Sink sinkOf(int j) {
        IndicatorBlock block = higherBlocks[j];
        float[] row = higherRows[j];
        return (end, o, h, l, c, v, count) -> {
            block.update(o, h, l, c, v);
            block.write(row, 0);
        };
    }

    /**
     * Adds the next base bar and writes its feature row into {@code out[offset .. offset + size())}.
     * Quotes may be NaN when unknown (then the order-flow features are NaN).
     */
    public void update(long endMillis, double o, double h, double l, double c, double v, double bid, double ask,
            double bidSize, double askSize, float[] out, int offset) {
        if (selected == null) {
            updateRow(endMillis, o, h, l, c, v, bid, ask, bidSize, askSize, out, offset);
            return;
        }
        updateRow(endMillis, o, h, l, c, v, bid, ask, bidSize, askSize, wholeRow, 0);
        for (int k = 0; k < selected.length; k++) {
            out[offset + k] = wholeRow[selected[k]];
        }
    }

    /** Writes the whole row's layout into {@code out[offset ..]}, computing only the parts selected. */
    private void updateRow(long endMillis, double o, double h, double l, double c, double v, double bid, double ask,
            double bidSize, double askSize, float[] out, int offset) {
        if (endMillis <= lastEnd) {
            throw new IllegalArgumentException("bars must arrive in time order: " + java.time.Instant.ofEpochMilli(endMillis)
                    + " is not after " + java.time.Instant.ofEpochMilli(lastEnd) + "; call reset() to start another series");
        }
        lastEnd = endMillis;
        int i = offset;
        if (parts.baseColumns() != 0) {
            baseBlock.update(o, h, l, c, v);
            baseBlock.write(out, i);
        }
        i += blockSize;
        if (parts.session() || parts.relativeVolume() || parts.time()) {
            i = sessionAndTime(endMillis, h, l, c, v, out, i);
        } else {
            i += SESSION_NAMES.size() + TIME_NAMES.size();
        }
        for (int j = 0; j < aggregators.length; j++) {
            if (parts.higherColumns()[j] != 0) {
                aggregators[j].add(endMillis, o, h, l, c, v); // may close a bar: its features are then visible now
                System.arraycopy(higherRows[j], 0, out, i, blockSize);
            }
            i += blockSize;
        }
        if (config.orderFlow() && parts.orderFlow()) {
            double mid = (bid + ask) / 2;
            out[i++] = bid > 0 && ask >= bid ? (float) ((ask - bid) / mid) : Float.NaN;
            double sizes = bidSize + askSize;
            out[i++] = sizes > 0 ? (float) ((bidSize - askSize) / sizes) : (sizes == 0 ? 0f : Float.NaN);
        }
    }

    /** Session high, low and VWAP distances, relative volume and the calendar; returns the next column. */
    private int sessionAndTime(long endMillis, double h, double l, double c, double v, float[] out, int i) {
        long local = zone.toLocal(endMillis);
        long date = hours.tradingDateOfLocal(local);
        long msOfDay = Math.floorMod(local, 86_400_000L);
        int slot = (int) (msOfDay / 300_000L);
        if (date == MarketHours.NO_SESSION) {
            out[i++] = Float.NaN;
            out[i++] = Float.NaN;
            out[i++] = Float.NaN;
        } else {
            if (date != sessionDate) {
                sessionDate = date;
                sessionHigh = h;
                sessionLow = l;
                vwapNumerator = 0;
                vwapVolume = 0;
            }
            sessionHigh = Math.max(sessionHigh, h);
            sessionLow = Math.min(sessionLow, l);
            double typical = (h + l + c) / 3;
            vwapNumerator += typical * v;
            vwapVolume += v;
            double vwap = vwapVolume > 0 ? vwapNumerator / vwapVolume : typical;
            out[i++] = (float) ((c - sessionHigh) / c);
            out[i++] = (float) ((c - sessionLow) / c);
            out[i++] = (float) ((c - vwap) / vwap);
        }
        // Relative volume: this bar's volume against the running average of the same 5-minute slot
        // on earlier bars (about 20 sessions of memory); +1 keeps zero-volume slots finite.
        out[i++] = slotSeen[slot] ? (float) ((v + 1) / (slotVolume[slot] + 1)) : Float.NaN;
        slotVolume[slot] = slotSeen[slot] ? slotVolume[slot] + SLOT_ALPHA * (v - slotVolume[slot]) : v;
        slotSeen[slot] = true;

        double dayAngle = 2 * Math.PI * msOfDay / 86_400_000.0;
        long epochDay = Math.floorDiv(local, 86_400_000L);
        double weekAngle = 2 * Math.PI * Math.floorMod(epochDay + 3, 7L) / 7.0; // 0 = Monday
        out[i++] = (float) Math.sin(dayAngle);
        out[i++] = (float) Math.cos(dayAngle);
        out[i++] = (float) Math.sin(weekAngle);
        out[i++] = (float) Math.cos(weekAngle);
        return i;
    }

    /**
     * Live entry point: features of bar {@code index} of a growing series, computed incrementally
     * when called for consecutive bars of the same series (otherwise the series is replayed from its
     * first bar). Without quotes: order-flow features are NaN.
     */
    @Override
    public void compute(BarSeries series, int index, float[] out, int offset) {
        if (series != liveSeries || index < liveIndex) {
            reset();
            liveSeries = series;
            liveRow = new float[names.size()];
        }
        while (liveIndex < index) {
            liveIndex++;
            update(series.endMillis(liveIndex), series.open(liveIndex), series.high(liveIndex), series.low(liveIndex),
                    series.close(liveIndex), series.volume(liveIndex), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    liveRow, 0);
        }
        System.arraycopy(liveRow, 0, out, offset, liveRow.length);
    }

    /** Features of every bar of a series (no quotes: order flow, if configured, is NaN). */
    public static FeatureMatrix compute(BarSeries series, FeatureConfig config) {
        return compute(series, null, null, null, null, config);
    }

    /**
     * Features of loaded bars; quotes come from the extra columns {@code bid_close}/{@code ask_close}
     * (or {@code bid}/{@code ask}) and {@code bid_size}/{@code ask_size} when present.
     */
    public static FeatureMatrix compute(LoadedBars bars, FeatureConfig config) {
        return compute(bars.series(), column(bars, "bid_close", "bid"), column(bars, "ask_close", "ask"),
                column(bars, "bid_size", null), column(bars, "ask_size", null), config);
    }

    private static double[] column(LoadedBars bars, String name, String alternative) {
        double[] c = bars.extras().get(name);
        return c != null || alternative == null ? c : bars.extras().get(alternative);
    }

    private static FeatureMatrix compute(BarSeries s, double[] bid, double[] ask, double[] bidSize, double[] askSize,
            FeatureConfig config) {
        MarketFeatures f = new MarketFeatures(config, s.timeframe());
        int cols = f.names.size();
        long cells = (long) s.size() * cols;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(s.size() + " bars × " + cols + " features do not fit one float array; "
                    + "compute features over a shorter range (e.g. per year)");
        }
        float[] data = new float[(int) cells];
        for (int i = 0; i < s.size(); i++) {
            f.update(s.endMillis(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i),
                    bid == null ? Double.NaN : bid[i], ask == null ? Double.NaN : ask[i],
                    bidSize == null ? Double.NaN : bidSize[i], askSize == null ? Double.NaN : askSize[i], data, i * cols);
        }
        return new FeatureMatrix(f.id(), f.hash, f.names, data, s.size());
    }
}
