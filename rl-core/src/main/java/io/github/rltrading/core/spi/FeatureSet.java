package io.github.rltrading.core.spi;

import io.github.rltrading.core.market.BarSeries;
import java.util.List;

/**
 * Computes a fixed number of features for one bar of a series, writing them into a caller-owned
 * array so that nothing is allocated per bar.
 *
 * <pre>{@code
 * float[] row = new float[features.size()];
 * for (int i = features.warmUpBars(); i < series.size(); i++) {
 *     features.compute(series, i, row, 0);
 * }
 * }</pre>
 *
 * <p>No look-ahead: {@code compute(series, i, ...)} may read bars {@code 0..i} only.
 */
public interface FeatureSet {

    /** Feature names, in the order they are written. */
    List<String> names();

    /** Number of features written per bar. */
    default int size() {
        return names().size();
    }

    /** Bars needed before the first valid row (e.g. 14 for a 14-bar RSI). */
    int warmUpBars();

    /** Writes the features of bar {@code index} into {@code out[offset .. offset + size())}. */
    void compute(BarSeries series, int index, float[] out, int offset);
}
