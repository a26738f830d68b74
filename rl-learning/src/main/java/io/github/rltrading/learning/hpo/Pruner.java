package io.github.rltrading.learning.hpo;

import java.util.List;

/** Decides whether a running trial should stop early, from what it reported so far. */
public interface Pruner {

    /**
     * Whether to stop {@code trial}.
     *
     * @param trial     the running trial, with the intermediate values it reported so far
     * @param finished  the study's finished trials (COMPLETE, PRUNED and FAIL) in number order
     * @param direction whether lower or higher values are better
     */
    boolean shouldPrune(TrialRecord trial, List<TrialRecord> finished, Direction direction);

    /** A short text naming the pruner and its settings, for logs. */
    default String description() {
        return getClass().getSimpleName();
    }

    /** Never prunes. */
    static Pruner none() {
        return new Pruner() {
            @Override
            public boolean shouldPrune(TrialRecord trial, List<TrialRecord> finished, Direction direction) {
                return false;
            }

            @Override
            public String description() {
                return "no pruning";
            }
        };
    }
}
