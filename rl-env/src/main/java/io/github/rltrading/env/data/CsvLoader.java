package io.github.rltrading.env.data;

import io.github.rltrading.core.market.Timeframe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads bars from a CSV file with a header (see {@link CsvLayout} for the columns and time forms),
 * including Yahoo Finance's daily layout ({@code Date,Open,High,Low,Close,Adj Close,Volume,...}).
 * Times are bar end times; a date-only time is a daily bar ending at
 * {@link LoadOptions#dailyClose()} (the end of the day by default) in the load's zone.
 *
 * <pre>{@code
 * LoadedBars spy = CsvLoader.load(Path.of("spy-daily-2019.csv"), CsvLayout.AUTO,
 *         LoadOptions.builder().zone("America/New_York").build());
 * double[] adjusted = spy.extra("Adj Close");
 * }</pre>
 */
public final class CsvLoader {

    private static final List<String> TIME_NAMES = List.of("time", "timeutc", "timestamp", "datetime", "date", "ts");
    private static final List<String> OPEN_NAMES = List.of("open", "o");
    private static final List<String> HIGH_NAMES = List.of("high", "h");
    private static final List<String> LOW_NAMES = List.of("low", "l");
    private static final List<String> CLOSE_NAMES = List.of("close", "c", "last");
    private static final List<String> VOLUME_NAMES = List.of("volume", "vol", "v");

    private CsvLoader() {}

    public static LoadedBars load(Path file, CsvLayout layout, LoadOptions options) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(file.toString(), in, Nt8Loader.estimateRows(file, 40), layout, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CSV file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a CSV stream; {@code name} is used in messages and the report. */
    public static LoadedBars load(String name, InputStream in, CsvLayout layout, LoadOptions options) throws IOException {
        return load(name, in, 1024, layout, options);
    }

    private static LoadedBars load(String name, InputStream in, int capacity, CsvLayout layout, LoadOptions options)
            throws IOException {
        byte sep = (byte) layout.separator();
        try (LineCursor cur = new LineCursor(in)) {
            if (!nextNonBlank(cur)) {
                throw new DataFormatException(name, 1, "header", null, "the file is empty",
                        "a CSV file needs a header line naming its columns, e.g. time,open,high,low,close,volume");
            }
            cur.split(sep);
            List<String> header = new ArrayList<>();
            List<String> normalised = new ArrayList<>();
            for (int i = 0; i < cur.fieldCount; i++) {
                header.add(cur.field(i));
                normalised.add(CsvLayout.normalise(cur.field(i)));
            }
            long headerLine = cur.lineNumber;
            int time = column(name, headerLine, header, normalised, layout.time(), TIME_NAMES, "time", true);
            int open = column(name, headerLine, header, normalised, layout.open(), OPEN_NAMES, "open", true);
            int high = column(name, headerLine, header, normalised, layout.high(), HIGH_NAMES, "high", true);
            int low = column(name, headerLine, header, normalised, layout.low(), LOW_NAMES, "low", true);
            int close = column(name, headerLine, header, normalised, layout.close(), CLOSE_NAMES, "close", true);
            int volume = column(name, headerLine, header, normalised, layout.volume(), VOLUME_NAMES, "volume", false);
            boolean yahoo = normalised.contains("adjclose");
            String format = yahoo ? "yahoo-daily" : "csv";

            boolean hasRow = nextNonBlank(cur);
            if (hasRow) {
                cur.split(sep);
            }
            // Other columns: numeric ones are extras, text ones are runs (decided on the first data row).
            List<Integer> extraIdx = new ArrayList<>();
            List<String> extraNames = new ArrayList<>();
            List<Integer> textIdx = new ArrayList<>();
            List<String> textNames = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                if (i == time || i == open || i == high || i == low || i == close || i == volume) {
                    continue;
                }
                if (layout.extras() != null) {
                    String column = normalised.get(i);
                    if (layout.extras().stream().anyMatch(x -> CsvLayout.normalise(x).equals(column))) {
                        extraIdx.add(i);
                        extraNames.add(header.get(i));
                    }
                    continue;
                }
                boolean numeric = !hasRow || i >= cur.fieldCount || cur.fieldEmpty(i) || !Double.isNaN(cur.number(i));
                (numeric ? extraIdx : textIdx).add(i);
                (numeric ? extraNames : textNames).add(header.get(i));
            }
            if (layout.extras() != null && extraNames.size() != layout.extras().size()) {
                List<String> missing = new ArrayList<>(layout.extras());
                missing.removeIf(x -> extraNames.stream().anyMatch(n -> CsvLayout.normalise(n).equals(CsvLayout.normalise(x))));
                throw new DataFormatException(name, headerLine, "header", String.join(",", header),
                        "extra column(s) " + missing + " not found", "name columns that the header has");
            }
            int[] extras = extraIdx.stream().mapToInt(Integer::intValue).toArray();
            int[] texts = textIdx.stream().mapToInt(Integer::intValue).toArray();
            String[] labels = header.toArray(String[]::new);
            int columns = header.size();

            BarCollector bars = new BarCollector(name, format, options, capacity, extraNames, textNames);
            Timestamps ts = new Timestamps();
            boolean sawDate = false;
            while (hasRow) {
                bars.startRow(cur.lineNumber);
                if (cur.fieldCount != columns) {
                    bars.wrongFieldCount(cur, columns, String.join(String.valueOf(layout.separator()), header));
                } else {
                    long end = time(bars, cur, ts, time, labels[time], layout.timeFormat(), options);
                    sawDate |= ts.dateOnly;
                    double o = bars.number(cur, open, labels[open]);
                    double h = bars.number(cur, high, labels[high]);
                    double l = bars.number(cur, low, labels[low]);
                    double c = bars.number(cur, close, labels[close]);
                    double v = volume < 0 ? 0 : bars.number(cur, volume, labels[volume]);
                    for (int k = 0; k < extras.length; k++) {
                        bars.extra(k, cur, extras[k]);
                    }
                    for (int k = 0; k < texts.length; k++) {
                        bars.text(k, cur, texts[k]);
                    }
                    bars.add(end, o, h, l, c, v);
                }
                hasRow = nextNonBlank(cur);
                if (hasRow) {
                    cur.split(sep);
                }
            }
            if (layout.timeIsBarStart()) {
                bars.timesAreBarStarts();
            }
            return bars.finish(cur.lineNumber, sawDate ? Timeframe.D1 : Timeframe.M1);
        }
    }

    private static boolean nextNonBlank(LineCursor cur) throws IOException {
        while (cur.next()) {
            if (!cur.lineIsBlank()) {
                return true;
            }
        }
        return false;
    }

    private static int column(String source, long line, List<String> header, List<String> normalised, String chosen,
            List<String> candidates, String role, boolean required) {
        if (chosen != null) {
            int i = normalised.indexOf(CsvLayout.normalise(chosen));
            if (i < 0) {
                throw new DataFormatException(source, line, "header", String.join(",", header),
                        "the " + role + " column '" + chosen + "' is not in the header",
                        "name one of the header's columns in CsvLayout." + role + "(...)");
            }
            return i;
        }
        for (String candidate : candidates) {
            int i = normalised.indexOf(candidate);
            if (i >= 0) {
                return i;
            }
        }
        if (required) {
            throw new DataFormatException(source, line, "header", String.join(",", header),
                    "no " + role + " column found (looked for " + candidates + ")",
                    "rename the column or name it with CsvLayout.builder()." + role + "(\"...\")");
        }
        return -1;
    }

    private static long time(BarCollector bars, LineCursor cur, Timestamps ts, int i, String field,
            CsvLayout.TimeFormat format, LoadOptions options) {
        byte[] b = cur.buffer();
        int s = cur.fieldStart[i];
        int e = cur.fieldEnd[i];
        ts.dateOnly = false;
        CsvLayout.TimeFormat f = format;
        if (f == CsvLayout.TimeFormat.AUTO) {
            boolean digits = e > s;
            for (int k = s; k < e && digits; k++) {
                digits = b[k] >= '0' && b[k] <= '9';
            }
            f = !digits ? CsvLayout.TimeFormat.ISO
                    : e - s == 8 ? CsvLayout.TimeFormat.COMPACT_DATE
                    : e - s <= 10 ? CsvLayout.TimeFormat.EPOCH_SECONDS : CsvLayout.TimeFormat.EPOCH_MILLIS;
        }
        switch (f) {
            case EPOCH_MILLIS, EPOCH_SECONDS -> {
                long v = Numbers.parseLong(b, s, e);
                if (v == Long.MIN_VALUE) {
                    bars.problem(field, cur.field(i), "time is not a whole number of "
                            + (f == CsvLayout.TimeFormat.EPOCH_MILLIS ? "milliseconds" : "seconds") + " since 1970",
                            "write epoch " + (f == CsvLayout.TimeFormat.EPOCH_MILLIS ? "milliseconds" : "seconds")
                                    + " or choose another CsvLayout.TimeFormat");
                    return Long.MIN_VALUE;
                }
                return f == CsvLayout.TimeFormat.EPOCH_MILLIS ? v : v * 1000L;
            }
            case COMPACT_DATE, ISO -> {
                boolean ok = f == CsvLayout.TimeFormat.ISO ? ts.iso(b, s, e) : ts.compactDate(b, s, e);
                if (!ok) {
                    bars.problem(field, cur.field(i), "time " + ts.problem,
                            "write ISO-8601 times such as 2020-03-09T13:31:00Z, 2020-03-09 09:31:00-04:00 or "
                                    + "2020-03-09 09:31:00 (local to LoadOptions.zone), or dates such as 2020-03-09");
                    return Long.MIN_VALUE;
                }
                if (ts.hasOffset) {
                    return ts.localMillis - ts.offsetMillis;
                }
                long local = ts.dateOnly ? Nt8Loader.dailyEnd(ts.localMillis, options) : ts.localMillis;
                return bars.localToUtc(local, field, cur, i);
            }
            default -> throw new IllegalStateException("unhandled time format " + f);
        }
    }
}
