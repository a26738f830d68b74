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
