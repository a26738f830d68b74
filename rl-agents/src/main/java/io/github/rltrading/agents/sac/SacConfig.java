package io.github.rltrading.agents.sac;

/**
 * SAC hyperparameters; the defaults are Stable-Baselines3's {@code SAC(...)}:
 *
 * @param learningRate   Adam learning rate for actor, critics and the entropy coefficient (3e-4)
 * @param bufferSize     replay capacity (1,000,000)
 * @param learningStarts steps with uniform random actions before learning (100)
 * @param batchSize      minibatch size (256)
 * @param tau            Polyak coefficient of the target critics (0.005)
 * @param gamma          discount (0.99)
 * @param hidden         hidden sizes of actor and critics, ReLU ([256, 256])
 * @param seed           seed
 */
public record SacConfig(double learningRate, int bufferSize, int learningStarts, int batchSize, double tau, double gamma,
        int[] hidden, long seed) {

    public static SacConfig defaults() {
        return new SacConfig(3e-4, 1_000_000, 100, 256, 0.005, 0.99, new int[] {256, 256}, 0);
    }

    /** RL Baselines3 Zoo's settings for Pendulum-v1 ({@code hyperparams/sac.yml}: learning rate 1e-3, 20,000 steps). */
    public static SacConfig pendulumZoo() {
        return new SacConfig(1e-3, 1_000_000, 100, 256, 0.005, 0.99, new int[] {256, 256}, 0);
    }

    public SacConfig withSeed(long value) {
        return new SacConfig(learningRate, bufferSize, learningStarts, batchSize, tau, gamma, hidden, value);
    }
}
