package io.github.rltrading.env.data;

import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How to read a data file.
 *
 * <pre>{@code
 * LoadOptions opts = LoadOptions.builder()
 *         .zone(ZoneId.of("America/New_York"))   // for files with local times (no offset)
 *         .instrument(ContractSpecs.ES)          // names the series, warns on prices off the tick grid
 *         .lenient(true)                         // skip and count bad rows instead of failing
 *         .build();
 * }</pre>
 *
 * @param zone        time zone of times written without an offset (NinjaTrader exports, naive CSV
 *                    times, dates); UTC by default
 * @param lenient     skip bad rows and count them in the {@link LoadReport} instead of throwing
 *                    {@link DataFormatException} at the first one
 * @param instrument  the instrument, or null; when set it names the series and prices off its tick
 *                    grid are counted as warnings
 * @param symbol      the series' symbol, or null for the instrument's symbol, else the file name
 * @param timeframe   the bars' timeframe, or null to infer it from the most common spacing; for tick
 *                    files the timeframe ticks are aggregated into (1 minute when null)
 * @param dailyClose  end time of daily bars read from a date (a daily export or a {@code Date}
 *                    column), or null for the end of the day (midnight after); bar times are end
 *                    times, so a daily bar is only visible once this time has passed
 * @param maxExamples how many problems and warnings the report keeps in full
 */
public record LoadOptions(ZoneId zone, boolean lenient, Instrument instrument, String symbol, Timeframe timeframe,
        LocalTime dailyClose, int maxExamples) {

    /** UTC, strict, no instrument, symbol from the file name, timeframe inferred. */
    public static final LoadOptions DEFAULTS = builder().build();

    public LoadOptions {
        Objects.requireNonNull(zone, "zone");
        if (maxExamples < 0) {
            throw new IllegalArgumentException("maxExamples must be >= 0, got " + maxExamples);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.zone = zone;
        b.lenient = lenient;
        b.instrument = instrument;
        b.symbol = symbol;
        b.timeframe = timeframe;
        b.dailyClose = dailyClose;
        b.maxExamples = maxExamples;
        return b;
    }

    /** The symbol for a series read from {@code sourceName}. */
    String symbolFor(String sourceName) {
        if (symbol != null) {
            return symbol;
        }
        if (instrument != null) {
            return instrument.symbol();
        }
        String name = sourceName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Builder for {@link LoadOptions}. */
    public static final class Builder {
        private ZoneId zone = ZoneOffset.UTC;
        private boolean lenient;
        private Instrument instrument;
        private String symbol;
        private Timeframe timeframe;
        private LocalTime dailyClose;
        private int maxExamples = 20;

        private Builder() {}

        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Builder zone(String zone) {
            return zone(ZoneId.of(zone));
        }

        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        public Builder instrument(Instrument instrument) {
            this.instrument = instrument;
            return this;
        }

        public Builder symbol(String symbol) {
            this.symbol = symbol;
            return this;
        }

        public Builder timeframe(Timeframe timeframe) {
            this.timeframe = timeframe;
            return this;
        }

        public Builder dailyClose(LocalTime dailyClose) {
            this.dailyClose = dailyClose;
            return this;
        }

        public Builder maxExamples(int maxExamples) {
            this.maxExamples = maxExamples;
            return this;
        }

        public LoadOptions build() {
            return new LoadOptions(zone, lenient, instrument, symbol, timeframe, dailyClose, maxExamples);
        }
    }
}
