package io.github.rltrading.agents.ppo;

import io.github.rltrading.agents.nn.EncoderConfig;

/**
 * PPO hyperparameters. The defaults are Stable-Baselines3's ({@code PPO(...)} without arguments):
 *
 * @param learningRate      Adam learning rate (3e-4)
 * @param linearSchedule    decay the learning rate and the clip range linearly to 0 over training (false)
 * @param nSteps            steps per environment per rollout (2048)
 * @param batchSize         minibatch size (64)
 * @param nEpochs           passes over each rollout (10)
 * @param gamma             discount (0.99)
 * @param gaeLambda         GAE λ (0.95)
 * @param clipRange         surrogate clip ε (0.2)
 * @param entCoef           entropy bonus weight (0.0)
 * @param vfCoef            value loss weight (0.5)
 * @param maxGradNorm       gradient norm clip (0.5)
 * @param normalizeAdvantage normalise advantages per minibatch (true)
 * @param nEnvs             environments stepped together (1)
 * @param hidden            hidden layer sizes of the policy and the value networks ([64, 64])
 * @param seed              seed for initialisation, sampling and shuffling
 * @param encoder           how the policy and the value networks read the observation window; each
 *                          network has its own encoder ({@link EncoderConfig#none()}: none, and a
 *                          saved {@code model.json} without this field loads as none)
 */
public record PpoConfig(double learningRate, boolean linearSchedule, int nSteps, int batchSize, int nEpochs, double gamma,
        double gaeLambda, double clipRange, double entCoef, double vfCoef, double maxGradNorm, boolean normalizeAdvantage,
        int nEnvs, int[] hidden, long seed, EncoderConfig encoder) {

    /** A missing encoder (null, or absent from a saved model's JSON) is none. */
    public PpoConfig {
        encoder = encoder == null ? EncoderConfig.none() : encoder;
    }

    /** The settings without an encoder (the form before encoders existed). */
    public PpoConfig(double learningRate, boolean linearSchedule, int nSteps, int batchSize, int nEpochs, double gamma,
            double gaeLambda, double clipRange, double entCoef, double vfCoef, double maxGradNorm, boolean normalizeAdvantage,
            int nEnvs, int[] hidden, long seed) {
        this(learningRate, linearSchedule, nSteps, batchSize, nEpochs, gamma, gaeLambda, clipRange, entCoef, vfCoef, maxGradNorm,
                normalizeAdvantage, nEnvs, hidden, seed, EncoderConfig.none());
    }

    /** Stable-Baselines3's defaults. */
    public static PpoConfig defaults() {
        return new PpoConfig(3e-4, false, 2048, 64, 10, 0.99, 0.95, 0.2, 0.0, 0.5, 0.5, true, 1, new int[] {64, 64}, 0);
    }

    /** RL Baselines3 Zoo's tuned settings for CartPole-v1 ({@code hyperparams/ppo.yml}). */
    public static PpoConfig cartPoleZoo() {
        return new PpoConfig(1e-3, true, 32, 256, 20, 0.98, 0.8, 0.2, 0.0, 0.5, 0.5, true, 8, new int[] {64, 64}, 0);
    }

    public PpoConfig withSeed(long value) {
        return new PpoConfig(learningRate, linearSchedule, nSteps, batchSize, nEpochs, gamma, gaeLambda, clipRange, entCoef,
                vfCoef, maxGradNorm, normalizeAdvantage, nEnvs, hidden, value, encoder);
    }

    /** These settings with the policy and value networks reading the window through {@code value}. */
    public PpoConfig withEncoder(EncoderConfig value) {
        return new PpoConfig(learningRate, linearSchedule, nSteps, batchSize, nEpochs, gamma, gaeLambda, clipRange, entCoef,
                vfCoef, maxGradNorm, normalizeAdvantage, nEnvs, hidden, seed, value);
    }
}
