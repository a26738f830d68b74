package io.github.rltrading.core.metrics;

import java.util.Locale;

/**
 * Headline numbers of a run. Ratios are fractions (0.05 = 5 %); a value that is undefined for the
 * input (e.g. Sharpe of a flat curve) is {@code NaN}. Definitions: {@link PerformanceMetrics}.
 *
 * @param totalReturn      cumulative return over the whole series
 * @param annualReturn     compound annual growth rate
 * @param annualVolatility annualised standard deviation of returns
 * @param sharpe           annualised Sharpe ratio
 * @param sortino          annualised Sortino ratio
 * @param maxDrawdown      the deepest drawdown and where it was
 * @param calmar           annual return / |max drawdown|
 * @param winRate          winning trades / trades
 * @param profitFactor     gross profit / |gross loss|
 * @param expectancy       mean net P&amp;L per trade
 * @param averageWin       mean P&amp;L of winning trades
 * @param averageLoss      mean P&amp;L of losing trades (negative)
 * @param exposure         fraction of periods with a position
 * @param turnover         traded notional / mean equity
 * @param numberOfTrades   closed trades
 * @param numberOfPeriods  returns in the series
 */
public record PerformanceReport(double totalReturn, double annualReturn, double annualVolatility, double sharpe,
                                double sortino, Drawdown maxDrawdown, double calmar, double winRate,
                                double profitFactor, double expectancy, double averageWin, double averageLoss,
                                double exposure, double turnover, int numberOfTrades, int numberOfPeriods) {

    /**
     * The deepest fall from a running peak.
     *
     * @param value           the drawdown as a fraction, &le; 0 (-0.2 = 20 % below the peak), as empyrical
     * @param peakIndex       index of the peak before it
     * @param troughIndex     index of the lowest point
     * @param recoveryIndex   first index back at or above the peak, or -1 if it never recovered
     * @param durationPeriods periods from the peak to the recovery, or to the last index if none
     */
    public record Drawdown(double value, int peakIndex, int troughIndex, int recoveryIndex, int durationPeriods) {}

    /** A table for people. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        row(b, "total return", pct(totalReturn));
        row(b, "annual return", pct(annualReturn));
        row(b, "annual volatility", pct(annualVolatility));
        row(b, "Sharpe", num(sharpe));
        row(b, "Sortino", num(sortino));
        row(b, "max drawdown", pct(maxDrawdown.value()) + (maxDrawdown.value() < 0
                ? " (" + maxDrawdown.durationPeriods() + " periods" + (maxDrawdown.recoveryIndex() < 0 ? ", not recovered" : "") + ")"
                : ""));
        row(b, "Calmar", num(calmar));
        row(b, "trades", Integer.toString(numberOfTrades));
        row(b, "win rate", pct(winRate));
        row(b, "profit factor", num(profitFactor));
        row(b, "expectancy", num(expectancy));
        row(b, "average win", num(averageWin));
        row(b, "average loss", num(averageLoss));
        row(b, "exposure", pct(exposure));
        row(b, "turnover", num(turnover));
        row(b, "periods", Integer.toString(numberOfPeriods));
        return b.toString();
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append(String.format(Locale.ROOT, "%-18s %12s%n", name, value));
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f %%", v * 100);
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : String.format(Locale.ROOT, "%.3f", v);
    }
}
