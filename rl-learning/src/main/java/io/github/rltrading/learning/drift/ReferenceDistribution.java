package io.github.rltrading.learning.drift;

import io.github.rltrading.env.features.FeatureMatrix;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The training distribution of each feature, the baseline that live values are tested against: per
 * feature, a uniform random sample of its finite training values (all of them when there are at most
 * {@link Sampling#maxPerFeature()}), kept sorted.
 *
 * <p>Bounding the sample keeps memory and the cost of a check independent of the training set's
 * size (a year of 1-minute bars is about 350&nbsp;000 rows); 10&nbsp;000 values per feature pin down every
 * decile to within about half a percentage point. The sample is drawn by reservoir sampling with a
 * seeded generator, one stream per feature, so the same training data and seed give the same
 * reference. NaN and infinite values (warm-up, undefined features) are left out.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * ReferenceDistribution reference = ReferenceDistribution.fromMatrix(trainingFeatures);
 * ReferenceDistribution small = ReferenceDistribution.fromRows(List.of("atr", "volume"), rows,
 *         new ReferenceDistribution.Sampling(5_000, 7));
 * }</pre>
 */
public final class ReferenceDistribution {

    /**
     * How the reference sample is drawn.
     *
     * @param maxPerFeature the most values kept per feature, ≥ 1
     * @param seed          the seed of the reservoir sampling
     */
    public record Sampling(int maxPerFeature, long seed) {

        /** 10&nbsp;000 values per feature, seed 42. */
        public static final Sampling DEFAULT = new Sampling(10_000, 42);

        public Sampling {
            if (maxPerFeature < 1) {
                throw new IllegalArgumentException("reference sampling maxPerFeature must be at least 1, got "
                        + maxPerFeature + "; " + DEFAULT.maxPerFeature + " is the default");
            }
        }
    }

    private final List<String> names;
    private final double[][] sorted;
    private final long[] finiteCounts;

    private ReferenceDistribution(List<String> names, Reservoir[] reservoirs) {
        this.names = names;
        this.sorted = new double[reservoirs.length][];
        this.finiteCounts = new long[reservoirs.length];
        for (int f = 0; f < reservoirs.length; f++) {
            if (reservoirs[f].seen == 0) {
                throw new IllegalArgumentException("reference feature '" + names.get(f) + "' has no finite value in "
                        + "the training data; drop the feature or give rows past its warm-up");
            }
            sorted[f] = reservoirs[f].sortedValues();
            finiteCounts[f] = reservoirs[f].seen;
        }
    }

    /** From training rows, one value per feature each, with {@link Sampling#DEFAULT}. */
    public static ReferenceDistribution fromRows(List<String> names, float[][] rows) {
        return fromRows(names, rows, Sampling.DEFAULT);
    }

    /**
     * From training rows, one value per feature each.
     *
     * @throws IllegalArgumentException if a row's length is not the number of names, the names are
     *                                  empty or repeat, or a feature has no finite value
     */
    public static ReferenceDistribution fromRows(List<String> names, float[][] rows, Sampling sampling) {
        List<String> checked = checkNames(names);
        Reservoir[] reservoirs = reservoirs(checked.size(), sampling);
        for (int r = 0; r < rows.length; r++) {
            float[] row = rows[r];
            if (row == null) {
                throw new IllegalArgumentException("reference row " + r + " is null; give " + checked.size() + " values");
            }
            if (row.length != checked.size()) {
                throw new IllegalArgumentException("reference row " + r + " has " + row.length + " values, expected "
                        + checked.size() + " (one per feature: " + checked + ")");
            }
            for (int f = 0; f < row.length; f++) {
                reservoirs[f].add(row[f]);
            }
        }
        return new ReferenceDistribution(checked, reservoirs);
    }

    /** From training columns, one per feature, with {@link Sampling#DEFAULT}. */
    public static ReferenceDistribution fromColumns(List<String> names, float[][] columns) {
        return fromColumns(names, columns, Sampling.DEFAULT);
    }

    /**
     * From training columns, one per feature (they may differ in length).
     *
     * @throws IllegalArgumentException if the number of columns is not the number of names, the names
     *                                  are empty or repeat, or a feature has no finite value
     */
    public static ReferenceDistribution fromColumns(List<String> names, float[][] columns, Sampling sampling) {
        List<String> checked = checkNames(names);
        if (columns.length != checked.size()) {
            throw new IllegalArgumentException("reference has " + columns.length + " columns but " + checked.size()
                    + " names " + checked + "; give one column per name");
        }
        Reservoir[] reservoirs = reservoirs(checked.size(), sampling);
        for (int f = 0; f < columns.length; f++) {
            for (float v : Objects.requireNonNull(columns[f], "reference column " + checked.get(f))) {
                reservoirs[f].add(v);
            }
        }
        return new ReferenceDistribution(checked, reservoirs);
    }

    /** From the valid rows of a feature matrix (warm-up rows are left out), with {@link Sampling#DEFAULT}. */
    public static ReferenceDistribution fromMatrix(FeatureMatrix matrix) {
        return fromMatrix(matrix, Sampling.DEFAULT);
    }

    /** From the valid rows of a feature matrix (warm-up rows are left out). */
    public static ReferenceDistribution fromMatrix(FeatureMatrix matrix, Sampling sampling) {
        List<String> checked = checkNames(matrix.names());
        Reservoir[] reservoirs = reservoirs(checked.size(), sampling);
        float[] data = matrix.data();
        int columns = matrix.columns();
        for (int r = 0; r < matrix.rows(); r++) {
            if (matrix.isValid(r)) {
                for (int f = 0; f < columns; f++) {
                    reservoirs[f].add(data[r * columns + f]);
                }
            }
        }
        return new ReferenceDistribution(checked, reservoirs);
    }

    /** The feature names, in row order. */
    public List<String> names() {
        return names;
    }

    public int features() {
        return names.size();
    }

    /** Index of feature {@code name}. */
    public int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("reference has no feature '" + name + "'; it has " + names);
        }
        return i;
    }

    /** The kept sample of feature {@code feature}, ascending. A copy. */
    public double[] sample(int feature) {
        return sorted[Objects.checkIndex(feature, sorted.length)].clone();
    }

    /** How many values the sample of {@code feature} keeps. */
    public int sampleSize(int feature) {
        return sorted[Objects.checkIndex(feature, sorted.length)].length;
    }

    /** How many finite training values {@code feature} had (the sample keeps at most the maximum of them). */
    public long trainingValues(int feature) {
        return finiteCounts[Objects.checkIndex(feature, finiteCounts.length)];
    }

    /** The kept sample itself, for the monitor's checks: not copied, never to be written. */
    double[] sortedView(int feature) {
        return sorted[feature];
    }

    private static List<String> checkNames(List<String> names) {
        List<String> copy = List.copyOf(names);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("reference needs at least one feature name, got none");
        }
        HashSet<String> seen = new HashSet<>();
        for (String name : copy) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("reference feature names must not be blank, got " + copy);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("reference feature name '" + name + "' appears twice in " + copy
                        + "; names must be unique");
            }
        }
        return copy;
    }

    private static Reservoir[] reservoirs(int features, Sampling sampling) {
        Objects.requireNonNull(sampling, "sampling");
        SplittableRandom root = new SplittableRandom(sampling.seed());
        Reservoir[] out = new Reservoir[features];
        for (int f = 0; f < features; f++) {
            out[f] = new Reservoir(sampling.maxPerFeature(), root.split());
        }
        return out;
    }

    /** Algorithm R: after k values each of them is kept with probability capacity / k. */
    private static final class Reservoir {
        private final int capacity;
        private final SplittableRandom random;
        private double[] store;
        private int size;
        private long seen;

        Reservoir(int capacity, SplittableRandom random) {
            this.capacity = capacity;
            this.random = random;
            this.store = new double[Math.min(capacity, 1024)]; // grows up to capacity: small columns stay small
        }

        void add(float value) {
            if (!Float.isFinite(value)) {
                return;
            }
            seen++;
            if (size < capacity) {
                if (size == store.length) {
                    store = Arrays.copyOf(store, (int) Math.min(capacity, 2L * store.length));
                }
                store[size++] = value;
            } else {
                long j = random.nextLong(seen);
                if (j < capacity) {
                    store[(int) j] = value;
                }
            }
        }

        double[] sortedValues() {
            double[] out = Arrays.copyOf(store, size);
            Arrays.sort(out);
            return out;
        }
    }
}
