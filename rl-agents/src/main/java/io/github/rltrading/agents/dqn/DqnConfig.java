package io.github.rltrading.agents.dqn;

import io.github.rltrading.agents.nn.EncoderConfig;
import io.github.rltrading.agents.nn.HiddenActivation;

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
 * @param hidden                hidden layer sizes ([64, 64]), ReLU unless {@code activation} says otherwise
 * @param seed                  seed for initialisation, exploration and sampling
 * @param encoder               how the Q-network (and its target, which has its own copy) reads the
 *                              observation window ({@link EncoderConfig#none()}: none, and a saved
 *                              {@code model.json} without this field loads as none)
 * @param activation            the hidden layers' non-linearity ({@link HiddenActivation#RELU}, SB3's
 *                              {@code nn.ReLU}); null, as a {@code model.json} saved before this field
 *                              existed reads, is {@link HiddenActivation#TANH}, what those models were
 *                              trained with
 * @param doubleQ               the target's next value: false (SB3's DQN) takes
 *                              {@code max_a Q_target(s', a)}; true (double DQN, van Hasselt et al. 2016)
 *                              takes {@code Q_target(s', argmax_a Q(s', a))}
 */
public record DqnConfig(double learningRate, int bufferSize, int learningStarts, int batchSize, double gamma, int trainFreq,
        int gradientSteps, int targetUpdateInterval, double explorationFraction, double explorationInitialEps,
        double explorationFinalEps, double maxGradNorm, int[] hidden, long seed, EncoderConfig encoder,
        HiddenActivation activation, boolean doubleQ) {

    /**
     * A missing encoder (null, or absent from a saved model's JSON) is none; a missing activation is
     * tanh, so that a model saved before the field existed is rebuilt as it was trained.
     */
    public DqnConfig {
        encoder = encoder == null ? EncoderConfig.none() : encoder;
        activation = activation == null ? HiddenActivation.TANH : activation;
    }

    /** The settings with SB3's network and target (ReLU, no double Q): the form before those fields existed. */
    public DqnConfig(double learningRate, int bufferSize, int learningStarts, int batchSize, double gamma, int trainFreq,
            int gradientSteps, int targetUpdateInterval, double explorationFraction, double explorationInitialEps,
            double explorationFinalEps, double maxGradNorm, int[] hidden, long seed, EncoderConfig encoder) {
        this(learningRate, bufferSize, learningStarts, batchSize, gamma, trainFreq, gradientSteps, targetUpdateInterval,
                explorationFraction, explorationInitialEps, explorationFinalEps, maxGradNorm, hidden, seed, encoder,
                HiddenActivation.RELU, false);
    }

    /** The settings without an encoder (the form before encoders existed), with SB3's network and target. */
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

    /** These settings with seed {@code value}. */
    public DqnConfig withSeed(long value) {
        return new DqnConfig(learningRate, bufferSize, learningStarts, batchSize, gamma, trainFreq, gradientSteps,
                targetUpdateInterval, explorationFraction, explorationInitialEps, explorationFinalEps, maxGradNorm, hidden, value,
                encoder, activation, doubleQ);
    }

    /** These settings with the hidden layers' non-linearity {@code value}. */
    public DqnConfig withActivation(HiddenActivation value) {
        return new DqnConfig(learningRate, bufferSize, learningStarts, batchSize, gamma, trainFreq, gradientSteps,
                targetUpdateInterval, explorationFraction, explorationInitialEps, explorationFinalEps, maxGradNorm, hidden, seed,
                encoder, value, doubleQ);
    }

    /** These settings with the double-DQN target when {@code value}, SB3's plain max otherwise. */
    public DqnConfig withDoubleQ(boolean value) {
        return new DqnConfig(learningRate, bufferSize, learningStarts, batchSize, gamma, trainFreq, gradientSteps,
                targetUpdateInterval, explorationFraction, explorationInitialEps, explorationFinalEps, maxGradNorm, hidden, seed,
                encoder, activation, value);
    }

    /** These settings with the Q-network reading the window through {@code value}. */
    public DqnConfig withEncoder(EncoderConfig value) {
        return new DqnConfig(learningRate, bufferSize, learningStarts, batchSize, gamma, trainFreq, gradientSteps,
                targetUpdateInterval, explorationFraction, explorationInitialEps, explorationFinalEps, maxGradNorm, hidden, seed,
                value, activation, doubleQ);
    }
}
