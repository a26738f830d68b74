/**
 * Hyperparameter search: a {@link io.github.rltrading.learning.hpo.SearchSpace}, a
 * {@link io.github.rltrading.learning.hpo.Sampler} that draws each trial's parameters (TPE as
 * Optuna defines it, or random search), a {@link io.github.rltrading.learning.hpo.MedianPruner}
 * that stops trials reporting worse intermediate values than the median, and a
 * {@link io.github.rltrading.learning.hpo.Study} that runs trials in parallel and records every
 * one of them in a {@link io.github.rltrading.learning.hpo.StudyStorage}, so an interrupted search
 * resumes where it stopped.
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.builder()
 *         .logUniform("learningRate", 1e-5, 1e-2)
 *         .integer("batchSize", 32, 512, true)
 *         .categorical("activation", List.of("tanh", "relu"))
 *         .build();
 * try (LearningDatabase db = LearningDatabase.open(Path.of("learning.db"))) {
 *     Study study = Study.builder("ppo-es", space)
 *             .direction(Direction.MAXIMIZE)
 *             .storage(DatabaseStudyStorage.open(db))
 *             .parallelism(1)          // exactly reproducible for a seed
 *             .seed(42)
 *             .build();                // creates the study or resumes it
 *     TrialRecord best = study.optimize(trial -> {
 *         double sharpe = 0;
 *         for (int epoch = 0; epoch < 10; epoch++) {
 *             sharpe = trainOneEpochAndEvaluate(trial.getDouble("learningRate"), trial.getInt("batchSize"),
 *                     trial.getString("activation"));
 *             trial.report(epoch, sharpe);
 *             if (trial.shouldPrune()) {
 *                 throw new TrialPruned("pruned at epoch " + epoch);
 *             }
 *         }
 *         return sharpe;
 *     }, 50);
 * }
 * }</pre>
 *
 * <p>docs/hpo.md describes the algorithm, the resume rules and the reproducibility guarantees.
 */
package io.github.rltrading.learning.hpo;
