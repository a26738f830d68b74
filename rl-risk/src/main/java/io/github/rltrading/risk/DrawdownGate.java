package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import java.time.Instant;
import java.util.Map;

/**
 * {@code max-drawdown}: a circuit breaker on the fall from the session's equity peak. Once equity is
 * {@code limit} (a fraction, 0.10 = 10 %) below the highest equity seen, no new risk passes for the
 * rest of the session (or episode); with {@code flatten: true} it also closes the position.
 *
 * <pre>{@code
 * max-drawdown:
 *   limit: 0.10
 *   flatten: true
 * }</pre>
 */
public final class DrawdownGate extends LimitGate<DrawdownGate.Settings> {

    /** Parsed limits. */
    record Settings(double limit, boolean flatten) implements LimitGate.Limits {
        @Override
        public Map<String, Object> describe() {
            return Map.of("limit", limit, "flatten", flatten);
        }
    }

    private double peak = Double.NaN;
    private double lastDrawdown;
    private boolean tripped;
    private Instant trippedAt;
    private double lastEquity = Double.NaN;
    /** How far below its peak equity was before a restart, applied at the first bar after it. */
    private double restoredBelowPeak = Double.NaN;

    public DrawdownGate(Config settings) {
        super("max-drawdown", settings, DrawdownGate::parse);
    }

    private static Settings parse(ConfigValidator v) {
        return new Settings(v.doubleInRange("limit", 0.2, 1e-9, 1.0), v.bool("flatten", false));
    }

    private void track(RiskContext context) {
        double equity = context.portfolio().equity();
        lastEquity = equity;
        if (!Double.isNaN(restoredBelowPeak)) {
            peak = equity + restoredBelowPeak;
            restoredBelowPeak = Double.NaN;
        }
        if (Double.isNaN(peak) || equity > peak) {
            peak = equity;
        }
        lastDrawdown = peak > 0 ? (peak - equity) / peak : 1.0;
        if (!tripped && lastDrawdown >= current().limit() - 1e-12) {
            tripped = true;
            trippedAt = context.time();
        }
    }

    @Override
    public RiskVerdict onBar(RiskContext context, double position) {
        track(context);
        if (tripped && current().flatten() && position != 0) {
            return RiskVerdict.reduce(name(), 0, reason() + "; flattening", numbers());
        }
        return null;
    }

    @Override
    public RiskVerdict evaluate(TradeProposal p, RiskContext context) {
        track(context);
        if (!tripped || !p.increasesRisk()) {
            return approve();
        }
        return RiskVerdict.reject(name(), reason() + "; no new risk for the rest of the session", numbers());
    }

    private String reason() {
        return "drawdown " + fmt(lastDrawdown * 100) + " % from the equity peak " + money(peak)
                + " reached the limit " + fmt(current().limit() * 100) + " % at " + trippedAt;
    }

    private Map<String, Double> numbers() {
        return Map.of("peakEquity", peak, "drawdown", lastDrawdown, "limit", current().limit());
    }

    /** Whether the breaker has tripped in this session. */
    public boolean isTripped() {
        return tripped;
    }

    /** How far below the peak equity is, and whether the breaker tripped: a restart keeps them. */
    @Override
    public Map<String, Object> saveState() {
        if (Double.isNaN(peak) || Double.isNaN(lastEquity)) {
            return Map.of();
        }
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("belowPeak", peak - lastEquity);
        saveTrip(m, tripped, trippedAt);
        return m;
    }

    @Override
    public void restoreState(Map<String, Object> state) {
        if (!(state.get("belowPeak") instanceof Number below)) {
            return;
        }
        restoredBelowPeak = below.doubleValue();
        tripped = restoredTripped(state);
        trippedAt = restoredTripTime(state);
    }

    @Override
    public void reset() {
        restoredBelowPeak = Double.NaN;
        lastEquity = Double.NaN;
        peak = Double.NaN;
        lastDrawdown = 0;
        tripped = false;
        trippedAt = null;
    }
}
