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

    /**
     * A feature set that writes only {@code columns}, in that order: for a policy that reads a few
     * columns of a wide set (a rules policy reading two EMAs of seventy features), so that a
     * backtest or a live session computes what is read and nothing else.
     *
     * <p>The selection keeps this set's {@link #warmUpBars()}, so policies on different selections
     * of one set start deciding on the same bar and compare fairly. Its rows are undefined only
     * when one of <em>its</em> columns is (the session skips rows with a NaN).
     *
     * <p>This default computes the whole row and copies the columns out: correct for any feature
     * set, but no faster. Sets that can skip work override it ({@code MarketFeatures} does).
     *
     * @param columns names from {@link #names()}, each at most once; may be empty (a policy that
     *                reads no feature, such as buy-and-hold)
     * @throws IllegalArgumentException naming the first column that is unknown or repeated
     */
    default FeatureSet select(List<String> columns) {
        return new SelectedFeatures(this, columns);
    }

    /**
     * Where each of {@code columns} is in {@code names}: the check behind {@link #select}, for
     * implementations that override it.
     *
     * @throws IllegalArgumentException naming the first column that is unknown or repeated, with the
     *                                  names to choose from
     */
    static int[] columnIndexes(List<String> names, List<String> columns) {
        int[] indexes = new int[columns.size()];
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int k = 0; k < indexes.length; k++) {
            String c = columns.get(k);
            if (!seen.add(c)) {
                throw new IllegalArgumentException("feature column '" + c + "' is selected twice; list each column once");
            }
            indexes[k] = names.indexOf(c);
            if (indexes[k] < 0) {
                throw new IllegalArgumentException("feature column '" + c + "' is not in this feature set; its "
                        + names.size() + " columns are " + names);
            }
        }
        return indexes;
    }
}
