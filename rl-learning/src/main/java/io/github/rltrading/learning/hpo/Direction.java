package io.github.rltrading.learning.hpo;

/** Whether a study looks for the lowest or the highest objective value. */
public enum Direction {
    /** Lower is better (a loss, a drawdown). The default, as in Optuna. */
    MINIMIZE,
    /** Higher is better (a return, a Sharpe ratio). */
    MAXIMIZE;

    /** True when {@code candidate} is strictly better than {@code incumbent} in this direction. */
    public boolean isBetter(double candidate, double incumbent) {
        return this == MINIMIZE ? candidate < incumbent : candidate > incumbent;
    }

    /** {@code value} turned into a loss: itself when minimising, its negation when maximising. */
    double toLoss(double value) {
        return this == MINIMIZE ? value : -value;
    }
}
