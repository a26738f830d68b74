package io.github.rltrading.core.spi;

import io.github.rltrading.core.market.BarSeries;
import java.util.List;

/**
 * {@link FeatureSet#select}'s default: computes the whole row of the underlying set into a scratch
 * row and copies the selected columns out.
 */
final class SelectedFeatures implements FeatureSet {

    private final FeatureSet all;
    private final List<String> names;
    private final int[] indexes;
    private final float[] scratch;

    SelectedFeatures(FeatureSet all, List<String> columns) {
        this.all = all;
        this.names = List.copyOf(columns);
        this.indexes = FeatureSet.columnIndexes(all.names(), names);
        this.scratch = new float[all.size()];
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public int warmUpBars() {
        return all.warmUpBars();
    }

    @Override
    public void compute(BarSeries series, int index, float[] out, int offset) {
        all.compute(series, index, scratch, 0);
        for (int k = 0; k < indexes.length; k++) {
            out[offset + k] = scratch[indexes[k]];
        }
    }

    /** Selects from the underlying set, not from this selection's scratch row. */
    @Override
    public FeatureSet select(List<String> columns) {
        FeatureSet.columnIndexes(names, columns); // a column outside this selection is refused here too
        return all.select(columns);
    }
}
