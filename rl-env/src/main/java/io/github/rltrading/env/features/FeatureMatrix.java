package io.github.rltrading.env.features;

import java.util.List;
import java.util.Objects;

/**
 * Features of every bar of a series, precomputed into one row-major {@code float[]}
 * ({@code rows × columns}). Row {@code i} belongs to bar {@code i} and uses bars {@code 0..i}
 * only. A row with any NaN is not valid (warm-up, or a feature undefined there) and must not be
 * used for training; {@link #firstValidRow()} is where warm-up ends.
 *
 * <p>The matrix is shared, not copied, by environments that read it (vectorised copies included):
 * treat {@link #data()} as read-only.
 */
public final class FeatureMatrix {

    private final String featureSetId;
    private final String hash;
    private final List<String> names;
    private final float[] data;
    private final int rows;
    private final int columns;
    private final boolean[] valid;
    private final int firstValidRow;

    FeatureMatrix(String featureSetId, String hash, List<String> names, float[] data, int rows) {
        this.featureSetId = Objects.requireNonNull(featureSetId);
        this.hash = Objects.requireNonNull(hash);
        this.names = List.copyOf(names);
        this.columns = names.size();
        this.data = data;
        this.rows = rows;
        this.valid = new boolean[rows];
        int first = -1;
        for (int r = 0; r < rows; r++) {
            boolean ok = true;
            for (int c = r * columns, end = c + columns; c < end && ok; c++) {
                ok = !Float.isNaN(data[c]);
            }
            valid[r] = ok;
            if (ok && first < 0) {
                first = r;
            }
        }
        this.firstValidRow = first < 0 ? rows : first;
    }

    /**
     * A matrix over values computed elsewhere (your own feature code, tests). {@code data} is
     * adopted, not copied: {@code rows × names.size()} values, row-major, NaN where undefined.
     */
    public static FeatureMatrix of(String featureSetId, String hash, List<String> names, float[] data, int rows) {
        if ((long) rows * names.size() > data.length) {
            throw new IllegalArgumentException("feature matrix of " + rows + " rows × " + names.size()
                    + " columns needs " + (long) rows * names.size() + " values, got " + data.length);
        }
        return new FeatureMatrix(featureSetId, hash, names, data, rows);
    }

    /** The feature set's name and version, e.g. {@code market-v1}. */
    public String featureSetId() {
        return featureSetId;
    }

    /** A stable hash of the feature set's definition: a saved model can refuse another one. */
    public String hash() {
        return hash;
    }

    public List<String> names() {
        return names;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** The row-major values; read-only by contract (it is shared, not copied). */
    public float[] data() {
        return data;
    }

    public float get(int row, int column) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(column, columns);
        return data[row * columns + column];
    }

    /** Index of column {@code name}. */
    public int column(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no feature '" + name + "' in " + featureSetId + "; it has " + names);
        }
        return i;
    }

    /** Copies row {@code row} into {@code out[offset ..]}. */
    public void copyRow(int row, float[] out, int offset) {
        System.arraycopy(data, Objects.checkIndex(row, rows) * columns, out, offset, columns);
    }

    /** Whether every feature of the row is defined (no warm-up, no undefined value). */
    public boolean isValid(int row) {
        return valid[row];
    }

    /** The first valid row ({@link #rows()} when none is). */
    public int firstValidRow() {
        return firstValidRow;
    }

    /** Number of valid rows. */
    public int validRows() {
        int n = 0;
        for (boolean v : valid) {
            n += v ? 1 : 0;
        }
        return n;
    }
}
