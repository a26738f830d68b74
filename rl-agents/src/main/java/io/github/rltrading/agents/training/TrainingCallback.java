package io.github.rltrading.agents.training;

import io.github.rltrading.agents.model.Agent;
import java.util.List;
import java.util.Objects;

/**
 * Called by {@code learn} after each update (PPO: each rollout and its epochs; SAC: each gradient
 * step; DQN: each training round) with the agent and its progress; returning {@code false} stops
 * training there, after that update: {@code learn} closes its environments and returns. This is
 * Stable-Baselines3's {@code BaseCallback._on_step}.
 *
 * <pre>{@code
 * ppo.learn(envs, 1_000_000,
 *         Checkpoints.every(50_000, Path.of("runs/ppo/checkpoints"), info),
 *         new StopOnReward(475),
 *         ProgressPrinter.every(Duration.ofSeconds(10), System.out));
 * }</pre>
 *
 * Callbacks run on the training thread; one that throws ends training with its exception (the
 * environments are closed first).
 */
@FunctionalInterface
public interface TrainingCallback {

    /**
     * @param agent    the agent being trained (to save, evaluate or inspect it)
     * @param progress steps, speed, mean return and the algorithm's losses after this update
     * @return whether to go on training
     */
    boolean onUpdate(Agent agent, TrainingProgress progress);

    /** This callback, then {@code other}; both are always called, and training goes on only if both say so. */
    default TrainingCallback and(TrainingCallback other) {
        Objects.requireNonNull(other, "other");
        TrainingCallback first = this;
        return (agent, progress) -> {
            boolean a = first.onUpdate(agent, progress);
            boolean b = other.onUpdate(agent, progress);
            return a && b;
        };
    }

    /**
     * Calls every callback in order (each one, even after one said stop, as Stable-Baselines3's
     * {@code CallbackList} does) and goes on only if all say so. What {@code learn} does with its
     * callbacks.
     */
    static boolean all(List<? extends TrainingCallback> callbacks, Agent agent, TrainingProgress progress) {
        boolean go = true;
        for (TrainingCallback c : callbacks) {
            go &= c.onUpdate(agent, progress);
        }
        return go;
    }
}
