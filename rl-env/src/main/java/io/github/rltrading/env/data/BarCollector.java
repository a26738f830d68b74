package io.github.rltrading.env.data;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.util.ZoneOffsetCache;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part every loader shares: checks each row (numbers, OHLC consistency, volume, time order,
 * the tick grid), either throws a {@link DataFormatException} naming the line, field and value or,
 * in lenient mode, skips the row and counts it by reason; and collects accepted bars into primitive
 * column arrays that become the {@link BarSeries} without a copy.
 *
 * <p>Use per row: {@link #startRow}, the {@code number}/{@code time} helpers, then {@link #add},
 * which does nothing when an earlier helper rejected the row.
 */
final class BarCollector {

    private final String source;
    private final String format;
    private final LoadOptions options;
    private final ZoneOffsetCache zone;
    private final Instrument instrument;

    private long[] end;
    private double[] open;
    private double[] high;
    private double[] low;
    private double[] close;
    private double[] volume;
    private final String[] extraNames;
    private double[][] extras;
    private final double[] stagedExtras;
    private final String[] textNames;
    private final List<List<LoadedBars.TextRun>> textRuns = new ArrayList<>();
    private final byte[][] lastText;
    private final byte[][] pendingText;
    private int size;

    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final Map<String, Long> warnings = new LinkedHashMap<>();
    private final List<String> examples = new ArrayList<>();
    private final long startNanos = System.nanoTime();

    private long line;
    private boolean startTimes;
    private boolean rowOk;
    private long rows;
    private long previousEnd = Long.MIN_VALUE;
    private long previousLine;

    BarCollector(String source, String format, LoadOptions options, int capacityHint, List<String> extraNames,
            List<String> textNames) {
        this.source = source;
        this.format = format;
        this.options = options;
        this.zone = new ZoneOffsetCache(options.zone());
        this.instrument = options.instrument();
        int cap = Math.max(16, capacityHint);
        end = new long[cap];
        open = new double[cap];
        high = new double[cap];
        low = new double[cap];
        close = new double[cap];
        volume = new double[cap];
        this.extraNames = extraNames.toArray(String[]::new);
        this.extras = new double[this.extraNames.length][cap];
        this.stagedExtras = new double[this.extraNames.length];
        this.textNames = textNames.toArray(String[]::new);
        this.lastText = new byte[this.textNames.length][];
        this.pendingText = new byte[this.textNames.length][];
        for (int i = 0; i < this.textNames.length; i++) {
            textRuns.add(new ArrayList<>());
        }
    }

    String source() {
        return source;
    }

    ZoneOffsetCache zone() {
        return zone;
    }

    /** Begins a data row at a 1-based line. */
    void startRow(long lineNumber) {
        line = lineNumber;
        rowOk = true;
        rows++;
        Arrays.fill(stagedExtras, Double.NaN);
        Arrays.fill(pendingText, null);
    }

    boolean rowOk() {
        return rowOk;
    }

    /**
     * Records a problem with the current row: throws in strict mode; in lenient mode counts the
     * row as skipped under {@code reason} (once per row) and keeps the first examples.
     */
    void problem(String field, String value, String reason, String fix) {
        if (!rowOk) {
            return;
        }
        rowOk = false;
        DataFormatException e = new DataFormatException(source, line, field, shorten(value), reason, fix);
        if (!options.lenient()) {
            throw e;
        }
        skipped.merge(reason, 1L, Long::sum);
        if (examples.size() < options.maxExamples()) {
            examples.add("skipped: " + e.getMessage());
        }
    }

    /** Counts something kept but suspicious. */
    void warn(String kind, String detail) {
        warnings.merge(kind, 1L, Long::sum);
        if (examples.size() < options.maxExamples()) {
            examples.add("warning: " + source + " line " + line + ": " + kind + ": " + detail);
        }
    }

    private static String shorten(String value) {
        return value == null || value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    /** The field count is wrong: a problem naming what was expected. */
    void wrongFieldCount(LineCursor cur, int expected, String layout) {
        problem("count", cur.line(), "has " + cur.fieldCount + " fields where " + expected + " were expected",
                "each line must be '" + layout + "'; check the separator and that the file is not cut off");
    }

    /** Field {@code i} of the current line as a finite number, or NaN after recording a problem. */
    double number(LineCursor cur, int i, String field) {
        if (cur.fieldEmpty(i)) {
            problem(field, "", "empty field", "every row needs a number in " + field + "; fix or remove the row, "
                    + "or load with lenient(true) to skip such rows");
            return Double.NaN;
        }
        double v = cur.number(i);
        if (!Double.isFinite(v)) {
            problem(field, cur.field(i), Double.isNaN(v) ? "not a number" : "not a finite number",
                    "write a decimal number such as 3235.25 in " + field + ", or load with lenient(true) to skip such rows");
            return Double.NaN;
        }
        return v;
    }

    /** An optional numeric extra: empty or unparsable text gives NaN without rejecting the row. */
    void extra(int k, LineCursor cur, int i) {
        stagedExtras[k] = cur.fieldEmpty(i) ? Double.NaN : cur.number(i);
    }

    void extra(int k, double value) {
        stagedExtras[k] = value;
    }

    /** A text column value; a new run starts only when the bytes change. */
    void text(int k, LineCursor cur, int i) {
        byte[] b = cur.buffer();
        int s = cur.fieldStart[i];
        int len = cur.fieldEnd[i] - s;
        byte[] last = lastText[k];
        if (last != null && Arrays.equals(last, 0, last.length, b, s, s + len)) {
            return;
        }
        pendingText[k] = Arrays.copyOfRange(b, s, s + len);
    }

    /**
     * Turns a wall-clock time of the file's zone into an instant. A time in the hour repeated when
     * clocks go back is taken as its first occurrence unless that would not be after the previous
     * bar, in which case it is the second; a time in the skipped hour is a problem.
     */
    long localToUtc(long localMillis, String field, LineCursor cur, int i) {
        long utc = zone.toUtc(localMillis, false);
        if (utc == Long.MIN_VALUE) {
            problem(field, cur.field(i), "local time does not exist in " + zone.zone()
                    + " (it falls in the hour skipped when clocks go forward)",
                    "check the time zone the file was written in (LoadOptions.zone), or load with lenient(true)");
            return Long.MIN_VALUE;
        }
        if (utc <= previousEnd && zone.isAmbiguous(localMillis)) {
            utc = zone.toUtc(localMillis, true);
        }
        return utc;
    }

    /** Records an accepted time that is not a bar (a tick), so that a repeated local hour resolves in order. */
    void accepted(long utcMillis) {
        previousEnd = utcMillis;
        previousLine = line;
    }

    /** Adds the current row's bar when every check passes. */
    void add(long endMillis, double o, double h, double l, double c, double v) {
        if (!rowOk) {
            return;
        }
        if (h < Math.max(o, c)) {
            problem("high", "high=" + h + " open=" + o + " close=" + c, "high below max(open, close)",
                    "the row is not a consistent OHLC bar; fix the source or load with lenient(true) to skip it");
            return;
        }
        if (l > Math.min(o, c)) {
            problem("low", "low=" + l + " open=" + o + " close=" + c, "low above min(open, close)",
                    "the row is not a consistent OHLC bar; fix the source or load with lenient(true) to skip it");
            return;
        }
        if (v < 0) {
            problem("volume", Double.toString(v), "negative volume",
                    "volume must be >= 0; fix the source or load with lenient(true) to skip the row");
            return;
        }
        if (endMillis == previousEnd) {
            problem("time", Instant.ofEpochMilli(endMillis).toString(), "duplicate time stamp",
                    "the same bar time is also on line " + previousLine + "; remove one of them, "
                            + "or load with lenient(true) to keep the first");
            return;
        }
        if (endMillis < previousEnd) {
            problem("time", Instant.ofEpochMilli(endMillis).toString(), "time stamp out of order",
                    "it is earlier than line " + previousLine + " (" + Instant.ofEpochMilli(previousEnd)
                            + "); sort the file by time, or load with lenient(true) to skip rows that go back");
            return;
        }
        if (instrument != null && !(instrument.isOnTickGrid(o) && instrument.isOnTickGrid(h)
                && instrument.isOnTickGrid(l) && instrument.isOnTickGrid(c))) {
            warn("price off tick grid", "open=" + o + " high=" + h + " low=" + l + " close=" + c + " with tick size "
                    + instrument.tickSize() + " of " + instrument.symbol());
        }
        if (size == end.length) {
            grow();
        }
        end[size] = endMillis;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        for (int k = 0; k < stagedExtras.length; k++) {
            extras[k][size] = stagedExtras[k];
        }
        for (int k = 0; k < pendingText.length; k++) {
            if (pendingText[k] != null) {
                lastText[k] = pendingText[k];
                textRuns.get(k).add(new LoadedBars.TextRun(size, new String(pendingText[k], StandardCharsets.UTF_8)));
                pendingText[k] = null;
            }
        }
        size++;
        previousEnd = endMillis;
        previousLine = line;
    }

    private void grow() {
        int cap = end.length + (end.length >> 1) + 16;
        end = Arrays.copyOf(end, cap);
        open = Arrays.copyOf(open, cap);
        high = Arrays.copyOf(high, cap);
        low = Arrays.copyOf(low, cap);
        close = Arrays.copyOf(close, cap);
        volume = Arrays.copyOf(volume, cap);
        for (int k = 0; k < extras.length; k++) {
            extras[k] = Arrays.copyOf(extras[k], cap);
        }
    }

    /** The times collected are bar starts: {@link #finish} moves them to bar ends by one timeframe. */
    void timesAreBarStarts() {
        startTimes = true;
    }

    int size() {
        return size;
    }

    /** The bars, with the timeframe from the options, else inferred, else {@code fallback}. */
    LoadedBars finish(long linesRead, Timeframe fallback) {
        Timeframe tf = options.timeframe() != null && !format.contains("tick") ? options.timeframe() : inferTimeframe(fallback);
        return finish(linesRead, rows, tf);
    }

    LoadedBars finish(long linesRead, long rowsRead, Timeframe tf) {
        String symbol = options.symbolFor(source);
        if (startTimes) {
            for (int i = 0; i < size; i++) {
                end[i] += tf.millis();
            }
        }
        BarSeries series = BarSeries.adopt(symbol, tf, end, open, high, low, close, volume, size);
        Map<String, double[]> extraMap = new LinkedHashMap<>();
        for (int k = 0; k < extraNames.length; k++) {
            extraMap.put(extraNames[k], extras[k].length == size ? extras[k] : Arrays.copyOf(extras[k], size));
        }
        Map<String, List<LoadedBars.TextRun>> text = new LinkedHashMap<>();
        for (int k = 0; k < textNames.length; k++) {
            text.put(textNames[k], List.copyOf(textRuns.get(k)));
        }
        LoadReport report = new LoadReport(source, format, linesRead, rowsRead, size, skipped, warnings, examples,
                size == 0 ? null : Instant.ofEpochMilli(end[0]), size == 0 ? null : Instant.ofEpochMilli(end[size - 1]),
                System.nanoTime() - startNanos);
        return new LoadedBars(series, extraMap, text, report);
    }

    /** The most common spacing of the first bars (gaps are rarer than regular steps). */
    private Timeframe inferTimeframe(Timeframe fallback) {
        if (size < 2) {
            return fallback;
        }
        Map<Long, Integer> counts = new HashMap<>();
        int n = Math.min(size, 20_000);
        for (int i = 1; i < n; i++) {
            counts.merge(end[i] - end[i - 1], 1, Integer::sum);
        }
        long best = 0;
        int bestCount = 0;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            // Ties go to the shorter step.
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        // Daily data: weekends and holidays make 1 day the most common step; never infer more than a day.
        return new Timeframe(Duration.ofMillis(Math.min(best, Timestamps.DAY)));
    }
}
