package io.github.rltrading.core.decision;

import java.util.List;
import java.util.Objects;

/**
 * A reasoner's pre-trade verdict on a policy's decision.
 *
 * @param verdict        approve as is, modify (scale the size by {@code sizeMultiplier}), or reject
 * @param confidence     the reasoner's confidence in its verdict, in [0, 1]
 * @param riskScore      0 (no risk) … 1 (extreme risk)
 * @param sizeMultiplier for MODIFY, the factor applied to the proposed change, in [0, 1]; 1 for APPROVE, 0 for REJECT
 * @param reasons        short reasons, most important first
 * @param alternative    what the reasoner would do instead, may be empty
 * @param source         which reasoner and model, e.g. {@code ollama:deepseek-r1:8b}, {@code rules}
 */
public record Assessment(Verdict verdict, double confidence, double riskScore, double sizeMultiplier,
                         List<String> reasons, String alternative, String source) {

    /** The three answers a reasoner can give. */
    public enum Verdict { APPROVE, MODIFY, REJECT }

    public Assessment {
        Objects.requireNonNull(verdict, "verdict");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        alternative = alternative == null ? "" : alternative;
        source = source == null ? "" : source;
        requireUnit("confidence", confidence);
        requireUnit("riskScore", riskScore);
        requireUnit("sizeMultiplier", sizeMultiplier);
    }

    public static Assessment approve(double confidence, String reason, String source) {
        return new Assessment(Verdict.APPROVE, confidence, 0.0, 1.0, List.of(reason), "", source);
    }

    public static Assessment reject(double confidence, String reason, String source) {
        return new Assessment(Verdict.REJECT, confidence, 1.0, 0.0, List.of(reason), "", source);
    }

    public static Assessment modify(double confidence, double sizeMultiplier, String reason, String source) {
        return new Assessment(Verdict.MODIFY, confidence, 0.5, sizeMultiplier, List.of(reason), "", source);
    }

    private static void requireUnit(String field, double v) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException("assessment " + field + " must be in [0, 1], got " + v);
        }
    }
}
