package io.github.rltrading.agents.nn;

/**
 * The non-linearity after each hidden layer of an {@link Mlp}. A config stores it so that a saved
 * model is rebuilt with the activation it was trained with.
 */
public enum HiddenActivation {
    /** tanh: Stable-Baselines3's default for PPO, and what DQN used before 2026-11-30. */
    TANH,
    /** ReLU: Stable-Baselines3's default for DQN, SAC and TD3. */
    RELU;

    /** Whether this is ReLU (the form {@link Mlp}'s constructors take). */
    public boolean relu() {
        return this == RELU;
    }
}
