package io.github.rltrading.learning.training;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Instrument;
import java.util.Objects;

/**
 * The bars a model is trained and judged on.
 *
 * @param bars       the bars, oldest first
 * @param instrument what they are prices of
 * @param label      where they came from, in words ({@code es-1min-rth-2020.csv}); recorded in the model
 */
public record MarketDataSet(BarSeries bars, Instrument instrument, String label) {

    public MarketDataSet {
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(instrument, "instrument");
        label = label == null || label.isBlank() ? bars.symbol() : label;
    }

    /** Bars {@code [from, to)} as a series of their own. */
    public BarSeries slice(int from, int to) {
        if (from < 0 || to > bars.size() || from > to) {
            throw new IndexOutOfBoundsException("bars [" + from + ", " + to + ") of " + label + ", which has " + bars.size());
        }
        return bars.prefix(to).tail(to - from);
    }
}
