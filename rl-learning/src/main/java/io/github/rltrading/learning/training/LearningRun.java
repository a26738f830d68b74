package io.github.rltrading.learning.training;

import io.github.rltrading.learning.experience.ExperienceStats;
import java.time.Instant;

/**
 * What one run of continuous learning did; every run is recorded in the learning database.
 *
 * @param id                  sequence number
 * @param instrument          the instrument learned for
 * @param mode                the mode it ran in
 * @param started             when it started
 * @param finished            when it finished
 * @param outcome             what came of it
 * @param newExperiences      experiences since the previous retraining
 * @param challenger          the challenger's registry version, "" when none was trained
 * @param production          the production version it was compared with, "" when there was none
 * @param challengerTest      the challenger's out-of-sample evaluation, null when none
 * @param productionTest      production's evaluation on the same range, null when none
 * @param reason              why: the promotion verdict, why it was skipped, or the error
 * @param stats               the partition's statistics (maintenance), null in other modes
 * @param exportedExamples    fine-tuning examples written (fine-tune mode), 0 otherwise
 */
public record LearningRun(long id, String instrument, ContinuousLearner.Mode mode, Instant started, Instant finished, Outcome outcome,
        long newExperiences, String challenger, String production, Evaluation challengerTest, Evaluation productionTest, String reason,
        ExperienceStats stats, long exportedExamples) {

    /** What came of a run. */
    public enum Outcome {
        /** Not enough new experience yet. */
        SKIPPED,
        /** A challenger was trained and judged no better: production kept. */
        KEPT,
        /** A challenger was trained and promoted. */
        PROMOTED,
        /** A challenger passed the backtest rule and now shadows production before promotion. */
        NOMINATED,
        /** Maintenance or export only. */
        DONE,
        /** It failed; production untouched. */
        FAILED
    }
}
