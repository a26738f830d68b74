/**
 * Reinforcement-learning agents on DJL with the PyTorch engine. So far: PPO
 * ({@link io.github.rltrading.agents.ppo}), double DQN ({@link io.github.rltrading.agents.dqn}),
 * SAC ({@link io.github.rltrading.agents.sac}), the rollout and replay buffers
 * ({@link io.github.rltrading.agents.buffers}) and an MLP with an optional convolution or GRU encoder
 * over the observation window ({@link io.github.rltrading.agents.nn});
 * saving, loading and the policy providers are being built.
 */
package io.github.rltrading.agents;
