package io.github.rltrading.env.data;

import io.github.rltrading.core.market.Timeframe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads NinjaTrader 8 exports (Tools → Historical Data → Export): semicolon separated, no header,
 * CRLF or LF line ends, times in the zone given by {@link LoadOptions#zone()} (UTC by default, as
 * NinjaTrader writes them unless told otherwise).
 *
 * <ul>
 *   <li>Minute bars: {@code yyyyMMdd HHmmss;open;high;low;close;volume}, the time being the bar's end.</li>
 *   <li>Daily bars: {@code yyyyMMdd;open;high;low;close;volume}; each bar ends at
 *       {@link LoadOptions#dailyClose()} of its date (the end of the day by default).</li>
 *   <li>Ticks: {@code yyyyMMdd HHmmss fffffff;last;bid;ask;volume} (seven digits of a second),
 *       aggregated into bars of {@link LoadOptions#timeframe()} (1 minute by default) with extra
 *       columns {@code bid} and {@code ask} (the last quote of the bar) and {@code ticks}.</li>
 * </ul>
 *
 * <pre>{@code
 * LoadedBars es = Nt8Loader.minute(Path.of("ES 03-20.Last.txt"), LoadOptions.DEFAULTS);
 * System.out.println(es.report().summary());
 * }</pre>
 */
public final class Nt8Loader {

    static final String MINUTE_LAYOUT = "yyyyMMdd HHmmss;open;high;low;close;volume";
    static final String DAILY_LAYOUT = "yyyyMMdd;open;high;low;close;volume";
    static final String TICK_LAYOUT = "yyyyMMdd HHmmss fffffff;last;bid;ask;volume";

    private Nt8Loader() {}

    /** Loads a minute-bar export. */
    public static LoadedBars minute(Path file, LoadOptions options) {
        try (InputStream in = Files.newInputStream(file)) {
            return minute(file.toString(), in, estimateRows(file, 48), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NinjaTrader export " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads a minute-bar export from a stream; {@code name} is used in messages and the report. */
    public static LoadedBars minute(String name, InputStream in, LoadOptions options) throws IOException {
        return minute(name, in, 1024, options);
    }

    private static LoadedBars minute(String name, InputStream in, int capacity, LoadOptions options) throws IOException {
        return bars(name, in, capacity, options, "nt8-minute", MINUTE_LAYOUT, Timeframe.M1,
                (ts, b, s, e) -> ts.nt8Minute(b, s, e));
    }

    /** Parses the time field into {@code ts}; false when it is not valid. */
    @FunctionalInterface
    private interface TimeField {
        boolean parse(Timestamps ts, byte[] buffer, int start, int end);
    }

    /** The bar exports: a time field, then open, high, low, close and volume. */
    private static LoadedBars bars(String name, InputStream in, int capacity, LoadOptions options, String format,
            String layout, Timeframe fallback, TimeField timeField) throws IOException {
        BarCollector bars = new BarCollector(name, format, options, capacity, List.of(), List.of());
        Timestamps ts = new Timestamps();
        try (LineCursor cur = new LineCursor(in)) {
            while (cur.next()) {
                if (cur.lineIsBlank()) {
                    continue;
                }
                bars.startRow(cur.lineNumber);
                if (cur.split((byte) ';') != 6) {
                    bars.wrongFieldCount(cur, 6, layout);
                    continue;
                }
                long end = time(bars, cur, ts, timeField.parse(ts, cur.buffer(), cur.fieldStart[0], cur.fieldEnd[0]), layout);
                double o = bars.number(cur, 1, "open (field 2)");
                double h = bars.number(cur, 2, "high (field 3)");
                double l = bars.number(cur, 3, "low (field 4)");
                double c = bars.number(cur, 4, "close (field 5)");
                double v = bars.number(cur, 5, "volume (field 6)");
                bars.add(end, o, h, l, c, v);
            }
            return bars.finish(cur.lineNumber, fallback);
        }
    }

    /** Loads a daily-bar export. */
    public static LoadedBars daily(Path file, LoadOptions options) {
        try (InputStream in = Files.newInputStream(file)) {
            return daily(file.toString(), in, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NinjaTrader export " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads a daily-bar export from a stream. */
    public static LoadedBars daily(String name, InputStream in, LoadOptions options) throws IOException {
        return bars(name, in, 1024, options, "nt8-daily", DAILY_LAYOUT, Timeframe.D1, (ts, b, s, e) -> {
            boolean ok = ts.compactDate(b, s, e);
            if (ok) {
                ts.localMillis = dailyEnd(ts.localMillis, options);
            }
            return ok;
        });
    }

    /** Loads a tick export and aggregates it into bars. */
    public static LoadedBars ticks(Path file, LoadOptions options) {
        try (InputStream in = Files.newInputStream(file)) {
            return ticks(file.toString(), in, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NinjaTrader export " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a tick export from a stream and aggregates it: a bar ending at {@code t} holds the ticks
     * with times in {@code (t - timeframe, t]}, boundaries aligned to the zone's wall clock. A
     * minute without ticks has no bar. Ticks may share a time stamp but must not go back in time.
     */
    public static LoadedBars ticks(String name, InputStream in, LoadOptions options) throws IOException {
        Timeframe tf = options.timeframe() == null ? Timeframe.M1 : options.timeframe();
        long tfMillis = tf.millis();
        BarCollector bars = new BarCollector(name, "nt8-tick", options, 1024, List.of("bid", "ask", "ticks"), List.of());
        Timestamps ts = new Timestamps();
        long rows = 0;
        long previousTick = Long.MIN_VALUE;
        long bucketEnd = Long.MIN_VALUE;
        double o = 0;
        double h = 0;
        double l = 0;
        double c = 0;
        double v = 0;
        double bid = Double.NaN;
        double ask = Double.NaN;
        long count = 0;
        long bucketLine = 0;
        try (LineCursor cur = new LineCursor(in)) {
            // Ticks are not bars: they are checked by a collector of their own whose skips join the report.
            BarCollector check = new BarCollector(name, "nt8-tick", options, 0, List.of(), List.of());
            while (cur.next()) {
                if (cur.lineIsBlank()) {
                    continue;
                }
                rows++;
                check.startRow(cur.lineNumber);
                if (cur.split((byte) ';') != 5) {
                    check.wrongFieldCount(cur, 5, TICK_LAYOUT);
                    continue;
                }
                long t = time(check, cur, ts, ts.nt8Tick(cur.buffer(), cur.fieldStart[0], cur.fieldEnd[0]), TICK_LAYOUT);
                double last = check.number(cur, 1, "last (field 2)");
                double b = cur.fieldEmpty(2) ? Double.NaN : cur.number(2);
                double a = cur.fieldEmpty(3) ? Double.NaN : cur.number(3);
                double size = check.number(cur, 4, "volume (field 5)");
                if (!check.rowOk()) {
                    continue;
                }
                if (!(last > 0)) {
                    check.problem("last (field 2)", Double.toString(last), "non-positive price",
                            "a trade price must be > 0; fix the source or load with lenient(true)");
                    continue;
                }
                if (size < 0) {
                    check.problem("volume (field 5)", Double.toString(size), "negative volume",
                            "volume must be >= 0; fix the source or load with lenient(true)");
                    continue;
                }
                if (t < previousTick) {
                    check.problem("time (field 1)", cur.field(0), "time stamp out of order",
                            "ticks must not go back in time; sort the file, or load with lenient(true) to skip them");
                    continue;
                }
                previousTick = t;
                check.accepted(t);
                long local = bars.zone().toLocal(t);
                long offset = local - t;
                // (start, end]: a tick a fraction of a millisecond after a boundary opens the next bar.
                long exact = ts.subMillisNanos > 0 ? local + 1 : local;
                long endLocal = Math.floorDiv(exact + tfMillis - 1, tfMillis) * tfMillis;
                long end = endLocal - offset;
                if (end != bucketEnd) {
                    if (count > 0) {
                        flush(bars, bucketLine, bucketEnd, o, h, l, c, v, bid, ask, count);
                    }
                    bucketEnd = end;
                    bucketLine = cur.lineNumber;
                    o = h = l = last;
                    v = 0;
                    count = 0;
                }
                h = Math.max(h, last);
                l = Math.min(l, last);
                c = last;
                v += size;
                if (Double.isFinite(b) && b > 0) {
                    bid = b;
                }
                if (Double.isFinite(a) && a > 0) {
                    ask = a;
                }
                count++;
            }
            if (count > 0) {
                flush(bars, bucketLine, bucketEnd, o, h, l, c, v, bid, ask, count);
            }
            LoadedBars loaded = bars.finish(cur.lineNumber, rows, tf);
            return mergeTickReport(check, loaded);
        }
    }

    private static void flush(BarCollector bars, long line, long end, double o, double h, double l, double c, double v,
            double bid, double ask, long count) {
        bars.startRow(line);
        bars.extra(0, bid);
        bars.extra(1, ask);
        bars.extra(2, count);
        bars.add(end, o, h, l, c, v);
    }

    /** Parses field 0 as a time in the options' zone, or records the problem and returns MIN_VALUE. */
    private static long time(BarCollector bars, LineCursor cur, Timestamps ts, boolean parsed, String layout) {
        if (!parsed) {
            bars.problem("time (field 1)", cur.field(0), "time " + ts.problem,
                    "each line must be '" + layout + "'");
            return Long.MIN_VALUE;
        }
        return bars.localToUtc(ts.localMillis, "time (field 1)", cur, 0);
    }

    static long dailyEnd(long dateLocalMillis, LoadOptions options) {
        return options.dailyClose() == null ? dateLocalMillis + Timestamps.DAY
                : dateLocalMillis + options.dailyClose().toSecondOfDay() * 1000L;
    }

    static int estimateRows(Path file, int bytesPerRow) {
        try {
            long rows = Files.size(file) / bytesPerRow + 16;
            return (int) Math.min(rows, 200_000_000L);
        } catch (IOException e) {
            return 1024;
        }
    }

    /** Adds the skips and examples of the tick checks to the report of the bars built from the ticks. */
    private static LoadedBars mergeTickReport(BarCollector tickChecks, LoadedBars loaded) {
        LoadReport ticks = tickChecks.finish(0, 0, Timeframe.M1).report();
        LoadReport r = loaded.report();
        Map<String, Long> skipped = new LinkedHashMap<>(ticks.skippedByReason());
        r.skippedByReason().forEach((k, n) -> skipped.merge(k, n, Long::sum));
        List<String> examples = new ArrayList<>(ticks.examples());
        examples.addAll(r.examples());
        LoadReport merged = new LoadReport(r.source(), r.format(), r.linesRead(), r.rowsRead(), r.barsLoaded(),
                skipped, r.warnings(), examples, r.firstBarEnd(), r.lastBarEnd(), r.elapsedNanos());
        return new LoadedBars(loaded.series(), loaded.extras(), loaded.text(), merged);
    }
}
