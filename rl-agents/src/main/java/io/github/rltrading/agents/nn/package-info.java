/**
 * Neural network building blocks for the agents, on DJL: {@link io.github.rltrading.agents.nn.Mlp}
 * (the policy, value and Q networks) and an optional
 * {@link io.github.rltrading.agents.nn.WindowEncoder} in front of it, configured by
 * {@link io.github.rltrading.agents.nn.EncoderConfig}, that reads the observation window with 1-D
 * convolutions or a GRU. The encoder is a block of the MLP's sequence, so its parameters are
 * initialised, trained and saved by name with the MLP's.
 *
 * <pre>{@code
 * // TradingEnv with a 32-row window of 71 features: 32 × 71 + 11 = 2,283 inputs.
 * PpoConfig config = PpoConfig.defaults().withEncoder(EncoderConfig.gru(32, 71, 64));
 * try (Ppo ppo = new Ppo(config, env.observationSize(), env.actionSpace())) {
 *     ppo.learn(i -> env, 100_000, p -> { });
 * }
 * }</pre>
 */
package io.github.rltrading.agents.nn;
