package io.github.rltrading.core;

import java.util.Arrays;

/** Per-bar equity, position and traded notional in growable primitive arrays (no object per bar). */
final class EquityRecorder {

    private long[] times = new long[1024];
    private double[] equity = new double[1024];
    private double[] positions = new double[1024];
    private double[] traded = new double[1024];
    private double lastCumulativeTraded;
    private int size;

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

    long[] times() {
        return Arrays.copyOf(times, size);
    }

    double[] equity() {
        return Arrays.copyOf(equity, size);
    }

    double[] positions() {
        return Arrays.copyOf(positions, size);
    }

    double[] tradedNotionalPerBar() {
        return Arrays.copyOf(traded, size);
    }
}
