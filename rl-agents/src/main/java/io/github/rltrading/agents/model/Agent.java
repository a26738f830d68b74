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

    /**
     * The actions for {@code count} observations at once, in one forward pass of the network (much
     * cheaper per observation than {@code count} calls of {@link #decide}: one matrix product instead
     * of {@code count} vector products). Thread-safe like {@code decide}.
     *
     * <pre>{@code
     * float[] batch = new float[256 * agent.observationSize()];   // row after row
     * Agent.Decided[] out = agent.decideBatch(batch, 256, true);
     * }</pre>
     *
     * <p>Equal to {@code decide} row by row up to float rounding, not bit for bit: the CPU's matrix
     * library (MKL in PyTorch's build) multiplies a batch of 16 rows or more with another kernel than
     * a single row, which sums the products in another order (about 1e-7 relative). The same
     * discrete action is chosen unless two actions' scores lie within that rounding of each other. A
     * batch of one is bit for bit {@code decide}. Sampling ({@code deterministic} false) draws row by
     * row from the agent's random generator in the order {@code decide} would.
     *
     * @param observations {@code count × observationSize()} floats, observation after observation
     * @param count        how many observations (0 gives an empty array)
     * @throws IllegalArgumentException when the array's length is not {@code count × observationSize()}
     */
    Decided[] decideBatch(float[] observations, int count, boolean deterministic);

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

    /**
     * What every {@code decideBatch} does first: checks the batch's length (naming both sizes) and
     * applies the native thread setting to the calling thread. Returns whether there is anything to
     * decide ({@code count > 0}).
     */
    static boolean prepareBatch(Agent agent, float[] observations, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, got " + count);
        }
        long expected = (long) count * agent.observationSize();
        if (observations.length != expected) {
            throw new IllegalArgumentException(agent.algorithm() + " model takes " + agent.observationSize()
                    + " inputs per observation, so a batch of " + count + " needs " + expected + " floats, got "
                    + observations.length + "; lay the observations out row after row and pass their number as count");
        }
        io.github.rltrading.agents.nn.NativeThreads.prepareCurrentThread();
        return count > 0;
    }

    /**
     * What every {@code decide} does first: checks the observation's length (naming both sizes) and
     * applies the native thread setting to the calling thread.
     */
    static void prepareDecide(Agent agent, float[] observation) {
        if (observation.length != agent.observationSize()) {
            throw new IllegalArgumentException(agent.algorithm() + " model takes " + agent.observationSize()
                    + " inputs, got an observation of " + observation.length
                    + "; the feature set (and window) must be the ones it was trained with");
        }
        io.github.rltrading.agents.nn.NativeThreads.prepareCurrentThread();
    }
}
