package io.github.rltrading.learning.drift;

import java.util.Arrays;

/**
 * The most recent live values of each feature, a ring buffer per feature. A window, not a reservoir
 * over everything seen: drift is about what the market does now, and old live values would dilute a
 * recent shift. NaN and infinite values are skipped per feature, so features may hold different
 * counts. Not thread-safe: {@link DriftMonitor} guards it.
 */
final class LiveWindow {

    private final double[][] values;
    private final int[] next;
    private final int[] size;

    LiveWindow(int features, int capacity) {
        values = new double[features][capacity];
        next = new int[features];
        size = new int[features];
    }

    void add(float[] row) {
        for (int f = 0; f < values.length; f++) {
            float v = row[f];
            if (Float.isFinite(v)) {
                double[] ring = values[f];
                ring[next[f]] = v;
                next[f] = next[f] + 1 == ring.length ? 0 : next[f] + 1;
                size[f] = Math.min(size[f] + 1, ring.length);
            }
        }
    }

    int size(int feature) {
        return size[feature];
    }

    /** Copies feature {@code feature}'s values into {@code out}, ascending, and returns how many. */
    int copySorted(int feature, double[] out) {
        int n = size[feature];
        System.arraycopy(values[feature], 0, out, 0, n); // the order in the ring does not matter once sorted
        Arrays.sort(out, 0, n);
        return n;
    }
}
