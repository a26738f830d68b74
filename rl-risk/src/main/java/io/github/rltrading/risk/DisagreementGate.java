package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import java.util.Map;

/**
 * {@code disagreement}: when the reasoner did not simply approve the policy's trade (it answered
 * MODIFY), new risk is scaled down by {@code factor} (½ by default). The reasoner's own size
 * multiplier has already been applied by then; this gate is the floor on caution that holds even
 * when a reasoner modifies without shrinking. Without an assessment (fast path, no reasoner, missed
 * deadline) it approves.
 *
 * <pre>{@code
 * disagreement:
 *   factor: 0.5
 * }</pre>
 */
public final class DisagreementGate extends LimitGate<DisagreementGate.Settings> {

    /** Parsed factor. */
    record Settings(double factor) implements LimitGate.Limits {
        @Override
        public Map<String, Object> describe() {
            return Map.of("factor", factor);
        }
    }

    public DisagreementGate(Config settings) {
        super("disagreement", settings, DisagreementGate::parse);
    }

    private static Settings parse(ConfigValidator v) {
        return new Settings(v.doubleInRange("factor", 0.5, 0.0, 1.0));
    }

    @Override
    public RiskVerdict evaluate(TradeProposal p, RiskContext context) {
        Assessment a = p.assessment();
        if (a == null || a.verdict() == Assessment.Verdict.APPROVE || !p.increasesRisk()) {
            return approve();
        }
        double factor = current().factor();
        // Scale only the part that adds risk: a reversal first closes, then opens the new side.
        double current = p.currentQuantity();
        double target = p.targetQuantity();
        double base = Math.signum(target) == Math.signum(current) ? current : 0;
        double scaled = base + (target - base) * factor;
        return RiskVerdict.reduce(name(), scaled, "the reasoner" + (a.source().isEmpty() ? "" : " (" + a.source() + ")")
                + " answered " + a.verdict() + ": new risk scaled by " + fmt(factor) + " to " + fmt(scaled),
                Map.of("factor", factor, "requested", target, "reasonerConfidence", a.confidence()));
    }
}
