package io.github.rltrading.cli;

import io.github.rltrading.core.market.AssetClass;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.env.data.DataFormatException;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.env.data.LoadReport;
import io.github.rltrading.env.data.LoadedBars;
import io.github.rltrading.env.data.MarketData;
import io.github.rltrading.env.synthetic.SyntheticMarket;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import picocli.CommandLine.Option;

/**
 * Where a command's bars come from: a data file ({@code --data}, NinjaTrader 8 export or CSV, format
 * detected), or a seeded synthetic market when none is given. A picocli mixin.
 */
final class MarketInput {

    @Option(names = "--data", paramLabel = "FILE",
            description = "Bars to use: a NinjaTrader 8 export or a CSV file with a header (format detected). "
                    + "Without it, a seeded synthetic market (labelled synthetic everywhere).")
    Path data;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", converter = Converters.ZoneConverter.class,
            description = "Time zone of times written without an offset (NinjaTrader exports, naive CSV times), "
                    + "e.g. America/New_York. Default: ${DEFAULT-VALUE}.")
    ZoneId zone = ZoneOffset.UTC;

    @Option(names = "--strict", description = "Stop at the first bad row instead of skipping and counting bad rows.")
    boolean strict;

    @Option(names = "--sessions", paramLabel = "N", defaultValue = "20",
            description = "Synthetic market: trading sessions to generate. Default: ${DEFAULT-VALUE}.")
    int sessions = 20;

    @Option(names = "--hours", paramLabel = "HOURS", defaultValue = "rth",
            description = "Synthetic market: trading hours, one of ${COMPLETION-CANDIDATES} (rth: 390 one-minute bars "
                    + "a session; globex: 1,380). Default: ${DEFAULT-VALUE}.")
    Hours hours = Hours.RTH;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the synthetic market and of anything random the command does. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    /**
     * The bars, the instrument and a label.
     *
     * @param report what the load did, or null for a synthetic market
     */
    record Market(BarSeries bars, Instrument instrument, String label, LoadReport report) {}

    /** Loads the file or generates the market for {@code symbol}, saying which on {@code out}. */
    Market load(String symbol, PrintStream out) {
        Instrument instrument = instrument(symbol);
        if (data == null) {
            if (sessions < 1) {
                throw new UsageError("--sessions " + sessions + ": a synthetic market needs at least 1 session; give e.g. --sessions 20");
            }
            SyntheticMarket.Result r = SyntheticMarket.builder().seed(seed).sessions(sessions).instrument(instrument)
                    .hours(hours.hours).build().generate();
            out.println("No --data given: using a " + r.label());
            return new Market(r.series(), instrument, r.label(), null);
        }
        LoadedBars loaded = read("--data", data, options(instrument));
        out.println(loaded.report().summary());
        if (loaded.series().isEmpty()) {
            throw new UsageError("--data " + data + ": no bars could be read (" + loaded.report().skipped() + " rows skipped: "
                    + loaded.report().skippedByReason() + "); run 'rl data inspect " + data + "' to see why");
        }
        return new Market(loaded.series(), instrument, data.getFileName().toString(), loaded.report());
    }

    /** How to read the file: zone, instrument, and lenient unless --strict. */
    LoadOptions options(Instrument instrument) {
        return LoadOptions.builder().zone(zone).instrument(instrument).lenient(!strict).build();
    }

    /**
     * Reads a bar file; a missing, unreadable or malformed file is a usage error naming {@code input}
     * (the option or parameter it came from) and the file.
     */
    static LoadedBars read(String input, Path file, LoadOptions options) {
        if (!Files.isRegularFile(file)) {
            throw new UsageError(input + " " + file + ": no such file; give a NinjaTrader 8 export or a CSV file with a header "
                    + "(docs/data-formats.md)" + (Files.isDirectory(file) ? ", not a folder" : ""));
        }
        try {
            return MarketData.load(file, options);
        } catch (DataFormatException e) {
            throw new UsageError(input + " " + e.getMessage()
                    + (options.lenient() ? "" : " (--strict stops at the first bad row; leave it out to skip and count them)"), e);
        } catch (UncheckedIOException e) {
            throw new UsageError(input + " " + file + ": cannot read it: " + e.getMessage() + "; check that it is a readable file", e);
        }
    }

    /**
     * A built-in futures contract ($2.25 a side, as the quickstart uses), else a stock or ETF
     * (tick 0.01, $0.005 a share, at least $1 an order).
     */
    static Instrument instrument(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new UsageError("--symbol is blank; give the instrument, e.g. ES, MES or SPY");
        }
        return ContractSpecs.withTypicalCosts(symbol);
    }

    /** Contracts or shares a full position means unless told: 1 for futures, 100 for stocks and ETFs. */
    static double defaultMaxPosition(Instrument instrument) {
        return instrument.assetClass() == AssetClass.FUTURE ? 1 : 100;
    }
}
