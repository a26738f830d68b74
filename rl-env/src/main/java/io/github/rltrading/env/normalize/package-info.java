/**
 * Feature normalisation for RL observations.
 *
 * <p>Feature data is a row-major {@code float[]} matrix: row {@code r}, column {@code c} at
 * {@code data[r * cols + c]}, with one name per column and an optional feature-set hash that
 * identifies the feature set that produced it. NaN marks a value that is not valid yet (indicator
 * warm-up).
 *
 * <ul>
 *   <li>{@link io.github.rltrading.env.normalize.Normalizer} fits a frozen
 *       {@link io.github.rltrading.env.normalize.FittedNormalization} (z-score or median/IQR) on the
 *       training rows only, so nothing from later periods leaks into it. Constant columns get scale
 *       1; an optional clip bounds the output; NaN stays NaN or becomes 0.
 *   <li>{@link io.github.rltrading.env.normalize.FittedNormalization} applies it allocation-free, is
 *       saved and loaded as JSON with bit-identical results, and checks with
 *       {@link io.github.rltrading.env.normalize.FittedNormalization#requireCompatible
 *       requireCompatible} that it is applied to the features it was fitted on.
 *   <li>{@link io.github.rltrading.env.normalize.OnlineNormalizer} keeps running (Welford or
 *       exponentially weighted) statistics for live use, optionally seeded from a fitted one.
 *   <li>{@link io.github.rltrading.env.normalize.ColumnStatistics} records the distribution of each
 *       fitted column (moments, quantiles, fixed-edge histogram) and measures drift of new data
 *       with the population stability index and an approximate Kolmogorov&ndash;Smirnov statistic.
 * </ul>
 */
package io.github.rltrading.env.normalize;
