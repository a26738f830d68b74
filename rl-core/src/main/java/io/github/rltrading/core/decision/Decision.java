package io.github.rltrading.core.decision;

import java.util.Objects;

/**
 * What a policy wants: a target position as a fraction of the maximum position, the raw action it
 * came from, how sure the policy is, and why.
 *
 * <pre>{@code
 * Decision d = Decision.target(0.5, 0.72, "momentum up on 5m and 15m", "ppo-v3");
 * }</pre>
 *
 * @param action         the policy's raw action (a discrete index or a vector)
 * @param targetPosition desired position in [-1, 1]: -1 full short, 0 flat, 1 full long; a
 *                       "hold" action sets it to the current position
 * @param confidence     in [0, 1]: probability of the chosen action for discrete policies; for
 *                       continuous ones a measure the policy documents
 * @param rationale      human-readable reason, journalled with the decision
 * @param source         who decided: a model version, {@code rules}, {@code fallback}, ...
 */
public record Decision(Action action, double targetPosition, double confidence, String rationale, String source) {

    public Decision {
        Objects.requireNonNull(action, "action");
        rationale = rationale == null ? "" : rationale;
        source = source == null ? "" : source;
        if (!(targetPosition >= -1.0 && targetPosition <= 1.0)) {
            throw new IllegalArgumentException("decision from '" + source
                    + "': targetPosition must be in [-1, 1], got " + targetPosition);
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("decision from '" + source
                    + "': confidence must be in [0, 1], got " + confidence);
        }
    }

    /** A decision whose raw action is the target itself (continuous position sizing). */
    public static Decision target(double targetPosition, double confidence, String rationale, String source) {
        return new Decision(Action.continuous((float) targetPosition), targetPosition, confidence, rationale, source);
    }

    /** A flat decision, e.g. from a fallback. */
    public static Decision flat(String rationale, String source) {
        return target(0.0, 1.0, rationale, source);
    }

    /** The same decision with another target (e.g. after the decision gate scaled it). */
    public Decision withTarget(double newTarget, String why) {
        return new Decision(action, newTarget, confidence, rationale.isEmpty() ? why : rationale + "; " + why, source);
    }
}
