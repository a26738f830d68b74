package io.github.rltrading.agents.training;

import io.github.rltrading.agents.model.Agent;
import io.github.rltrading.agents.model.ModelInfo;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Saves the agent every so many steps while it trains, each time into its own directory
 * {@code dir/step-<n>}, where {@code n} is the step count of the update that crossed the multiple
 * (PPO reaches 10,000 steps only at the end of a rollout: with 2,048 steps per rollout the first
 * checkpoint of {@code every(10_000, ...)} is {@code step-10240}). Each directory is a complete
 * model that {@code Ppo.load}, {@code Sac.load} or {@code Dqn.load} reads back, written by the
 * agent's {@code save} (files under temporary names, then renamed).
 *
 * <pre>{@code
 * ppo.learn(envs, 1_000_000, Checkpoints.every(100_000, Path.of("runs/ppo/checkpoints"), info));
 * try (Ppo best = Ppo.load(Path.of("runs/ppo/checkpoints/step-409600"))) { ... }
 * }</pre>
 */
public final class Checkpoints {

    private Checkpoints() {}

    /** Every {@code steps} steps into {@code dir/step-<n>}, with nothing beyond the parameters recorded. */
    public static TrainingCallback every(long steps, Path dir) {
        return every(steps, dir, ModelInfo.none());
    }

    /**
     * Every {@code steps} steps into {@code dir/step-<n>}, recording {@code info} (feature set,
     * normalisation, training range) in each. The callback remembers the last multiple it saved at:
     * use a new one for each training run.
     *
     * @throws IllegalArgumentException when {@code steps} is not positive
     */
    public static TrainingCallback every(long steps, Path dir, ModelInfo info) {
        if (steps <= 0) {
            throw new IllegalArgumentException("checkpoint interval must be at least 1 step, got " + steps);
        }
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(info, "info");
        return new TrainingCallback() {
            private long savedMultiple = 0;

            @Override
            public boolean onUpdate(Agent agent, TrainingProgress progress) {
                long multiple = progress.steps() / steps;
                if (multiple > savedMultiple) {
                    agent.save(directory(dir, progress.steps()), info);
                    savedMultiple = multiple;
                }
                return true;
            }
        };
    }

    /** The directory of the checkpoint taken after {@code steps} steps: {@code dir/step-<steps>}. */
    public static Path directory(Path dir, long steps) {
        return dir.resolve("step-" + steps);
    }
}
