package io.github.rltrading.learning.hpo;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Chooses the next trial's parameters from the trials that finished.
 *
 * <p>A sampler holds no random state of its own: the study hands it a generator seeded from the
 * study's seed and the trial's number, so a trial's parameters depend only on that seed and the
 * history, and a resumed study samples as the uninterrupted one would have.
 */
public interface Sampler {

    /**
     * The parameters for the next trial: one value per parameter of {@code space}, each within its
     * distribution ({@link Double}, {@link Integer} or {@link String}, as {@link Distribution} says).
     *
     * @param space    what to sample
     * @param finished the study's finished trials (COMPLETE, PRUNED and FAIL) in number order; trials
     *                 still running are not among them
     * @param direction whether lower or higher values are better
     * @param random   the only source of randomness to use
     */
    Map<String, Object> sample(SearchSpace space, List<TrialRecord> finished, Direction direction, RandomGenerator random);

    /** A short text naming the sampler and its settings, stored with the study for the audit. */
    default String description() {
        return getClass().getSimpleName();
    }
}
