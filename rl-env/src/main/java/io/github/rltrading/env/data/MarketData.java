package io.github.rltrading.env.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Loads a bar file whatever its format, recognised from its first line: a NinjaTrader 8 minute,
 * daily or tick export, or a CSV file with a header (Yahoo's daily layout included).
 *
 * <pre>{@code
 * LoadedBars es = MarketData.load(Path.of("../shared/data/nt8/ES ##-##.Last.txt"), LoadOptions.DEFAULTS);
 * BarSeries series = es.series();
 * }</pre>
 */
public final class MarketData {

    private static final Pattern NT8_MINUTE = Pattern.compile("^\\d{8} \\d{6};.*");
    private static final Pattern NT8_TICK = Pattern.compile("^\\d{8} \\d{6} \\d{7};.*");
    private static final Pattern NT8_DAILY = Pattern.compile("^\\d{8};.*");

    private MarketData() {}

    /** The format names {@link #detect} returns. */
    public enum Format {
        NT8_MINUTE, NT8_DAILY, NT8_TICK, CSV
    }

    /** Recognises a file's format from its first non-blank line. */
    public static Format detect(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty()) {
                    if (NT8_TICK.matcher(line).matches()) {
                        return Format.NT8_TICK;
                    }
                    if (NT8_MINUTE.matcher(line).matches()) {
                        return Format.NT8_MINUTE;
                    }
                    if (NT8_DAILY.matcher(line).matches()) {
                        return Format.NT8_DAILY;
                    }
                    return Format.CSV;
                }
            }
            throw new DataFormatException(file.toString(), 1, "first line", null, "the file is empty",
                    "point at a file with bars");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads a file in the format {@link #detect} recognises (CSV columns detected from the header). */
    public static LoadedBars load(Path file, LoadOptions options) {
        return switch (detect(file)) {
            case NT8_MINUTE -> Nt8Loader.minute(file, options);
            case NT8_DAILY -> Nt8Loader.daily(file, options);
            case NT8_TICK -> Nt8Loader.ticks(file, options);
            case CSV -> CsvLoader.load(file, CsvLayout.AUTO, options);
        };
    }
}
