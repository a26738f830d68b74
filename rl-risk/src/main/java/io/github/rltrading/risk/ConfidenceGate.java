package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import java.util.Map;

/**
 * {@code min-confidence}: new risk needs a decision at least this confident; exits pass whatever
 * the confidence.
 *
 * <pre>{@code
 * min-confidence:
 *   min: 0.6
 * }</pre>
 */
public final class ConfidenceGate extends LimitGate<ConfidenceGate.Settings> {

    /** Parsed limit. */
    record Settings(double min) implements LimitGate.Limits {
        @Override
        public Map<String, Object> describe() {
            return Map.of("min", min);
        }
    }

    public ConfidenceGate(Config settings) {
        super("min-confidence", settings, ConfidenceGate::parse);
    }

    private static Settings parse(ConfigValidator v) {
        return new Settings(v.doubleInRange("min", 0.5, 0.0, 1.0));
    }

    @Override
    public RiskVerdict evaluate(TradeProposal p, RiskContext context) {
        double min = current().min();
        double confidence = p.decision().confidence();
        if (confidence >= min || !p.increasesRisk()) {
            return approve();
        }
        return RiskVerdict.reject(name(), "confidence " + fmt(confidence) + " is below the minimum " + fmt(min)
                + " for new risk", Map.of("confidence", confidence, "min", min));
    }
}
