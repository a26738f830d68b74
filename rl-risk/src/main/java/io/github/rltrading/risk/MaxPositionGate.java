package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code max-position}: the largest position, in contracts or shares, on either side.
 *
 * <pre>{@code
 * max-position:
 *   limit: 2            # any instrument
 *   per-symbol:         # optional, overrides the limit for these symbols
 *     MES: 10
 * }</pre>
 *
 * A target beyond the limit is reduced to it; when the position already sits at or beyond the
 * limit (the limit was lowered), new risk is rejected while reductions still pass.
 */
public final class MaxPositionGate extends LimitGate<MaxPositionGate.Settings> {

    /** Parsed limits. */
    record Settings(double limit, Map<String, Double> perSymbol) implements LimitGate.Limits {
        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("limit", limit);
            if (!perSymbol.isEmpty()) {
                m.put("per-symbol", perSymbol);
            }
            return m;
        }

        double limitFor(String symbol) {
            Double own = perSymbol.get(symbol);
            return own == null ? limit : own;
        }
    }

    public MaxPositionGate(Config settings) {
        super("max-position", settings, MaxPositionGate::parse);
    }

    private static Settings parse(ConfigValidator v) {
        double limit = v.nonNegativeDouble("limit", 1);
        Map<String, Double> per = new LinkedHashMap<>();
        Config section = v.config().section("per-symbol");
        for (String symbol : section.keys()) {
            double value;
            try {
                value = section.getDouble(symbol).orElse(Double.NaN);
            } catch (RuntimeException e) {
                value = Double.NaN;
            }
            if (!(value >= 0) || Double.isInfinite(value)) {
                v.problem("per-symbol." + symbol, section.get(symbol).orElse(null), "must be a number >= 0");
            } else {
                per.put(symbol, value);
            }
        }
        return new Settings(limit, Map.copyOf(per));
    }

    @Override
    public RiskVerdict evaluate(TradeProposal p, RiskContext context) {
        Settings s = current();
        double limit = s.limitFor(p.instrument().symbol());
        if (Math.abs(p.targetQuantity()) <= limit + 1e-9 || !p.increasesRisk()) {
            return approve();
        }
        return capAbs(p, limit, "the position limit " + fmt(limit) + " for " + p.instrument().symbol(),
                Map.of("limit", limit, "requested", p.targetQuantity(), "current", p.currentQuantity()));
    }
}
