/**
 * Market data and environments: everything an agent sees comes from this module.
 *
 * <ul>
 *   <li>{@link io.github.rltrading.env.data}: loaders for NinjaTrader 8 exports and CSV files, with
 *       file/line errors or a lenient load report.</li>
 *   <li>{@link io.github.rltrading.env.bars}: trading hours, aggregation across timeframes and
 *       look-ahead-safe alignment of higher timeframes to a 1-minute step.</li>
 *   <li>{@link io.github.rltrading.env.features}: named, versioned feature sets precomputed into a
 *       float matrix.</li>
 *   <li>{@link io.github.rltrading.env.normalize}: frozen and online normalisation.</li>
 *   <li>{@link io.github.rltrading.env.synthetic}: seeded synthetic markets.</li>
 *   <li>{@link io.github.rltrading.env.classic}: CartPole and Pendulum, for RL correctness tests.</li>
 * </ul>
 */
package io.github.rltrading.env;
