/**
 * The spec's two-agent setup: a PPO agent on a stock and a SAC agent on a leveraged ETF trading one
 * account behind one risk chain ({@link io.github.rltrading.examples.twoagents.TwoAgentApp}).
 */
package io.github.rltrading.examples.twoagents;
