package io.github.rltrading.core.metrics;

import java.util.Locale;

/**
 * Headline numbers of a run, computed by {@link PerformanceMetrics} (the formulas are there). Returns,
 * volatility, drawdown, win rate and exposure are fractions (0.05 = 5 %); a value that is undefined
 * for the input (the Sharpe ratio of a flat curve, trade statistics without trades) is {@code NaN}.
 *
 * <pre>{@code
 * PerformanceReport r = PerformanceMetrics.builder().equityCurve(equity).periodsPerYear(252).compute();
 * if (r.maxDrawdown().value() < -0.2) { ... }   // deeper than 20 %
 * System.out.println(r.summary());
 * }</pre>
 *
 * @param totalReturn      cumulative return over the whole series, {@code prod(1 + r) - 1}
 * @param annualReturn     compound annual growth rate
 * @param annualVolatility annualised sample standard deviation of the returns
 * @param sharpe           annualised Sharpe ratio
 * @param sortino          annualised Sortino ratio
 * @param maxDrawdown      the deepest drawdown and where it was
 * @param calmar           annual return / |max drawdown|
 * @param winRate          winning trades / trades
 * @param profitFactor     gross profit / |gross loss|
 * @param expectancy       mean net P&amp;L per trade
 * @param averageWin       mean P&amp;L of the winning trades
 * @param averageLoss      mean P&amp;L of the losing trades (negative)
 * @param exposure         fraction of periods with a non-zero position
 * @param turnover         traded notional / mean equity
 * @param numberOfTrades   closed trades given
 * @param numberOfPeriods  returns in the series (equity points - 1 for an equity curve)
 */
public record PerformanceReport(double totalReturn, double annualReturn, double annualVolatility, double sharpe,
                                double sortino, Drawdown maxDrawdown, double calmar, double winRate,
                                double profitFactor, double expectancy, double averageWin, double averageLoss,
                                double exposure, double turnover, int numberOfTrades, int numberOfPeriods) {

    /**
     * The deepest fall from a running peak. Indices are wealth indices: for an equity curve index
     * {@code i} is equity point {@code i}; for a return series index 0 is the starting wealth before
     * the first return and index {@code t} the wealth after {@code returns[t - 1]}.
     *
     * <pre>{@code
     * Drawdown dd = report.maxDrawdown();
     * boolean recovered = dd.recoveryIndex() >= 0;
     * }</pre>
     *
     * @param value           the drawdown as a fraction in {@code [-1, 0]} (-0.2 = 20 % below the
     *                        peak), negative like empyrical's {@code max_drawdown}
     * @param peakIndex       index of the peak before the trough (the last index at that peak level)
     * @param troughIndex     index of the lowest point relative to the peak
     * @param recoveryIndex   first index after the trough back at or above the peak level, or -1 if
     *                        the series ends below it
     * @param durationPeriods periods from the peak to the recovery, or to the last index if it never
     *                        recovered
     */
    public record Drawdown(double value, int peakIndex, int troughIndex, int recoveryIndex, int durationPeriods) {

        /** No drawdown at all (a series that never fell below a previous peak): value 0, all indices 0. */
        public static final Drawdown NONE = new Drawdown(0.0, 0, 0, 0, 0);
    }

    /**
     * A two-column table for people: returns, volatility, drawdown, win rate and exposure as
     * percentages with two decimals, ratios with three decimals, undefined values as {@code n/a}.
     */
    public String summary() {
        StringBuilder b = new StringBuilder();
        row(b, "total return", pct(totalReturn));
        row(b, "annual return", pct(annualReturn));
        row(b, "annual volatility", pct(annualVolatility));
        row(b, "Sharpe", num(sharpe));
        row(b, "Sortino", num(sortino));
        String ddNote = "";
        if (maxDrawdown.value() < 0) {
            ddNote = " (" + maxDrawdown.durationPeriods() + " periods"
                    + (maxDrawdown.recoveryIndex() < 0 ? ", not recovered)" : ")");
        }
        row(b, "max drawdown", pct(maxDrawdown.value()), ddNote);
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
        row(b, name, value, "");
    }

    /** A note goes after the value column so that the values stay right-aligned. */
    private static void row(StringBuilder b, String name, String value, String note) {
        // Locale.ROOT so that the decimal separator does not depend on the machine.
        b.append(String.format(Locale.ROOT, "%-18s %12s%s%n", name, value, note));
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f %%", v * 100) : special(v);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : special(v);
    }

    private static String special(double v) {
        return Double.isNaN(v) ? "n/a" : v > 0 ? "inf" : "-inf";
    }
}
