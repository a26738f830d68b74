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
 * <pre>{@code
 * DecisionGate gate = DecisionGate.builder().fastPath(0.8).floor(0.3).deadline(Duration.ofSeconds(2)).build();
 * }</pre>
 *
 * @param fastPath confidence at and above which the reasoner is skipped, in [0, 1]
 * @param floor    confidence below which no risk is added, in [0, fastPath]
 * @param deadline how long the reasoner may take, &gt; 0
 */
public record DecisionGate(double fastPath, double floor, Duration deadline) {

    /** The route a decision takes through the gate. */
    public enum Route { FAST_PATH, REASONER, BELOW_FLOOR }

    public DecisionGate {
        Objects.requireNonNull(deadline, "deadline");
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
        return new DecisionGate(0.0, 0.0, Duration.ofSeconds(1));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads {@code fastPath}, {@code floor} and {@code deadlineMillis} from a config section,
     * reporting every problem at once. Defaults: 0.8, 0.3, 2000 ms.
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
        double fast = v.doubleInRange(prefix + "fastPath", 0.8, 0.0, 1.0);
        double floor = v.doubleInRange(prefix + "floor", 0.3, 0.0, 1.0);
        long millis = v.longValue(prefix + "deadlineMillis", 2000, 1, 600_000);
        if (v.problems().size() > before) {
            return null;
        }
        if (floor > fast) {
            v.problem(prefix + "floor", floor, "must not exceed fastPath (" + fast + ")");
            return null;
        }
        return new DecisionGate(fast, floor, Duration.ofMillis(millis));
    }

    /** Which route a decision of this confidence takes. */
    public Route route(double confidence) {
        if (confidence >= fastPath) {
            return Route.FAST_PATH;
        }
        return confidence >= floor ? Route.REASONER : Route.BELOW_FLOOR;
    }

    /**
     * Applies a reasoner's assessment to a target position (fractions of the maximum): APPROVE
     * keeps it, MODIFY scales the change from the current position by the size multiplier, REJECT
     * keeps the current position.
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

    /** Builder with defaults fastPath 0.8, floor 0.3, deadline 2 s. */
    public static final class Builder {
        private double fastPath = 0.8;
        private double floor = 0.3;
        private Duration deadline = Duration.ofSeconds(2);

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
            return new DecisionGate(fastPath, floor, deadline);
        }
    }
}
