/**
 * Simulated execution: one {@link io.github.rltrading.env.sim.ExecutionModel} (fills at the next
 * bar's open, slippage, commission, spread, intrabar triggers with a conservative path) used by
 * the {@link io.github.rltrading.env.sim.SimBroker} and by the training environment, and a replay
 * feed of stored bars.
 */
package io.github.rltrading.env.sim;
