/**
 * The trading environment agents learn in: Gymnasium-style {@code reset}/{@code step} over a
 * shared feature matrix, executing on the same {@link io.github.rltrading.env.sim.ExecutionModel}
 * as the simulated broker, with walk-forward splits and a vectorised form.
 */
package io.github.rltrading.env.trading;
