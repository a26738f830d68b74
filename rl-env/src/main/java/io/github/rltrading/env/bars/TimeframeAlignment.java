package io.github.rltrading.env.bars;

import io.github.rltrading.core.market.BarSeries;

/**
 * Which bar of a longer timeframe a step of a shorter one may see: the last one <em>closed</em>
 * (ended) at or before the step's own end. At the 1m bar ending 09:37 the last visible 5m bar is
 * the one ending 09:35; the 5m bar ending 09:40 is still forming and stays invisible.
 */
public final class TimeframeAlignment {

    private TimeframeAlignment() {}

    /**
     * For each bar {@code i} of {@code base}, the index of the last bar of {@code higher} whose end
     * is at or before {@code base.endMillis(i)}, or -1 when none is.
     */
    public static int[] lastClosed(BarSeries base, BarSeries higher) {
        int[] idx = new int[base.size()];
        int k = -1;
        for (int i = 0; i < base.size(); i++) {
            long t = base.endMillis(i);
            while (k + 1 < higher.size() && higher.endMillis(k + 1) <= t) {
                k++;
            }
            idx[i] = k;
        }
        return idx;
    }
}
