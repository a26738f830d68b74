package io.github.rltrading.agents.training;

import io.github.rltrading.agents.model.Agent;

/**
 * Stops training once the mean return of the last 100 training episodes reaches
 * {@code threshold}. Training episodes explore (PPO samples, DQN follows ε-greedy), so their mean is
 * a pessimistic, noisy view of the deterministic policy; Stable-Baselines3's
 * {@code StopTrainingOnRewardThreshold} evaluates separately instead. Nothing stops before the first
 * episode ends.
 *
 * <pre>{@code
 * ppo.learn(i -> new CartPole(), 200_000, new StopOnReward(475));
 * }</pre>
 *
 * @param threshold the mean episode return at which to stop
 */
public record StopOnReward(double threshold) implements TrainingCallback {

    public StopOnReward {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must be a number, got NaN");
        }
    }

    @Override
    public boolean onUpdate(Agent agent, TrainingProgress progress) {
        double mean = progress.meanEpisodeReturn();
        return Double.isNaN(mean) || mean < threshold;
    }
}
