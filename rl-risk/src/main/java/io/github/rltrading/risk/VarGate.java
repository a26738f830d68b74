package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.market.BarSeries;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code var}: Value-at-Risk limit for the position an order would create. Over the last
 * {@code lookback} bar returns, VaR at {@code confidence} over {@code horizon-bars} bars is
 *
 * <ul>
 *   <li>historical: the loss at the (1 − confidence) quantile of the returns (the
 *       ⌊(1 − c)·n⌋-th smallest), scaled by √horizon;</li>
 *   <li>parametric (normal): z<sub>c</sub>·σ·√h − μ·h, with the sample mean μ and deviation σ,</li>
 * </ul>
 * times the position's exposure (price × point value × leverage factor × quantity). A target whose
 * VaR exceeds {@code limit} (currency) or {@code limit-percent} of equity is reduced to the largest
 * that fits. With fewer than {@code lookback} returns the gate rejects new risk.
 *
 * <pre>{@code
 * var:
 *   method: historical      # or parametric
 *   confidence: 0.99        # 0.95 or 0.99 are usual
 *   lookback: 250
 *   horizon-bars: 1
 *   limit-percent: 0.02     # or limit: 2000
 * }</pre>
 */
public final class VarGate extends LimitGate<VarGate.Settings> {

    /** Parsed settings; one of {@code limit} and {@code limitPercent} is NaN. */
    record Settings(boolean historical, double confidence, int lookback, int horizonBars, double limit,
                    double limitPercent) implements LimitGate.Limits {
        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", historical ? "historical" : "parametric");
            m.put("confidence", confidence);
            m.put("lookback", lookback);
            m.put("horizon-bars", horizonBars);
            if (!Double.isNaN(limit)) {
                m.put("limit", limit);
            } else {
                m.put("limit-percent", limitPercent);
            }
            return m;
        }

        double limitFor(double equity) {
            return Double.isNaN(limit) ? limitPercent * Math.max(0, equity) : limit;
        }
    }

    private double[] scratch = new double[0];

    public VarGate(Config settings) {
        super("var", settings, VarGate::parse);
    }

    private static Settings parse(ConfigValidator v) {
        String method = v.oneOf("method", "historical", List.of("historical", "parametric"));
        double confidence = v.doubleInRange("confidence", 0.99, 0.5, 0.9999);
        int lookback = v.intValue("lookback", 250, 10, 1_000_000);
        int horizon = v.intValue("horizon-bars", 1, 1, 100_000);
        double[] limit = amountOrFraction(v, "equity");
        return new Settings("historical".equals(method), confidence, lookback, horizon, limit[0], limit[1]);
    }

    /**
     * The loss fraction at the settings' confidence and horizon from the last {@code lookback}
     * simple returns of {@code h}, or NaN with too little history. Not thread-safe (scratch array).
     */
    double lossFraction(BarSeries h, Settings s) {
        int n = s.lookback();
        int last = h.size() - 1;
        if (last < n) {
            return Double.NaN;
        }
        if (scratch.length < n) {
            scratch = new double[n];
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            int i = last - n + 1 + k;
            double r = h.close(i) / h.close(i - 1) - 1.0;
            scratch[k] = r;
            sum += r;
        }
        double sqrtH = Math.sqrt(s.horizonBars());
        if (s.historical()) {
            Arrays.sort(scratch, 0, n);
            int index = (int) Math.floor((1.0 - s.confidence()) * n);
            return -scratch[Math.min(index, n - 1)] * sqrtH;
        }
        double mean = sum / n;
        double ss = 0;
        for (int k = 0; k < n; k++) {
            double d = scratch[k] - mean;
            ss += d * d;
        }
        double sigma = Math.sqrt(ss / (n - 1));
        return inverseNormal(s.confidence()) * sigma * sqrtH - mean * s.horizonBars();
    }

    @Override
    public RiskVerdict evaluate(TradeProposal p, RiskContext context) {
        if (!p.increasesRisk()) {
            return approve();
        }
        Settings s = current();
        double loss = lossFraction(context.history(), s);
        if (Double.isNaN(loss)) {
            return RiskVerdict.reject(name(), "VaR needs " + (s.lookback() + 1) + " bars of history, "
                    + context.history().size() + " seen; no new risk until then",
                    Map.of("bars", (double) context.history().size(), "lookback", (double) s.lookback()));
        }
        if (loss <= 0) {
            return approve(); // the quantile is a gain: the position adds no VaR at this confidence
        }
        double perUnit = loss * ExposureGate.unitExposure(p.instrument(), p.referencePrice());
        double limit = s.limitFor(context.portfolio().equity());
        double var = Math.abs(p.targetQuantity()) * perUnit;
        if (var <= limit + 1e-9) {
            return approve();
        }
        double maxUnits = Math.floor(limit / perUnit + 1e-9);
        return capAbs(p, maxUnits, "the " + fmt(s.confidence() * 100) + " % " + (s.historical() ? "historical"
                        : "parametric") + " VaR limit " + money(limit) + " (VaR " + money(var) + ", "
                        + money(perUnit) + " per unit)",
                Map.of("var", var, "limit", limit, "varPerUnit", perUnit, "lossFraction", loss));
    }

    /**
     * The standard normal quantile, by Acklam's rational approximation (relative error below
     * 1.2e-9), ample for a risk limit.
     */
    static double inverseNormal(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
        }
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
