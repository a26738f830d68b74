package io.github.rltrading.env.trading;

/**
 * Where risk gates clip actions inside the environment, so that an agent trains under the limits
 * it will trade under. Called once per step with the agent's target; returns the target to execute.
 */
@FunctionalInterface
public interface TargetFilter {

    /** No change. */
    TargetFilter NONE = (target, current, equity, drawdown) -> target;

    /**
     * @param target   the agent's target position, a fraction of the maximum in [-1, 1]
     * @param current  the current position fraction
     * @param equity   account equity now
     * @param drawdown drawdown from the episode's equity peak, a fraction
     * @return the target to execute, in [-1, 1]
     */
    double filter(double target, double current, double equity, double drawdown);
}
