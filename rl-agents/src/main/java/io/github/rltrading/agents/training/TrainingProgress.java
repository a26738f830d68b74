package io.github.rltrading.agents.training;

import java.util.Map;

/**
 * What every agent reports after an update: PPO's, SAC's and DQN's {@code Progress} records
 * implement it, so that one {@link TrainingCallback} serves them all. A callback that wants an
 * algorithm's own fields matches the record: {@code if (p instanceof Ppo.Progress ppo) ...}.
 */
public interface TrainingProgress {

    /** Environment steps taken so far (over all environments). */
    long steps();

    /** Environment steps per second of wall time since training started. */
    double stepsPerSecond();

    /** Mean return of the last 100 finished episodes; NaN before the first episode ends. */
    double meanEpisodeReturn();

    /** Episodes finished so far. */
    int episodes();

    /**
     * The algorithm's own numbers by name, in a stable order: its losses and the like (PPO
     * {@code policyLoss}, {@code valueLoss}, {@code entropy}; SAC {@code criticLoss},
     * {@code actorLoss}, {@code alpha}; DQN {@code loss}, {@code epsilon}).
     */
    Map<String, Double> statistics();
}
