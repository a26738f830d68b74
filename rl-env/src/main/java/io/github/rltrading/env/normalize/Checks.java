package io.github.rltrading.env.normalize;

import java.util.List;

/** Argument checks shared by the package; messages name the argument, the value and the fix. */
final class Checks {

    private Checks() {}

    /** Checks a row-major matrix and returns its row count. */
    static int rows(float[] data, int cols) {
        if (data == null) {
            throw new IllegalArgumentException("data is null; pass the row-major feature matrix");
        }
        if (cols <= 0) {
            throw new IllegalArgumentException(
                    "cols is " + cols + "; it must be the number of feature columns (at least 1)");
        }
        if (data.length % cols != 0) {
            throw new IllegalArgumentException("data.length (" + data.length + ") is not a multiple of cols ("
                    + cols + "); pass the column count the matrix was built with, or trim the array to whole rows");
        }
        return data.length / cols;
    }

    static void rowRange(int fromRow, int toRowExclusive, int rows) {
        if (fromRow < 0 || fromRow > rows) {
            throw new IllegalArgumentException("fromRow is " + fromRow + " but the data has " + rows
                    + " rows; pass a row index in [0, " + rows + "]");
        }
        if (toRowExclusive < 0 || toRowExclusive > rows) {
            throw new IllegalArgumentException("toRowExclusive is " + toRowExclusive + " but the data has "
                    + rows + " rows; pass a value in [0, " + rows + "]");
        }
        if (toRowExclusive <= fromRow) {
            throw new IllegalArgumentException("row range [fromRow=" + fromRow + ", toRowExclusive=" + toRowExclusive
                    + ") is empty; pass toRowExclusive > fromRow so that at least one row is used");
        }
    }

    static void names(List<String> names, int cols) {
        if (names == null) {
            throw new IllegalArgumentException("names is null; pass one column name per feature column");
        }
        if (names.size() != cols) {
            throw new IllegalArgumentException("names has " + names.size() + " entries but cols is " + cols
                    + "; pass exactly one name per column");
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null) {
                throw new IllegalArgumentException("names[" + i + "] is null; every column needs a name");
            }
        }
    }

    static void slice(String arrayName, float[] array, String offsetName, int offset, int length) {
        if (array == null) {
            throw new IllegalArgumentException(arrayName + " is null; pass an array holding at least "
                    + length + " values");
        }
        if (offset < 0 || offset > array.length - length) {
            throw new IllegalArgumentException(offsetName + " is " + offset + " but " + arrayName + ".length is "
                    + array.length + " and a row has " + length + " values; pass an offset in [0, "
                    + Math.max(-1, array.length - length) + "]");
        }
    }
}
