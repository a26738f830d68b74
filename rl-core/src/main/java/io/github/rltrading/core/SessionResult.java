package io.github.rltrading.core;

import io.github.rltrading.core.metrics.PerformanceMetrics;
import io.github.rltrading.core.metrics.PerformanceReport;
import io.github.rltrading.core.trading.ClosedTrade;
import java.util.List;

/**
 * What a finished (or running) session produced: one point per bar of equity (marked at the bar's
 * close), position and traded notional, plus the closed round trips.
 *
 * @param sessionId            the session
 * @param symbol               the instrument
 * @param startingCash         account value at the start
 * @param timesMillis          bar end times
 * @param equity               equity after each bar
 * @param positions            signed quantity held after each bar
 * @param tradedNotionalPerBar |notional| filled during each bar
 * @param trades               closed round trips
 * @param decisions            number of policy decisions taken
 * @param errors               number of errors journalled
 */
public record SessionResult(String sessionId, String symbol, double startingCash, long[] timesMillis, double[] equity,
                            double[] positions, double[] tradedNotionalPerBar, List<ClosedTrade> trades,
                            long decisions, long errors) {

    /** Equity after the last bar, or the starting cash when no bar was seen. */
    public double finalEquity() {
        return equity.length == 0 ? startingCash : equity[equity.length - 1];
    }

    /**
     * Performance of this run: the equity curve starting from the starting cash, exposure from the
     * positions, turnover from the traded notional, trade statistics from the closed trades' net P&amp;L.
     *
     * @param periodsPerYear bars per year, e.g. {@code PerformanceMetrics.periodsPerYear(Duration.ofMinutes(1), 6.5, 252)}
     */
    public PerformanceReport metrics(double periodsPerYear) {
        double[] curve = new double[equity.length + 1];
        curve[0] = startingCash;
        System.arraycopy(equity, 0, curve, 1, equity.length);
        double[] traded = new double[curve.length];
        System.arraycopy(tradedNotionalPerBar, 0, traded, 1, tradedNotionalPerBar.length);
        return PerformanceMetrics.builder()
                .equityCurve(curve)
                .periodsPerYear(periodsPerYear)
                .positions(positions)
                .tradedNotional(traded)
                .tradePnls(trades.stream().mapToDouble(ClosedTrade::netPnl).toArray())
                .compute();
    }
}
