package io.github.rltrading.core;

import java.util.Arrays;

/** Per-bar equity, position and traded notional in growable primitive arrays (no object per bar). */
final class EquityRecorder {

    private long[] times;
    private double[] equity;
    private double[] positions;
    private double[] traded;
    private double lastCumulativeTraded;
    private int size;

    /** Records with room for {@code capacity} bars before they grow. */
    EquityRecorder(int capacity) {
        int cap = Math.max(16, capacity);
        times = new long[cap];
        equity = new double[cap];
        positions = new double[cap];
        traded = new double[cap];
    }

    void record(long timeMillis, double equityValue, double position, double cumulativeTradedNotional) {
        if (size == times.length) {
            int cap = size + (size >> 1);
            times = Arrays.copyOf(times, cap);
            equity = Arrays.copyOf(equity, cap);
            positions = Arrays.copyOf(positions, cap);
            traded = Arrays.copyOf(traded, cap);
        }
        times[size] = timeMillis;
        equity[size] = equityValue;
        positions[size] = position;
        traded[size] = cumulativeTradedNotional - lastCumulativeTraded;
        lastCumulativeTraded = cumulativeTradedNotional;
        size++;
    }

    // The arrays handed out below are exactly full ones when the recorder was sized right (a replay):
    // handing them over is safe, because the next record() into a full array grows into new ones.

    long[] times() {
        return size == times.length ? times : Arrays.copyOf(times, size);
    }

    double[] equity() {
        return size == equity.length ? equity : Arrays.copyOf(equity, size);
    }

    double[] positions() {
        return size == positions.length ? positions : Arrays.copyOf(positions, size);
    }

    double[] tradedNotionalPerBar() {
        return size == traded.length ? traded : Arrays.copyOf(traded, size);
    }
}
