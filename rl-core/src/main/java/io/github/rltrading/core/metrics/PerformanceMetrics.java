package io.github.rltrading.core.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * Computes a {@link PerformanceReport} from an equity curve or a series of simple returns, with the
 * definitions of the {@code empyrical} library (Quantopian), so numbers can be compared with
 * pyfolio/empyrical output.
 *
 * <pre>{@code
 * PerformanceReport r = PerformanceMetrics.builder()
 *         .equityCurve(result.equity())
 *         .periodsPerYear(PerformanceMetrics.periodsPerYear(Duration.ofMinutes(1), 6.5, 252))
 *         .tradePnls(netPnls)
 *         .compute();
 * System.out.println(r.summary());
 * }</pre>
 *
 * <p>Definitions, with {@code r} the simple returns, {@code n} their number, {@code P} the periods
 * per year and {@code rf} the per-period risk-free rate (default 0):
 * <ul>
 *   <li>returns from equity: {@code r[t] = E[t] / E[t-1] - 1};</li>
 *   <li>total return: {@code prod(1 + r) - 1};</li>
 *   <li>annual return (CAGR): {@code (1 + total)^(P / n) - 1};</li>
 *   <li>annual volatility: {@code std(r, ddof = 1) * sqrt(P)};</li>
 *   <li>Sharpe: {@code mean(r - rf) / std(r - rf, ddof = 1) * sqrt(P)};</li>
 *   <li>Sortino: {@code mean(r - rf) * P / downside}, where
 *       {@code downside = sqrt(mean(min(r - rf, 0)^2)) * sqrt(P)}, the mean taken over all periods;</li>
 *   <li>max drawdown: with wealth {@code W[0] = 1, W[t] = W[t-1] (1 + r[t])}, the minimum of
 *       {@code W[t] / max(W[0..t]) - 1} (a value &le; 0);</li>
 *   <li>Calmar: {@code annual return / |max drawdown|}, NaN when there was no drawdown;</li>
 *   <li>trades (net P&amp;L per closed trade): win rate {@code wins / trades} (a win is P&amp;L &gt; 0),
 *       profit factor {@code gross profit / |gross loss|}, expectancy (mean P&amp;L), average
 *       win and average loss;</li>
 *   <li>exposure: the fraction of periods with a non-zero position;</li>
 *   <li>turnover: {@code sum(traded notional) / mean(equity)}.</li>
 * </ul>
 * Divisions follow IEEE arithmetic as numpy does: {@code 0/0} is NaN (Sharpe of a flat curve) and
 * {@code x/0} is ±infinity (profit factor without losses). A standard deviation with
 * {@code ddof = 1} of a single return is NaN.
 *
 * <p>Indices in {@link PerformanceReport.Drawdown} are wealth indices: index {@code i} is equity
 * curve point {@code i}; for a return series, index 0 is the start before the first return and
 * index {@code t} follows return {@code t - 1}.
 */
public final class PerformanceMetrics {

    private double[] equity;
    private double[] returns;
    private double periodsPerYear = 252;
    private double riskFreeRate;
    private double[] tradePnls;
    private double[] positions;
    private double[] tradedNotional;

    private PerformanceMetrics() {}

    public static PerformanceMetrics builder() {
        return new PerformanceMetrics();
    }

    /**
     * Periods per year for bars of {@code barLength} in sessions of {@code tradingHoursPerDay}:
     * 1-minute bars in the 6.5-hour US cash session, 252 days: 390 × 252 = 98,280.
     */
    public static double periodsPerYear(Duration barLength, double tradingHoursPerDay, int tradingDaysPerYear) {
        Objects.requireNonNull(barLength, "barLength");
        if (barLength.isNegative() || barLength.isZero() || !(tradingHoursPerDay > 0) || tradingDaysPerYear < 1) {
            throw new IllegalArgumentException("periodsPerYear needs a positive bar length, hours per day and days per year, got "
                    + barLength + ", " + tradingHoursPerDay + ", " + tradingDaysPerYear);
        }
        double barsPerDay = tradingHoursPerDay * 3600.0 / (barLength.toNanos() / 1e9);
        return barsPerDay * tradingDaysPerYear;
    }

