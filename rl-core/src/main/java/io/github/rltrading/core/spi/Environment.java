package io.github.rltrading.core.spi;

import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.ActionSpace;
import java.util.Map;
import java.util.Objects;

/**
 * A Gymnasium-style environment, the thing agents learn in.
 *
 * <pre>{@code
 * try (Environment env = Plugins.environment(config)) {
 *     float[] obs = env.reset(42);
 *     Environment.Step step;
 *     do {
 *         step = env.step(agent.act(obs));
 *         obs = step.observation();
 *     } while (!step.done());
 * }
 * }</pre>
 */
public interface Environment extends AutoCloseable {

    /** The actions {@link #step} accepts. */
    ActionSpace actionSpace();

    /** Shape and bounds of observations. */
    ActionSpace.Box observationSpace();

    /** Starts a new episode with a seed and returns its first observation. */
    float[] reset(long seed);

    /** Applies one action. Calling it after a terminated or truncated step without reset is an error. */
    Step step(Action action);

    @Override
    default void close() {}

    /**
     * One transition.
     *
     * @param observation the next observation
     * @param reward      the reward for the action
     * @param terminated  the episode ended by its own rules (e.g. drawdown limit, pole fell)
     * @param truncated   the episode was cut off (time limit, end of data)
     * @param info        diagnostics: reward components, fills, costs, position
     */
    record Step(float[] observation, double reward, boolean terminated, boolean truncated, Map<String, Object> info) {
        public Step {
            Objects.requireNonNull(observation, "observation");
            info = info == null ? Map.of() : Map.copyOf(info);
        }

        public boolean done() {
            return terminated || truncated;
        }
    }
}
