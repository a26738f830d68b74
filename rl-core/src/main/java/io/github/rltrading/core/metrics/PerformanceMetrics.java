package io.github.rltrading.core.metrics;

import io.github.rltrading.core.util.Require;
import java.time.Duration;
import java.util.Objects;

/**
 * Computes a {@link PerformanceReport} from an equity curve or a series of simple returns, with the
 * definitions of Python's {@code empyrical} library (Quantopian), so that the numbers can be checked
 * against pyfolio/empyrical output.
 *
 * <pre>{@code
 * PerformanceReport r = PerformanceMetrics.builder()
 *         .equityCurve(equity)                  // or .returns(simpleReturns), exactly one of them
 *         .periodsPerYear(PerformanceMetrics.periodsPerYear(Duration.ofMinutes(1), 6.5, 252))
 *         .tradePnls(netPnlPerClosedTrade)      // optional
 *         .positions(positionPerPeriod)         // optional, for exposure
 *         .tradedNotional(notionalPerPeriod)    // optional, for turnover
 *         .compute();
 * System.out.println(r.summary());
 * }</pre>
 *
 * <h2>Definitions</h2>
 * With {@code r[1..n]} the simple returns, {@code P} the periods per year and {@code rf} the
 * per-period risk-free rate (default 0, as empyrical):
 * <ul>
 *   <li><b>returns from an equity curve</b> {@code E[0..n]}: {@code r[t] = E[t] / E[t-1] - 1}; every
 *       equity value must be finite and &gt; 0, since a return from or to a non-positive equity is
 *       undefined.</li>
 *   <li><b>total return</b>: {@code prod(1 + r) - 1}. For an equity curve this equals
 *       {@code E[n] / E[0] - 1} and is computed that way, which avoids compounding rounding errors.</li>
 *   <li><b>annual return</b> (CAGR): {@code (1 + total)^(P / n) - 1}.</li>
 *   <li><b>annual volatility</b>: {@code std(r, ddof = 1) * sqrt(P)}; NaN for a single return.</li>
 *   <li><b>Sharpe</b>: {@code mean(r - rf) / std(r - rf, ddof = 1) * sqrt(P)}; NaN for fewer than two
 *       returns or when the standard deviation is 0 (empyrical's explicit rule).</li>
 *   <li><b>Sortino</b>: {@code mean(r - rf) * P / downsideRisk} with
 *       {@code downsideRisk = sqrt(mean(min(r - rf, 0)^2)) * sqrt(P)}, the mean taken over
 *       <em>all</em> periods (not only the losing ones); NaN for fewer than two returns. Without any
 *       period below {@code rf} the downside risk is 0 and the ratio is +infinity for a positive
 *       mean, NaN for a zero mean (IEEE division, as numpy).</li>
 *   <li><b>max drawdown</b>: with wealth {@code W[0] = 1} before the first return and
 *       {@code W[t] = W[t-1] * (1 + r[t])}, {@code dd[t] = W[t] / max(W[0..t]) - 1}; the max drawdown
 *       is {@code min(dd)}, a value in {@code [-1, 0]} (negative, as empyrical). For an equity curve
 *       {@code W[t] = E[t] / E[0]}, so {@code dd[t] = E[t] / max(E[0..t]) - 1}, computed on the
 *       equity itself.</li>
 *   <li><b>Calmar</b>: {@code annual return / |max drawdown|}; NaN when the max drawdown is 0, and
 *       NaN when the quotient is infinite (both as empyrical).</li>
 *   <li><b>trade statistics</b> from the net P&amp;L of each closed trade (a win is P&amp;L &gt; 0, a
 *       loss P&amp;L &lt; 0, a zero P&amp;L is neither but counts as a trade): win rate
 *       {@code wins / trades}; profit factor {@code gross profit / |gross loss|} (+infinity with
 *       profits and no losses, 0 with losses and no profits, NaN with neither); expectancy
 *       {@code mean(pnl)}; average win {@code gross profit / wins} (NaN without wins); average loss
 *       {@code gross loss / losses}, negative (NaN without losses). Without trades all are NaN.</li>
 *   <li><b>exposure</b>: the fraction of the given periods with a non-zero position; NaN when no
 *       positions were given.</li>
 *   <li><b>turnover</b>: {@code sum(|traded notional|) / mean(E)}; NaN when no traded notional was
 *       given. It needs an equity curve, since returns alone carry no account size.</li>
 * </ul>
 *
 * <h2>Drawdown indices</h2>
 * The indices in {@link PerformanceReport.Drawdown} index the wealth series: for an equity curve,
 * index {@code i} is equity point {@code E[i]}; for a return series, index 0 is the starting wealth
 * before the first return and index {@code t} (1-based) is the wealth after return {@code t}, i.e.
 * after array element {@code returns[t - 1]}.
 */
