package io.github.rltrading.core.market;

import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar. Its time stamp is the bar's <em>end</em>, the moment its close became known, which
 * is what NinjaTrader exports and what keeps look-ahead out: a decision at {@code end} may use this
 * bar, never a later one.
 *
 * <p>For long series use {@link BarSeries}, which stores the same fields in primitive arrays.
 *
 * @param symbol    instrument symbol
 * @param timeframe bar length
 * @param end       bar end time
 * @param open      first price; every price must be finite (negative prices are allowed: some
 *                  futures have traded below zero)
 * @param high      highest price, &ge; max(open, close)
 * @param low       lowest price, &le; min(open, close)
 * @param close     last price
 * @param volume    traded volume, &ge; 0
 */
public record Bar(String symbol, Timeframe timeframe, Instant end,
                  double open, double high, double low, double close, double volume) {

    public Bar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(end, "end");
        String problem = ohlcvProblem(open, high, low, close, volume);
        if (problem != null) {
            throw new IllegalArgumentException("bar " + symbol + " " + timeframe + " ending " + end + ": " + problem);
        }
    }

    /**
     * Describes what is wrong with these values, or returns {@code null} when they form a valid
     * bar. Loaders use it to report the file and line; {@link BarSeries} and this record use it to
     * refuse bad bars.
     */
    public static String ohlcvProblem(double open, double high, double low, double close, double volume) {
        if (!Double.isFinite(open) || !Double.isFinite(high) || !Double.isFinite(low) || !Double.isFinite(close)) {
            return "prices must be finite numbers, got open=" + open + " high=" + high + " low=" + low
                    + " close=" + close;
        }
        if (high < Math.max(open, close)) {
            return "high " + high + " is below max(open " + open + ", close " + close + ")";
        }
        if (low > Math.min(open, close)) {
            return "low " + low + " is above min(open " + open + ", close " + close + ")";
        }
        if (!(volume >= 0.0) || Double.isInfinite(volume)) {
            return "volume must be a finite number >= 0, got " + volume;
        }
        return null;
    }

    /** Bar start: {@code end - timeframe}. */
    public Instant start() {
        return end.minusMillis(timeframe.millis()); // cheaper than Instant.minus(Duration) on every bar
    }

    /** High minus low. */
    public double range() {
        return high - low;
    }
}
