/**
 * Experience buffers on primitive arrays (no object per transition): the on-policy
 * {@link io.github.rltrading.agents.buffers.RolloutBuffer} with GAE(λ) for PPO and the off-policy
 * {@link io.github.rltrading.agents.buffers.ReplayBuffer} for SAC and DQN.
 */
package io.github.rltrading.agents.buffers;
