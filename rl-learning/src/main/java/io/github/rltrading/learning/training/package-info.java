/**
 * Training and judging models for the learning loops: {@link io.github.rltrading.learning.training.PpoTrainer}
 * trains (from scratch or warm-started) and backtests on a walk-forward split, and
 * {@link io.github.rltrading.learning.training.ContinuousLearner} runs continuous learning: after
 * enough new experience, a hyperparameter search from the production model's weights, a challenger
 * judged against production on the same out-of-sample range, and promotion only when it is better
 * by the rule.
 */
package io.github.rltrading.learning.training;
