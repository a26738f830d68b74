package io.github.rltrading.core.decision;

import java.util.Map;
import java.util.Objects;

/**
 * One risk gate's answer about a {@link TradeProposal}.
 *
 * <pre>{@code
 * RiskVerdict.approve("max-position");
 * RiskVerdict.reduce("max-position", 2, "limit is 2 contracts", Map.of("limit", 2.0, "requested", 5.0));
 * RiskVerdict.reject("kill-switch", "kill switch is on since 14:02Z", Map.of());
 * }</pre>
 *
 * @param gate             the gate's name
 * @param outcome          approve, reduce or reject
 * @param approvedQuantity for REDUCE, the signed target quantity the gate allows (between the current
 *                         and the proposed quantity); for APPROVE the proposed target; for REJECT NaN
 * @param reason           why, in words; empty for a plain approval
 * @param numbers          the numbers behind the answer (limit, requested, current, ...)
 */
public record RiskVerdict(String gate, Outcome outcome, double approvedQuantity, String reason,
                          Map<String, Double> numbers) {

    /** A gate's three answers. */
    public enum Outcome { APPROVE, REDUCE, REJECT }

    public RiskVerdict {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(outcome, "outcome");
        reason = reason == null ? "" : reason;
        numbers = numbers == null ? Map.of() : Map.copyOf(numbers);
        if (outcome == Outcome.REDUCE && !Double.isFinite(approvedQuantity)) {
            throw new IllegalArgumentException("risk gate " + gate + ": a REDUCE needs a finite approvedQuantity, got "
                    + approvedQuantity);
        }
    }

    /** Approves the proposal as it is; {@code approvedQuantity} is NaN and means "as proposed". */
    public static RiskVerdict approve(String gate) {
        return new RiskVerdict(gate, Outcome.APPROVE, Double.NaN, "", Map.of());
    }

    public static RiskVerdict reduce(String gate, double approvedQuantity, String reason, Map<String, Double> numbers) {
        return new RiskVerdict(gate, Outcome.REDUCE, approvedQuantity, reason, numbers);
    }

    public static RiskVerdict reject(String gate, String reason, Map<String, Double> numbers) {
        return new RiskVerdict(gate, Outcome.REJECT, Double.NaN, reason, numbers);
    }

    public boolean isReject() {
        return outcome == Outcome.REJECT;
    }
}
