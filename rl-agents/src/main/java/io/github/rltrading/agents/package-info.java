/**
 * Reinforcement-learning agents on DJL with the PyTorch engine: PPO
 * ({@link io.github.rltrading.agents.ppo}), DQN (optionally double; {@link io.github.rltrading.agents.dqn}),
 * SAC ({@link io.github.rltrading.agents.sac}), the rollout and replay buffers
 * ({@link io.github.rltrading.agents.buffers}), networks (an MLP with an optional convolution or GRU
 * encoder over the observation window) and device selection ({@link io.github.rltrading.agents.nn}),
 * callbacks and checkpoints during training ({@link io.github.rltrading.agents.training}), and saved
 * models, batch inference, ensembles and the policy providers ({@link io.github.rltrading.agents.model}).
 */
package io.github.rltrading.agents;
