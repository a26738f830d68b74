/**
 * Drift detection: has the market the model now trades moved away from the one it was trained on?
 *
 * <ul>
 *   <li>{@link io.github.rltrading.learning.drift.ReferenceDistribution}: each feature's training
 *       distribution (a bounded, seeded sample of it).</li>
 *   <li>{@link io.github.rltrading.learning.drift.PopulationStabilityIndex} and
 *       {@link io.github.rltrading.learning.drift.KolmogorovSmirnov}: per-feature tests of a window of
 *       live values against it.</li>
 *   <li>{@link io.github.rltrading.learning.drift.PageHinkley}: a streaming test for a drop in the
 *       live reward's mean.</li>
 *   <li>{@link io.github.rltrading.learning.drift.DriftMonitor}: runs all three on a live session's
 *       rows and rewards, raises {@link io.github.rltrading.learning.drift.DriftEvent}s (journal,
 *       listeners) and asks a {@link io.github.rltrading.learning.drift.RetrainRequester} for a
 *       retrain, at most once per cooldown.</li>
 * </ul>
 *
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.builder("ES", ReferenceDistribution.fromMatrix(training))
 *         .retrainRequester((instrument, reason) -> retrainQueue.offer(instrument))
 *         .build();
 * monitor.observe(featureRow);
 * monitor.observeReward(reward);
 * }</pre>
 *
 * <p>See {@code docs/drift.md} for the statistics, their defaults and what happens on drift.
 */
package io.github.rltrading.learning.drift;
