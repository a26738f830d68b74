package io.github.rltrading.core;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.core.decision.Decision;
import java.time.Duration;
import java.util.Objects;

/**
 * Decides how much a policy decision needs a second opinion, by its confidence:
 *
 * <ul>
 *   <li>confidence &ge; {@code fastPath}: act on it without asking the reasoner;</li>
 *   <li>{@code floor} &le; confidence &lt; {@code fastPath}: ask the reasoner, within
 *       {@code deadline}; if it is late or fails, act on the policy alone;</li>
 *   <li>confidence &lt; {@code floor}: take no new risk (the position may shrink, never grow).</li>
 * </ul>
 *
 * When the reasoner answers, the <b>combined confidence</b> {@code policyWeight × policy + (1 −
 * policyWeight) × reasoner} must reach {@code minCombined} for new risk: agreement trades at full
 * size, MODIFY at the reasoner's size (and the risk chain's {@code disagreement} gate may scale it
 * further), and when both are unsure nothing new is opened. After {@code maxFailures} failed calls
 * in a row (late, erroring, unusable) the session stops asking for {@code coolOff} and acts on the
 * policy alone (a circuit breaker).
 *
 * <pre>{@code
 * DecisionGate gate = DecisionGate.builder().fastPath(0.9).floor(0.6).minCombined(0.7)
 *         .deadline(Duration.ofSeconds(2)).build();
 * }</pre>
 *
 * @param fastPath     confidence at and above which the reasoner is skipped, in [0, 1]
 * @param floor        confidence below which no risk is added, in [0, fastPath]
 * @param deadline     how long the reasoner may take, &gt; 0
 * @param minCombined  combined confidence needed for new risk after a reasoner answered, in [0, 1]
 * @param policyWeight the policy's weight in the combined confidence, in [0, 1]
 * @param maxFailures  consecutive reasoner failures that open the circuit breaker, &ge; 1
 * @param coolOff      how long the reasoner is skipped once the breaker is open, &ge; 0
 */
