package io.github.rltrading.core.spi;

/**
 * Scores one environment step for a trading agent.
 *
 * <pre>{@code
 * RewardFunction pnl = in -> (in.equityAfter() - in.equityBefore()) / in.equityBefore();
 * }</pre>
 */
@FunctionalInterface
public interface RewardFunction {

    double reward(Input input);

    /** Forgets per-episode state (running averages); called by environments on every reset. */
    default void reset() {}

    /**
     * Names of the parts the last reward was made of (e.g. {@code pnl}, {@code drawdown_penalty}),
     * for the step's info; empty by default.
     */
    default java.util.List<String> componentNames() {
        return java.util.List.of();
    }

    /**
     * Value of part {@code i} (in {@link #componentNames()} order) of the last {@link #reward}
     * call. Environments read it without allocating.
     */
    default double component(int i) {
        throw new IndexOutOfBoundsException("reward has no component " + i);
    }

    /**
     * What a reward can depend on for one step.
     *
     * @param equityBefore   account equity before the step
     * @param equityAfter    account equity after the step (marked to the step's close)
     * @param positionBefore position (fraction of max) before the step
     * @param positionAfter  position (fraction of max) after the step
     * @param costs          commissions and slippage paid in the step, in currency
     * @param drawdown       drawdown from the equity peak after the step, as a fraction
     */
    record Input(double equityBefore, double equityAfter, double positionBefore, double positionAfter, double costs,
                 double drawdown) {}
}
