package io.github.rltrading.env.trading;

/**
 * Rows {@code [from, to)} of a feature matrix, i.e. a period of time: walk-forward splits hand out
 * disjoint ranges in time order so that training never sees evaluation data.
 *
 * @param from first row
 * @param to   row after the last
 */
public record RowRange(int from, int to) {

    public RowRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("row range [" + from + ", " + to + ") is not valid");
        }
    }

    public int size() {
        return to - from;
    }

    /**
     * Splits {@code [0, rows)} in time order into train, validation and test ranges by fractions
     * (the test range gets the rest).
     */
    public static RowRange[] walkForward(int rows, double trainFraction, double validationFraction) {
        if (!(trainFraction > 0) || !(validationFraction >= 0) || trainFraction + validationFraction >= 1) {
            throw new IllegalArgumentException("walk-forward fractions must satisfy train > 0, validation >= 0 and "
                    + "train + validation < 1 (the rest is the test range), got " + trainFraction + " and " + validationFraction);
        }
        int trainEnd = (int) (rows * trainFraction);
        int validationEnd = (int) (rows * (trainFraction + validationFraction));
        return new RowRange[] {new RowRange(0, trainEnd), new RowRange(trainEnd, validationEnd), new RowRange(validationEnd, rows)};
    }
}
