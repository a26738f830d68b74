package io.github.rltrading.learning.hpo;

/**
 * Thrown by an objective to stop a trial the pruner gave up on; the study records the trial as
 * {@link TrialState#PRUNED} with the intermediate values it reported, and goes on.
 *
 * <pre>{@code
 * trial.report(epoch, validationLoss);
 * if (trial.shouldPrune()) {
 *     throw new TrialPruned("pruned at epoch " + epoch);
 * }
 * }</pre>
 */
public final class TrialPruned extends RuntimeException {

    public TrialPruned(String message) {
        super(message, null, false, false);
    }

    public TrialPruned() {
        this("trial pruned");
    }
}
