package io.github.rltrading.agents.model;

import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.ActionSpace;
import java.nio.file.Path;

/**
 * A trained agent as a decision maker: an action with a confidence for an observation, and saving.
 * PPO, SAC and DQN implement it; {@link AgentPolicy} turns one into a session's policy.
 */
public interface Agent extends AutoCloseable {

    /** {@code ppo}, {@code sac} or {@code dqn}. */
    String algorithm();

    int observationSize();

    ActionSpace actionSpace();

    /**
     * The action for one observation, with a confidence in [0, 1]: for a discrete policy the
     * probability of the chosen action; for a Gaussian one {@code 1 / (1 + mean standard deviation)}
     * of the action distribution (1 when certain, ½ at a standard deviation of 1); for DQN the
     * softmax of the Q-values at the chosen action (a heuristic: Q-values are not probabilities).
     */
    Decided decide(float[] observation, boolean deterministic);

    /** Writes the model to {@code dir}; see {@link ModelStore}. */
    void save(Path dir, ModelInfo info);

    @Override
    void close();

    /** An action and how sure the agent is of it. */
    record Decided(Action action, double confidence) {}

    /** The confidence of a Gaussian action: {@code 1 / (1 + mean standard deviation)}. */
    static double gaussianConfidence(float[] std) {
        double mean = 0;
        for (float v : std) {
            mean += v;
        }
        return 1.0 / (1.0 + mean / std.length);
    }

    /** Shared check of an observation's length, naming both sizes. */
    static void requireSize(Agent agent, float[] observation) {
        if (observation.length != agent.observationSize()) {
            throw new IllegalArgumentException(agent.algorithm() + " model takes " + agent.observationSize()
                    + " inputs, got an observation of " + observation.length
                    + "; the feature set (and window) must be the ones it was trained with");
        }
    }
}
