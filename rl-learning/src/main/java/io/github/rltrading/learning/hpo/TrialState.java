package io.github.rltrading.learning.hpo;

/** Where a trial stands; every state but {@link #RUNNING} is final. */
public enum TrialState {
    /** Parameters sampled, objective running (or the process died while it ran). */
    RUNNING,
    /** The objective returned a value. */
    COMPLETE,
    /** The objective stopped early on the pruner's advice ({@link TrialPruned}). */
    PRUNED,
    /** The objective threw, returned NaN, or its process stopped while it ran ("interrupted"). */
    FAIL;

    public boolean isFinished() {
        return this != RUNNING;
    }
}