public final class PerformanceMetrics {

    private PerformanceMetrics() {}

    /** Starts a computation: set one of {@code equityCurve} or {@code returns}, then {@code compute()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Periods per year for bars of {@code barLength} traded {@code tradingHoursPerDay} hours on
     * {@code tradingDaysPerYear} days: {@code tradingHoursPerDay * 3600 s / barLength * tradingDaysPerYear}.
     * 1-minute bars in the 6.5-hour US cash session, 252 days: 390 &times; 252 = 98,280.
     *
     * <pre>{@code
     * double p = PerformanceMetrics.periodsPerYear(Duration.ofMinutes(1), 6.5, 252); // 98280.0
     * }</pre>
     *
     * @throws IllegalArgumentException when the bar length, hours per day or days per year is not positive
     */
    public static double periodsPerYear(Duration barLength, double tradingHoursPerDay, int tradingDaysPerYear) {
        Objects.requireNonNull(barLength, "barLength");
        if (barLength.isNegative() || barLength.isZero()) {
            throw new IllegalArgumentException("periodsPerYear: barLength must be positive, got " + barLength);
        }
        if (!(tradingHoursPerDay > 0) || tradingHoursPerDay > 24) {
            throw new IllegalArgumentException("periodsPerYear: tradingHoursPerDay must be in (0, 24], got "
                    + tradingHoursPerDay);
        }
        if (tradingDaysPerYear < 1) {
            throw new IllegalArgumentException("periodsPerYear: tradingDaysPerYear must be at least 1, got "
                    + tradingDaysPerYear);
        }
        // Seconds as a double keep sub-second bars (e.g. 250 ms) exact enough and avoid integer division.
        double barSeconds = barLength.getSeconds() + barLength.getNano() / 1e9;
        return tradingHoursPerDay * 3600.0 / barSeconds * tradingDaysPerYear;
    }

    /**
     * Collects the inputs of one computation. Arrays are copied when set, so later changes by the
     * caller do not leak into the report. Not thread-safe; use one builder per computation.
     *
     * <pre>{@code
     * PerformanceReport r = PerformanceMetrics.builder().returns(dailyReturns).periodsPerYear(252).compute();
     * }</pre>
     */
    public static final class Builder {

        private double[] equity;
        private double[] returns;
        private double periodsPerYear = 252;
        private double riskFreeRate;
        private double[] tradePnls;
        private double[] positions;
        private double[] tradedNotional;

        private Builder() {}

        /**
         * Account equity at the start and after each period (each value finite and &gt; 0, at least
         * two values). Use this or {@link #returns}, not both.
         */
        public Builder equityCurve(double[] values) {
            this.equity = Objects.requireNonNull(values, "equity curve").clone();
            return this;
        }

        /**
         * Simple (not log) returns per period, each finite and &ge; -1 (at least one). Use this or
         * {@link #equityCurve}, not both.
         */
        public Builder returns(double[] values) {
            this.returns = Objects.requireNonNull(values, "returns").clone();
            return this;
        }

        /**
         * Annualisation factor {@code P}: 252 for daily bars (the default), 98,280 for 1-minute bars of
         * the US cash session (see {@link PerformanceMetrics#periodsPerYear(Duration, double, int)}).
         *
         * @throws IllegalArgumentException unless finite and &gt; 0
         */
        public Builder periodsPerYear(double value) {
            Require.positive("periodsPerYear", value);
            this.periodsPerYear = value;
            return this;
        }

        /**
         * Risk-free rate <em>per period</em> (not per year), as empyrical; default 0. Convert an annual
         * rate {@code a} with {@code Math.pow(1 + a, 1.0 / periodsPerYear) - 1}.
         *
         * @throws IllegalArgumentException unless finite
         */
        public Builder riskFreeRate(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("riskFreeRate must be a finite per-period rate, got " + value);
            }
            this.riskFreeRate = value;
            return this;
        }

        /** Optional: net P&amp;L (after costs) of each closed trade, for the trade statistics. */
        public Builder tradePnls(double[] values) {
            this.tradePnls = Objects.requireNonNull(values, "trade P&Ls").clone();
            return this;
        }

        /** Optional: position held in each period (any unit; only zero versus non-zero matters), for exposure. */
        public Builder positions(double[] values) {
            this.positions = Objects.requireNonNull(values, "positions").clone();
            return this;
        }