    /** Account equity per period (each value finite and &gt; 0). Use this or {@link #returns}. */
    public PerformanceMetrics equityCurve(double[] values) {
        this.equity = Objects.requireNonNull(values, "equity curve").clone();
        return this;
    }

    /** Simple returns per period (each finite and &ge; -1). Use this or {@link #equityCurve}. */
    public PerformanceMetrics returns(double[] values) {
        this.returns = Objects.requireNonNull(values, "returns").clone();
        return this;
    }

    /** Annualisation factor: 252 for daily bars (the default), 98,280 for 1-minute RTH bars. */
    public PerformanceMetrics periodsPerYear(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("periodsPerYear must be a finite number > 0, got " + value);
        }
        this.periodsPerYear = value;
        return this;
    }

    /** Risk-free rate per period (not per year), as empyrical; default 0. */
    public PerformanceMetrics riskFreeRate(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("riskFreeRate must be finite, got " + value);
        }
        this.riskFreeRate = value;
        return this;
    }

    /** Net P&amp;L (after commissions) of each closed trade, for the trade statistics. */
    public PerformanceMetrics tradePnls(double[] values) {
        this.tradePnls = Objects.requireNonNull(values, "trade P&Ls").clone();
        return this;
    }

    /** Position held in each period (any unit; only zero versus non-zero matters), for exposure. */
    public PerformanceMetrics positions(double[] values) {
        this.positions = Objects.requireNonNull(values, "positions").clone();
        return this;
    }

    /** |Notional| traded in each period, for turnover; needs an equity curve. */
    public PerformanceMetrics tradedNotional(double[] values) {
        this.tradedNotional = Objects.requireNonNull(values, "traded notional").clone();
        return this;
    }

    /**
     * Computes the report.
     *
     * @throws IllegalArgumentException for missing, empty or invalid input, naming the input, the
     *                                  index and the value
     */
    public PerformanceReport compute() {
        if ((equity == null) == (returns == null)) {
            throw new IllegalArgumentException("performance metrics need exactly one of equityCurve(..) or returns(..)"
                    + (equity == null ? ", got neither" : ", got both"));
        }
        double[] r = equity != null ? returnsFromEquity(equity) : checkedReturns(returns);
        int n = r.length;

        double[] wealth = new double[n + 1];
        wealth[0] = 1.0;
        for (int i = 0; i < n; i++) {
            wealth[i + 1] = wealth[i] * (1.0 + r[i]);
        }
        double total = wealth[n] - 1.0;
        double annual = Math.pow(1.0 + total, periodsPerYear / n) - 1.0;

        double meanExcess = 0;
        for (double v : r) {
            meanExcess += v - riskFreeRate;
        }
        meanExcess /= n;
        double std = sampleStd(r, riskFreeRate);
        double sqrtP = Math.sqrt(periodsPerYear);
        double volatility = sampleStd(r, 0.0) * sqrtP;
        double sharpe = meanExcess / std * sqrtP;

        double downsideSquares = 0;
        for (double v : r) {
            double d = Math.min(v - riskFreeRate, 0.0);
            downsideSquares += d * d;
        }
        double downside = Math.sqrt(downsideSquares / n) * sqrtP;
        double sortino = meanExcess * periodsPerYear / downside;

        PerformanceReport.Drawdown dd = maxDrawdown(wealth);
        double calmar = dd.value() < 0 ? annual / Math.abs(dd.value()) : Double.NaN;

        TradeStats trades = tradeStats(tradePnls);
        double exposure = exposure(positions);
        double turnover = turnover(tradedNotional);
        return new PerformanceReport(total, annual, volatility, sharpe, sortino, dd, calmar, trades.winRate,
                trades.profitFactor, trades.expectancy, trades.averageWin, trades.averageLoss, exposure, turnover,
                trades.count, n);
    }

    private static double[] returnsFromEquity(double[] e) {
        if (e.length < 2) {
            throw new IllegalArgumentException("equity curve has " + e.length
                    + " point(s); metrics need at least 2 (one return)");
        }
        for (int i = 0; i < e.length; i++) {
            if (!(e[i] > 0) || Double.isInfinite(e[i])) {
                throw new IllegalArgumentException("equity curve[" + i + "] = " + e[i]
                        + ": every equity value must be a finite number > 0 (returns are undefined at or below zero); "
                        + "remove NaNs and end the curve where the account was wiped out");
            }
        }
        double[] r = new double[e.length - 1];
        for (int i = 1; i < e.length; i++) {
            r[i - 1] = e[i] / e[i - 1] - 1.0;
        }
        return r;
    }

    private static double[] checkedReturns(double[] r) {
        if (r.length == 0) {
            throw new IllegalArgumentException("returns are empty; metrics need at least one return");
        }
        for (int i = 0; i < r.length; i++) {
            if (!(r[i] >= -1.0) || Double.isInfinite(r[i])) {
                throw new IllegalArgumentException("returns[" + i + "] = " + r[i]
                        + ": every return must be a finite number >= -1 (a simple return, -1 is a total loss); "
                        + "remove NaNs before computing metrics");
            }
        }
        return r;
    }

    /** Standard deviation of {@code r - shift} with ddof = 1; NaN for fewer than two values. */
    private static double sampleStd(double[] r, double shift) {
        int n = r.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : r) {
            mean += v - shift;
        }
        mean /= n;
        double ss = 0;
        for (double v : r) {
            double d = v - shift - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1));
    }

    private static PerformanceReport.Drawdown maxDrawdown(double[] wealth) {
        double peak = wealth[0];
        int peakIndex = 0;
        double worst = 0.0;
        int worstPeak = 0;
        int trough = 0;
        for (int t = 1; t < wealth.length; t++) {
            if (wealth[t] >= peak) {
                peak = wealth[t];
                peakIndex = t;
            }
            double dd = wealth[t] / peak - 1.0;
            if (dd < worst) {
                worst = dd;
                trough = t;
                worstPeak = peakIndex;
            }
        }
        if (worst == 0.0) {
            return new PerformanceReport.Drawdown(0.0, 0, 0, 0, 0);
        }
        int recovery = -1;
        for (int t = trough + 1; t < wealth.length; t++) {
            if (wealth[t] >= wealth[worstPeak]) {
                recovery = t;
                break;
            }
        }
        int end = recovery >= 0 ? recovery : wealth.length - 1;
        return new PerformanceReport.Drawdown(worst, worstPeak, trough, recovery, end - worstPeak);
    }

    private record TradeStats(int count, double winRate, double profitFactor, double expectancy, double averageWin,
                              double averageLoss) {}

    private static TradeStats tradeStats(double[] pnls) {
        if (pnls == null || pnls.length == 0) {
            return new TradeStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double grossProfit = 0;
        double grossLoss = 0;
        int wins = 0;
        int losses = 0;
        for (int i = 0; i < pnls.length; i++) {
            double p = pnls[i];
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException("trade P&Ls[" + i + "] = " + p + ": every trade P&L must be finite");
            }
            if (p > 0) {
                grossProfit += p;
                wins++;
            } else if (p < 0) {
                grossLoss += p;
                losses++;
            }
        }
        int n = pnls.length;
        return new TradeStats(n, (double) wins / n, grossProfit / Math.abs(grossLoss), (grossProfit + grossLoss) / n,
                wins == 0 ? Double.NaN : grossProfit / wins, losses == 0 ? Double.NaN : grossLoss / losses);
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

    private double turnover(double[] traded) {
        if (traded == null) {
            return Double.NaN;
        }
        if (equity == null) {
            throw new IllegalArgumentException("tradedNotional needs an equity curve: turnover is traded notional / mean "
                    + "equity; use equityCurve(..) instead of returns(..)");
        }
        double sum = 0;
        for (double t : traded) {
            sum += Math.abs(t);
        }
        double meanEquity = 0;
        for (double e : equity) {
            meanEquity += e;
        }
        meanEquity /= equity.length;
        return sum / meanEquity;
    }
}
