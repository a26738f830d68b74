package io.github.rltrading.env.data;

import io.github.rltrading.core.market.BarSeries;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a load: the bars, extra numeric columns aligned with them (bid/ask, adjusted
 * close, dividends, tick counts…), text columns as runs (e.g. the futures contract, which changes
 * at a roll), and the load report.
 *
 * @param series  the bars
 * @param extras  numeric columns by name; {@code extras.get(name)[i]} belongs to bar {@code i}
 *                (arrays may be longer than the series: read only {@code series.size()} values)
 * @param text    text columns by name, as runs of equal values
 * @param report  what the load did
 */
public record LoadedBars(BarSeries series, Map<String, double[]> extras, Map<String, List<TextRun>> text,
        LoadReport report) {

    public LoadedBars {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(report, "report");
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        text = Collections.unmodifiableMap(new LinkedHashMap<>(text));
    }

    /** The extra numeric column {@code name}. */
    public double[] extra(String name) {
        double[] column = extras.get(name);
        if (column == null) {
            throw new IllegalArgumentException("no extra column '" + name + "' in " + report.source()
                    + "; it has " + extras.keySet());
        }
        return column;
    }

    /** The value of a text column at bar {@code index}, or null when the column is absent. */
    public String text(String name, int index) {
        List<TextRun> runs = text.get(name);
        if (runs == null) {
            return null;
        }
        String value = null;
        for (TextRun run : runs) {
            if (run.firstBar() > index) {
                break;
            }
            value = run.value();
        }
        return value;
    }

    /**
     * A value of a text column that holds from bar {@code firstBar} until the next run starts.
     *
     * @param firstBar index of the first bar with this value
     * @param value    the text
     */
    public record TextRun(int firstBar, String value) {}
}
