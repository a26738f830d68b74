package io.github.rltrading.learning.training;

import java.util.Map;

/**
 * The hyperparameter search every retraining runs. The tuner owns the search space and the
 * sampler; the learner supplies the objective: train a candidate with these hyperparameters and
 * score it on the validation range (higher is better). {@link TpeTuner} is the default.
 */
@FunctionalInterface
public interface HyperparameterTuner {

    /**
     * Runs {@code trials} trials of {@code objective} in the study {@code studyName} (a study that
     * exists is resumed) and returns the best.
     */
    Result tune(String studyName, int trials, Objective objective);

    /** Trains and scores one candidate. */
    @FunctionalInterface
    interface Objective {
        /** The validation score of a candidate trained with {@code hyperparameters} (higher is better). */
        double score(int trialNumber, Map<String, Object> hyperparameters) throws Exception;
    }

    /**
     * The search's outcome.
     *
     * @param bestTrial      the number of the best trial
     * @param best           its hyperparameters
     * @param bestScore      its score
     * @param completed      trials that finished
     * @param failed         trials that threw
     */
    record Result(int bestTrial, Map<String, Object> best, double bestScore, int completed, int failed) {}
}
