package io.github.rltrading.env.data;

import java.util.List;
import java.util.Locale;

/**
 * Which columns of a CSV file with a header hold what. Column names are matched ignoring case,
 * spaces and underscores. Leave a name null to detect it from the header: the time from
 * {@code time, time_utc, timestamp, datetime, date}; prices from {@code open/high/low/close} (or
 * {@code o/h/l/c}, {@code last}); volume from {@code volume} or {@code vol} (absent volume reads as
 * 0). Every other column is carried along: numeric ones as extra series (bid/ask, {@code Adj
 * Close}, dividends…), text ones as runs (e.g. the futures contract).
 *
 * <pre>{@code
 * CsvLayout layout = CsvLayout.builder().time("ts").timeFormat(CsvLayout.TimeFormat.EPOCH_MILLIS).build();
 * LoadedBars bars = CsvLoader.load(Path.of("bars.csv"), layout, LoadOptions.DEFAULTS);
 * }</pre>
 *
 * @param separator      the field separator
 * @param time           the time column, or null to detect
 * @param open           the open column, or null to detect
 * @param high           the high column, or null to detect
 * @param low            the low column, or null to detect
 * @param close          the close column, or null to detect
 * @param volume         the volume column, or null to detect
 * @param timeFormat     how times are written
 * @param timeIsBarStart whether the time column holds the bar's start (it is then moved to the bar's
 *                       end, which is what the SDK uses everywhere); false by default
 * @param extras         the extra numeric columns to keep, or null for every other numeric column
 */
public record CsvLayout(char separator, String time, String open, String high, String low, String close, String volume,
        TimeFormat timeFormat, boolean timeIsBarStart, List<String> extras) {

    /** Comma separated, every column detected, times in any supported form, times are bar ends. */
    public static final CsvLayout AUTO = builder().build();

    public CsvLayout {
        if (timeFormat == null) {
            timeFormat = TimeFormat.AUTO;
        }
        extras = extras == null ? null : List.copyOf(extras);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How the time column is written. */
    public enum TimeFormat {
        /** Decided per value: ISO-8601 text, {@code yyyyMMdd}, or digits (10 or fewer: epoch seconds; more: epoch millis). */
        AUTO,
        /** {@code yyyy-MM-dd[( |T)HH:mm[:ss[.f]]][Z|±HH:mm]}; without an offset the time is in the load's zone. */
        ISO,
        /** Milliseconds since 1970-01-01T00:00Z. */
        EPOCH_MILLIS,
        /** Seconds since 1970-01-01T00:00Z. */
        EPOCH_SECONDS,
        /** {@code yyyyMMdd} dates (daily bars). */
        COMPACT_DATE
    }

    static String normalise(String column) {
        StringBuilder sb = new StringBuilder(column.length());
        for (char ch : column.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch != ' ' && ch != '_' && ch != '-') {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** Builder for {@link CsvLayout}. */
    public static final class Builder {
        private char separator = ',';
        private String time;
        private String open;
        private String high;
        private String low;
        private String close;
        private String volume;
        private TimeFormat timeFormat = TimeFormat.AUTO;
        private boolean timeIsBarStart;
        private List<String> extras;

        private Builder() {}

        public Builder separator(char separator) {
            this.separator = separator;
            return this;
        }

        public Builder time(String column) {
            this.time = column;
            return this;
        }

        public Builder open(String column) {
            this.open = column;
            return this;
        }

        public Builder high(String column) {
            this.high = column;
            return this;
        }

        public Builder low(String column) {
            this.low = column;
            return this;
        }

        public Builder close(String column) {
            this.close = column;
            return this;
        }

        public Builder volume(String column) {
            this.volume = column;
            return this;
        }

        public Builder timeFormat(TimeFormat timeFormat) {
            this.timeFormat = timeFormat;
            return this;
        }

        public Builder timeIsBarStart(boolean timeIsBarStart) {
            this.timeIsBarStart = timeIsBarStart;
            return this;
        }

        public Builder extras(List<String> columns) {
            this.extras = columns;
            return this;
        }

        public CsvLayout build() {
            return new CsvLayout(separator, time, open, high, low, close, volume, timeFormat, timeIsBarStart, extras);
        }
    }
}