        /**
         * Optional: notional traded in each period, for turnover; the sign is ignored so signed buy/sell
         * notionals may be passed. Needs an {@link #equityCurve}.
         */
        public Builder tradedNotional(double[] values) {
            this.tradedNotional = Objects.requireNonNull(values, "traded notional").clone();
            return this;
        }

        /**
         * Computes the report with the definitions in {@link PerformanceMetrics}.
         *
         * @throws IllegalArgumentException when neither or both of equity curve and returns were given,
         *                                  when an input is too short, or when a value is NaN, infinite or
         *                                  out of range; the message names the input, the index, the value
         *                                  and what to do
         */
        public PerformanceReport compute() {
            if (equity == null && returns == null) {
                throw new IllegalArgumentException("performance metrics need an equity curve or returns: "
                        + "call equityCurve(..) or returns(..) before compute()");
            }
            if (equity != null && returns != null) {
                throw new IllegalArgumentException("performance metrics need exactly one of equity curve or "
                        + "returns, got both: call only one of equityCurve(..) and returns(..)");
            }
            if (equity != null) {
                checkEquity(equity);
            } else {
                checkReturns(returns);
            }
            checkFinite("trade P&Ls", tradePnls, "drop trades whose P&L is unknown");
            checkFinite("positions", positions, "use 0 for periods without a position");
            checkFinite("traded notional", tradedNotional, "use 0 for periods without trading");
            if (tradedNotional != null && equity == null) {
                throw new IllegalArgumentException("traded notional needs an equity curve: turnover is traded "
                        + "notional / mean equity; pass equityCurve(..) instead of returns(..), or leave out "
                        + "tradedNotional(..)");
            }

            // The "level" series is what drawdowns are measured on: the equity itself, or wealth that
            // starts at 1 for a return series. Ratios of levels are the same either way.
            double[] r;
            double[] level;
            double total;
            if (equity != null) {
                r = new double[equity.length - 1];
                for (int t = 1; t < equity.length; t++) {
                    r[t - 1] = equity[t] / equity[t - 1] - 1.0;
                }
                level = equity;
                total = equity[equity.length - 1] / equity[0] - 1.0;
            } else {
                r = returns;
                level = new double[r.length + 1];
                level[0] = 1.0;
                for (int t = 0; t < r.length; t++) {
                    level[t + 1] = level[t] * (1.0 + r[t]);
                }
                total = level[r.length] - 1.0;
            }
            int n = r.length;
            double annual = Math.pow(1.0 + total, periodsPerYear / n) - 1.0;

            double sqrtP = Math.sqrt(periodsPerYear);
            double volatility = sampleStd(r, 0.0) * sqrtP;
            double meanExcess = mean(r, riskFreeRate);
            double excessStd = sampleStd(r, riskFreeRate);
            // empyrical returns NaN for a zero deviation even when the mean is not zero (not +-infinity).
            double sharpe = n < 2 || excessStd == 0.0 ? Double.NaN : meanExcess / excessStd * sqrtP;

            double downsideSquares = 0;
            for (double v : r) {
                double d = Math.min(v - riskFreeRate, 0.0);
                downsideSquares += d * d;
            }
            double downsideRisk = Math.sqrt(downsideSquares / n) * sqrtP;
            double sortino = n < 2 ? Double.NaN : meanExcess * periodsPerYear / downsideRisk;

            PerformanceReport.Drawdown dd = maxDrawdown(level);
            double calmar = Double.NaN;
            if (dd.value() < 0) {
                double c = annual / Math.abs(dd.value());
                calmar = Double.isInfinite(c) ? Double.NaN : c;
            }

            TradeStats trades = TradeStats.of(tradePnls);
            return new PerformanceReport(total, annual, volatility, sharpe, sortino, dd, calmar, trades.winRate,
                    trades.profitFactor, trades.expectancy, trades.averageWin, trades.averageLoss,
                    exposure(positions), turnover(tradedNotional, equity), trades.count, n);
        }
    }

    private static void checkEquity(double[] e) {
        if (e.length < 2) {
            throw new IllegalArgumentException("equity curve has " + e.length + " value" + (e.length == 1 ? "" : "s")
                    + "; metrics need at least 2 (the starting equity and the equity after one period)");
        }
        for (int i = 0; i < e.length; i++) {
            double v = e[i];
            if (v > 0 && Double.isFinite(v)) {
                continue;
            }
            String what;
            if (Double.isNaN(v)) {
                what = "fill or drop the missing value before computing metrics";
            } else if (Double.isInfinite(v)) {
                what = "check the source of the curve for an overflow or a division by zero";
            } else {
                what = "end the curve before the account was wiped out, or pass returns(..) instead";
            }
            throw new IllegalArgumentException("equity curve[" + i + "] = " + v
                    + " is invalid: equity values must be finite and > 0; " + what);
        }
    }

    private static void checkReturns(double[] r) {
        if (r.length == 0) {
            throw new IllegalArgumentException("returns are empty; metrics need at least one return");
        }
        for (int i = 0; i < r.length; i++) {
            double v = r[i];
            if (v >= -1.0 && Double.isFinite(v)) {
                continue;
            }
            String what;
            if (Double.isNaN(v)) {
                what = "fill or drop the missing value before computing metrics";
            } else if (Double.isInfinite(v)) {
                what = "a return from a zero equity is undefined; end the series before the account was wiped out";
            } else {
                what = "pass simple returns (E[t] / E[t-1] - 1) as fractions, not log returns";
            }
            throw new IllegalArgumentException("returns[" + i + "] = " + v
                    + " is invalid: returns must be finite simple returns >= -1 (-1 is a total loss); " + what);
        }
    }

    private static void checkFinite(String name, double[] values, String what) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i]
                        + " is invalid: " + name + " must be finite; " + what);
            }
        }
    }

    private static double mean(double[] r, double shift) {
        double sum = 0;
        for (double v : r) {
            sum += v - shift;
        }
        return sum / r.length;
    }

    /** Standard deviation of {@code r - shift} with ddof = 1 (two-pass, for accuracy); NaN below two values. */
    private static double sampleStd(double[] r, double shift) {
        int n = r.length;
        if (n < 2) {
            return Double.NaN;
        }
        double m = mean(r, shift);
        double ss = 0;
        for (double v : r) {
            double d = v - shift - m;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1));
    }

    /**
     * The deepest drawdown of {@code level}. Ties follow pyfolio: the peak is the last index at the
     * running maximum before the trough, the trough the first index at the minimum, the recovery the
     * first index after the trough back at or above the peak level.
     */
    private static PerformanceReport.Drawdown maxDrawdown(double[] level) {
        double peak = level[0];
        int peakIndex = 0;
        double worst = 0.0;
        int worstPeak = 0;
        int trough = 0;
        for (int t = 1; t < level.length; t++) {
            if (level[t] >= peak) {
                peak = level[t];
                peakIndex = t;
            }
            double dd = level[t] / peak - 1.0;
            if (dd < worst) {
                worst = dd;
                trough = t;
                worstPeak = peakIndex;
            }
        }
        if (worst == 0.0) {
            return PerformanceReport.Drawdown.NONE;
        }
        int recovery = -1;
        for (int t = trough + 1; t < level.length; t++) {
            if (level[t] >= level[worstPeak]) {
                recovery = t;
                break;
            }
        }
        int end = recovery >= 0 ? recovery : level.length - 1;
        return new PerformanceReport.Drawdown(worst, worstPeak, trough, recovery, end - worstPeak);
    }

    private static double exposure(double[] positions) {
        if (positions == null || positions.length == 0) {
            return Double.NaN;
        }
        int held = 0;
        for (double p : positions) {
            if (p != 0.0) {
                held++;
            }
        }
        return (double) held / positions.length;
    }

    private static double turnover(double[] traded, double[] equity) {
        if (traded == null) {
            return Double.NaN;
        }
        double sum = 0;
        for (double t : traded) {
            sum += Math.abs(t);
        }
        return sum / mean(equity, 0.0);
    }

    private record TradeStats(int count, double winRate, double profitFactor, double expectancy, double averageWin,
                              double averageLoss) {

        static TradeStats of(double[] pnls) {
            if (pnls == null || pnls.length == 0) {
                return new TradeStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double grossProfit = 0;
            double grossLoss = 0;
            double sum = 0;
            int wins = 0;
            int losses = 0;
            for (double p : pnls) {
                sum += p;
                if (p > 0) {
                    grossProfit += p;
                    wins++;
                } else if (p < 0) {
                    grossLoss += p;
                    losses++;
                }
            }
            int n = pnls.length;
            // IEEE division gives the documented edge cases: x/0 = +inf, 0/x = 0, 0/0 = NaN.
            return new TradeStats(n, (double) wins / n, grossProfit / Math.abs(grossLoss), sum / n,
                    wins == 0 ? Double.NaN : grossProfit / wins, losses == 0 ? Double.NaN : grossLoss / losses);
        }
    }
}
