/**
 * Hooks into training, in Stable-Baselines3's style: a
 * {@link io.github.rltrading.agents.training.TrainingCallback} is called after every update with
 * the agent and its {@link io.github.rltrading.agents.training.TrainingProgress} and may stop
 * training; {@link io.github.rltrading.agents.training.Checkpoints} saves the agent every N steps,
 * {@link io.github.rltrading.agents.training.StopOnReward} stops at a mean return, and
 * {@link io.github.rltrading.agents.training.ProgressPrinter} prints progress at most every so many
 * seconds.
 *
 * <pre>{@code
 * try (Ppo ppo = new Ppo(PpoConfig.cartPoleZoo(), 4, new CartPole().actionSpace())) {
 *     ppo.learn(i -> new CartPole(), 200_000,
 *             Checkpoints.every(20_000, Path.of("runs/cartpole")),
 *             new StopOnReward(475),
 *             ProgressPrinter.every(Duration.ofSeconds(5), System.out));
 * }
 * }</pre>
 */
package io.github.rltrading.agents.training;
