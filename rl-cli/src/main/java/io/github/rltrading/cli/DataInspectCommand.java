package io.github.rltrading.cli;

import io.github.rltrading.core.market.AssetClass;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.util.ZoneOffsetCache;
import io.github.rltrading.env.bars.MarketHours;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.env.data.LoadReport;
import io.github.rltrading.env.data.LoadedBars;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rl data inspect FILE}: loads a bar file as every other command would and reports what it
 * found: rows and bars, the time range in the file's zone and in UTC, gaps inside sessions and
 * between them, bars outside the trading hours, skipped rows and warnings with examples.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load a bar file (NinjaTrader 8 export or CSV, format detected) and report rows, time range, time zone, "
                + "gaps and problems.",
                "Bad rows are skipped and counted (the first few are shown); --strict stops at the first one instead."})
final class DataInspectCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The bar file.")
    Path file;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", converter = Converters.ZoneConverter.class,
            description = "Time zone of times written without an offset, e.g. America/New_York. Default: ${DEFAULT-VALUE}.")
    ZoneId zone = ZoneOffset.UTC;

    @Option(names = "--symbol", paramLabel = "SYMBOL",
            description = "The instrument: names the series and counts prices off its tick grid (e.g. ES, SPY).")
    String symbol;

    @Option(names = "--hours", paramLabel = "HOURS",
            description = "Trading hours that tell session breaks from gaps: ${COMPLETION-CANDIDATES}. Default: globex for a "
                    + "futures --symbol, else rth.")
    Hours hours;

    @Option(names = "--strict", description = "Stop at the first bad row (the load other commands do with --strict).")
    boolean strict;

    @Option(names = "--gaps", paramLabel = "N", defaultValue = "5",
            description = "How many of the largest gaps inside sessions to list. Default: ${DEFAULT-VALUE}.")
    int listGaps = 5;

    @Override
    int execute() {
        Instrument instrument = symbol == null ? null : MarketInput.instrument(symbol);
        LoadOptions options = LoadOptions.builder().zone(zone).instrument(instrument).lenient(!strict).build();
        LoadedBars loaded = MarketInput.read("FILE", file, options);
        LoadReport r = loaded.report();
        BarSeries s = loaded.series();
        MarketHours market = (hours != null ? hours
                : instrument != null && instrument.assetClass() == AssetClass.FUTURE ? Hours.GLOBEX : Hours.RTH).hours;
        PrintStream out = out();
        out.printf(Locale.ROOT, "File:       %s%n", r.source());
        out.printf(Locale.ROOT, "Format:     %s%n", r.format());
        out.printf(Locale.ROOT, "Time zone:  %s (times written without an offset were read in this zone)%n", zone);
        out.printf(Locale.ROOT, "Rows:       %,d data rows in %,d lines%n", r.rowsRead(), r.linesRead());
        out.printf(Locale.ROOT, "Bars:       %,d bars of %s, symbol %s%n", s.size(), s.timeframe(), s.symbol());
        if (!s.isEmpty()) {
            Instant first = s.endTime(0);
            Instant last = s.endTime(s.size() - 1);
            out.printf(Locale.ROOT, "Range:      %s .. %s (bar end times in %s)%n", first.atZone(zone).toLocalDateTime(),
                    last.atZone(zone).toLocalDateTime(), zone);
            out.printf(Locale.ROOT, "            %s .. %s (UTC)%n", first, last);
            describeGaps(out, s, market);
        }
        out.printf(Locale.ROOT, "Skipped:    %,d rows%s%n", r.skipped(), r.skippedByReason().isEmpty() ? "" : " " + r.skippedByReason());
        out.printf(Locale.ROOT, "Warnings:   %s%n", r.warnings().isEmpty() ? "none" : r.warnings());
        if (!r.examples().isEmpty()) {
            out.println("Problems:");
            for (String example : r.examples()) {
                out.println("  " + example);
            }
        }
        out.printf(Locale.ROOT, "Loaded in %.1f ms%n", r.elapsedNanos() / 1e6);
        if (s.isEmpty()) {
            throw new UsageError(file + ": no bars could be read (" + r.skipped() + " rows skipped); see the problems above, "
                    + "and check --zone and that the file is a bar export");
        }
        return Rl.OK;
    }

    /** A gap is a step longer than the timeframe; inside a session it means missing bars. */
    private void describeGaps(PrintStream out, BarSeries s, MarketHours market) {
        ZoneOffsetCache offsets = new ZoneOffsetCache(market.zone());
        long step = s.timeframe().millis();
        long sessions = 0;
        long outside = 0;
        long breaks = 0;
        long missing = 0;
        List<long[]> inside = new ArrayList<>();
        long previousDate = Long.MIN_VALUE;
        for (int i = 0; i < s.size(); i++) {
            long date = market.tradingDate(s.endMillis(i), offsets);
            if (date == MarketHours.NO_SESSION) {
                outside++;
            } else if (date != previousDate) {
                sessions++;
            }
            if (i > 0) {
                long delta = s.endMillis(i) - s.endMillis(i - 1);
                if (delta > step) {
                    if (date != MarketHours.NO_SESSION && date == previousDate) {
                        inside.add(new long[] {s.endMillis(i - 1), s.endMillis(i), delta / step - 1});
                        missing += delta / step - 1;
                    } else {
                        breaks++;
                    }
                }
            }
            if (date != MarketHours.NO_SESSION) {
                previousDate = date;
            }
        }
        ZoneId shown = this.zone;
        out.printf(Locale.ROOT, "Sessions:   %,d trading days by %s hours%s%n", sessions, market.name(),
                outside == 0 ? "" : String.format(Locale.ROOT, "; %,d bars outside them", outside));
        out.printf(Locale.ROOT, "Gaps:       %,d inside sessions (%,d bars missing); %,d between sessions or outside hours%n",
                inside.size(), missing, breaks);
        inside.sort(Comparator.comparingLong((long[] g) -> -g[2]).thenComparingLong(g -> g[0]));
        for (long[] g : inside.subList(0, Math.min(Math.max(listGaps, 0), inside.size()))) {
            out.printf(Locale.ROOT, "  %s -> %s: %,d bars missing (%s)%n",
                    Instant.ofEpochMilli(g[0]).atZone(shown).toLocalDateTime(), Instant.ofEpochMilli(g[1]).atZone(shown).toLocalDateTime(),
                    g[2], shown);
        }
    }
}
