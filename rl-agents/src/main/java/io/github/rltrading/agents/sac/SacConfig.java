package io.github.rltrading.agents.sac;

import io.github.rltrading.agents.nn.EncoderConfig;

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
 * @param encoder        how the actor and the critics read the observation window; every network
 *                       (actor, each critic, each target) has its own encoder, as Stable-Baselines3's
 *                       SAC does not share a features extractor between actor and critic
 *                       ({@link EncoderConfig#none()}: none, and a saved {@code model.json} without
 *                       this field loads as none)
 */
public record SacConfig(double learningRate, int bufferSize, int learningStarts, int batchSize, double tau, double gamma,
        int[] hidden, long seed, EncoderConfig encoder) {

    /** A missing encoder (null, or absent from a saved model's JSON) is none. */
    public SacConfig {
        encoder = encoder == null ? EncoderConfig.none() : encoder;
    }

    /** The settings without an encoder (the form before encoders existed). */
    public SacConfig(double learningRate, int bufferSize, int learningStarts, int batchSize, double tau, double gamma,
            int[] hidden, long seed) {
        this(learningRate, bufferSize, learningStarts, batchSize, tau, gamma, hidden, seed, EncoderConfig.none());
    }

    public static SacConfig defaults() {
        return new SacConfig(3e-4, 1_000_000, 100, 256, 0.005, 0.99, new int[] {256, 256}, 0);
    }

    /** RL Baselines3 Zoo's settings for Pendulum-v1 ({@code hyperparams/sac.yml}: learning rate 1e-3, 20,000 steps). */
    public static SacConfig pendulumZoo() {
        return new SacConfig(1e-3, 1_000_000, 100, 256, 0.005, 0.99, new int[] {256, 256}, 0);
    }

    public SacConfig withSeed(long value) {
        return new SacConfig(learningRate, bufferSize, learningStarts, batchSize, tau, gamma, hidden, value, encoder);
    }

    /** These settings with the actor and the critics reading the window through {@code value}. */
    public SacConfig withEncoder(EncoderConfig value) {
        return new SacConfig(learningRate, bufferSize, learningStarts, batchSize, tau, gamma, hidden, seed, value);
    }
}
