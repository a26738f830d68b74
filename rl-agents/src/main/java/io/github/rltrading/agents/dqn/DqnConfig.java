package io.github.rltrading.agents.dqn;

import io.github.rltrading.agents.nn.EncoderConfig;

/**
 * DQN hyperparameters. The defaults follow Stable-Baselines3's {@code DQN(...)}:
 *
 * @param learningRate          Adam learning rate (1e-4)
 * @param bufferSize            replay capacity (1,000,000)
 * @param learningStarts        steps collected before learning (100)
 * @param batchSize             minibatch size (32)
 * @param gamma                 discount (0.99)
 * @param trainFreq             environment steps between training rounds (4)
 * @param gradientSteps         gradient steps per round (1)
 * @param targetUpdateInterval  environment steps between copies to the target network (10,000)
 * @param explorationFraction   share of training over which ε falls linearly (0.1)
 * @param explorationInitialEps ε at the start (1.0)
 * @param explorationFinalEps   ε at the end (0.05)
 * @param maxGradNorm           gradient norm clip (10)
 * @param hidden                hidden layer sizes ([64, 64])
 * @param seed                  seed for initialisation, exploration and sampling
 * @param encoder               how the Q-network (and its target, which has its own copy) reads the
 *                              observation window ({@link EncoderConfig#none()}: none, and a saved
 *                              {@code model.json} without this field loads as none)
 */
public record DqnConfig(double learningRate, int bufferSize, int learningStarts, int batchSize, double gamma, int trainFreq,
        int gradientSteps, int targetUpdateInterval, double explorationFraction, double explorationInitialEps,
        double explorationFinalEps, double maxGradNorm, int[] hidden, long seed, EncoderConfig encoder) {

    /** A missing encoder (null, or absent from a saved model's JSON) is none. */
    public DqnConfig {
        encoder = encoder == null ? EncoderConfig.none() : encoder;
    }

    /** The settings without an encoder (the form before encoders existed). */
    public DqnConfig(double learningRate, int bufferSize, int learningStarts, int batchSize, double gamma, int trainFreq,
            int gradientSteps, int targetUpdateInterval, double explorationFraction, double explorationInitialEps,
            double explorationFinalEps, double maxGradNorm, int[] hidden, long seed) {
        this(learningRate, bufferSize, learningStarts, batchSize, gamma, trainFreq, gradientSteps, targetUpdateInterval,
                explorationFraction, explorationInitialEps, explorationFinalEps, maxGradNorm, hidden, seed, EncoderConfig.none());
    }

    /** Stable-Baselines3's defaults. */
    public static DqnConfig defaults() {
        return new DqnConfig(1e-4, 1_000_000, 100, 32, 0.99, 4, 1, 10_000, 0.1, 1.0, 0.05, 10, new int[] {64, 64}, 0);
    }

    /** RL Baselines3 Zoo's tuned settings for CartPole-v1 ({@code hyperparams/dqn.yml}, 50,000 steps). */
    public static DqnConfig cartPoleZoo() {
        return new DqnConfig(2.3e-3, 100_000, 1_000, 64, 0.99, 256, 128, 10, 0.16, 1.0, 0.04, 10, new int[] {256, 256}, 0);
    }

    public DqnConfig withSeed(long value) {
        return new DqnConfig(learningRate, bufferSize, learningStarts, batchSize, gamma, trainFreq, gradientSteps,
                targetUpdateInterval, explorationFraction, explorationInitialEps, explorationFinalEps, maxGradNorm, hidden, value,
                encoder);
    }

    /** These settings with the Q-network reading the window through {@code value}. */
    public DqnConfig withEncoder(EncoderConfig value) {
        return new DqnConfig(learningRate, bufferSize, learningStarts, batchSize, gamma, trainFreq, gradientSteps,
                targetUpdateInterval, explorationFraction, explorationInitialEps, explorationFinalEps, maxGradNorm, hidden, seed,
                value);
    }
}