public record DecisionGate(double fastPath, double floor, Duration deadline, double minCombined, double policyWeight,
                           int maxFailures, Duration coolOff) {

    /** The route a decision takes through the gate. */
    public enum Route { FAST_PATH, REASONER, BELOW_FLOOR }

    /** Research defaults for the gate's other settings: combined 0.7, equal weights, 3 failures, 60 s. */
    public DecisionGate(double fastPath, double floor, Duration deadline) {
        this(fastPath, floor, deadline, 0.7, 0.5, 3, Duration.ofSeconds(60));
    }

    public DecisionGate {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(coolOff, "coolOff");
        if (!(minCombined >= 0 && minCombined <= 1) || !(policyWeight >= 0 && policyWeight <= 1)) {
            throw new IllegalArgumentException("decision gate needs minCombined and policyWeight in [0, 1], got minCombined="
                    + minCombined + " policyWeight=" + policyWeight);
        }
        if (maxFailures < 1 || coolOff.isNegative()) {
            throw new IllegalArgumentException("decision gate needs maxFailures >= 1 and coolOff >= 0, got maxFailures="
                    + maxFailures + " coolOff=" + coolOff);
        }
        if (!(fastPath >= 0 && fastPath <= 1) || !(floor >= 0 && floor <= fastPath)) {
            throw new IllegalArgumentException("decision gate needs 0 <= floor <= fastPath <= 1, got floor=" + floor
                    + " fastPath=" + fastPath);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("decision gate deadline must be > 0, got " + deadline);
        }
    }

    /** Sends every decision straight through (no reasoner, no floor). */
    public static DecisionGate passThrough() {
        return new DecisionGate(0.0, 0.0, Duration.ofSeconds(1), 0.0, 0.5, 3, Duration.ofSeconds(60));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads {@code fastPath}, {@code floor}, {@code deadlineMillis}, {@code minCombined},
     * {@code policyWeight}, {@code maxFailures} and {@code coolOffMillis} from a config section,
     * reporting every problem at once. Defaults: 0.9, 0.6, 2000 ms, 0.7, 0.5, 3, 60000 ms.
     */
    public static DecisionGate fromConfig(Config section) {
        ConfigValidator v = section.validator();
        DecisionGate gate = read(v, "");
        v.throwIfInvalid(null);
        return gate;
    }

    /**
     * Reads the gate's keys under {@code prefix} (e.g. {@code "decisionGate."}) into {@code v},
     * recording problems there; returns null when any of them is invalid.
     */
    public static DecisionGate read(ConfigValidator v, String prefix) {
        int before = v.problems().size();
        double fast = v.doubleInRange(prefix + "fastPath", 0.9, 0.0, 1.0);
        double floor = v.doubleInRange(prefix + "floor", 0.6, 0.0, 1.0);
        long millis = v.longValue(prefix + "deadlineMillis", 2000, 1, 600_000);
        double combined = v.doubleInRange(prefix + "minCombined", 0.7, 0.0, 1.0);
        double weight = v.doubleInRange(prefix + "policyWeight", 0.5, 0.0, 1.0);
        int failures = v.intValue(prefix + "maxFailures", 3, 1, 1_000_000);
        long coolOff = v.longValue(prefix + "coolOffMillis", 60_000, 0, 86_400_000L);
        if (v.problems().size() > before) {
            return null;
        }
        if (floor > fast) {
            v.problem(prefix + "floor", floor, "must not exceed fastPath (" + fast + ")");
            return null;
        }
        return new DecisionGate(fast, floor, Duration.ofMillis(millis), combined, weight, failures, Duration.ofMillis(coolOff));
    }

    /** Which route a decision of this confidence takes. */
    public Route route(double confidence) {
        if (confidence >= fastPath) {
            return Route.FAST_PATH;
        }
        return confidence >= floor ? Route.REASONER : Route.BELOW_FLOOR;
    }

    /**
     * Applies a reasoner's assessment to a target position (fractions of the maximum): when the
     * combined confidence is below {@code minCombined} nothing new is opened (the position may only
     * shrink); otherwise APPROVE keeps the target, MODIFY scales the change from the current position
     * by the size multiplier, REJECT keeps the current position.
     */
    public double applyAssessment(double current, double target, Assessment assessment, double policyConfidence) {
        double combined = combinedConfidence(policyConfidence, assessment);
        if (assessment.verdict() != Assessment.Verdict.REJECT && combined < minCombined) {
            return noNewRisk(current, target); // both unsure: nothing new
        }
        return applyAssessment(current, target, assessment);
    }

    /** {@code policyWeight × policy + (1 − policyWeight) × reasoner}. */
    public double combinedConfidence(double policyConfidence, Assessment assessment) {
        return policyWeight * policyConfidence + (1 - policyWeight) * assessment.confidence();
    }

    /**
     * The verdict alone, without the combined-confidence rule: APPROVE keeps the target, MODIFY
     * scales the change by the size multiplier, REJECT keeps the current position.
     */
    public static double applyAssessment(double current, double target, Assessment assessment) {
        return switch (assessment.verdict()) {
            case APPROVE -> target;
            case MODIFY -> current + (target - current) * assessment.sizeMultiplier();
            case REJECT -> current;
        };
    }

    /**
     * The target allowed below the floor: the policy may reduce the position toward flat, never
     * increase or reverse it.
     */
    public static double noNewRisk(double current, double target) {
        if (current == 0.0 || Math.signum(target) != Math.signum(current)) {
            // Flat stays flat; a wish to reverse is honoured only as far as closing.
            return 0.0;
        }
        return Math.abs(target) < Math.abs(current) ? target : current;
    }

    /** Applies the route's rule when no reasoner is consulted (fast path or below floor). */
    public Decision withoutReasoner(Decision decision, double current) {
        return route(decision.confidence()) == Route.BELOW_FLOOR
                ? decision.withTarget(noNewRisk(current, decision.targetPosition()),
                        "confidence " + decision.confidence() + " below floor " + floor + ": no new risk")
                : decision;
    }

    /** Builder with defaults fastPath 0.9, floor 0.6, deadline 2 s, minCombined 0.7, policyWeight 0.5, 3 failures, 60 s. */
    public static final class Builder {
        private double fastPath = 0.9;
        private double floor = 0.6;
        private Duration deadline = Duration.ofSeconds(2);
        private double minCombined = 0.7;
        private double policyWeight = 0.5;
        private int maxFailures = 3;
        private Duration coolOff = Duration.ofSeconds(60);

        public Builder minCombined(double value) {
            this.minCombined = value;
            return this;
        }

        public Builder policyWeight(double value) {
            this.policyWeight = value;
            return this;
        }

        /** Consecutive reasoner failures before it is skipped for {@link #coolOff}. */
        public Builder maxFailures(int value) {
            this.maxFailures = value;
            return this;
        }

        public Builder coolOff(Duration value) {
            this.coolOff = value;
            return this;
        }

        public Builder fastPath(double value) {
            this.fastPath = value;
            return this;
        }

        public Builder floor(double value) {
            this.floor = value;
            return this;
        }

        public Builder deadline(Duration value) {
            this.deadline = value;
            return this;
        }

        public DecisionGate build() {
            return new DecisionGate(fastPath, floor, deadline, minCombined, policyWeight, maxFailures, coolOff);
        }
    }
}
