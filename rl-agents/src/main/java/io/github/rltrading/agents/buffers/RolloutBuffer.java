package io.github.rltrading.agents.buffers;

import java.util.Arrays;

/**
 * On-policy experience for PPO: {@code steps} steps of {@code envs} environments, stored in
 * primitive arrays indexed {@code [step * envs + env]}, with returns and advantages from
 * generalised advantage estimation, exactly as Stable-Baselines3's {@code RolloutBuffer} computes
 * them:
 *
 * <pre>
 * next_non_terminal = 1 - (last step ? last_dones : episode_starts[step + 1])
 * next_value        = last step ? last_values : values[step + 1]
 * delta             = reward[step] + γ · next_value · next_non_terminal − value[step]
 * gae               = delta + γ · λ · next_non_terminal · gae
 * advantage[step]   = gae;   return[step] = advantage[step] + value[step]
 * </pre>
 *
 * A truncated episode (time limit) should add {@code γ · V(final observation)} to its last reward
 * before {@link #add}, as SB3's collector does, so that truncation is not treated as failure.
 */
public final class RolloutBuffer {

    private final int steps;
    private final int envs;
    private final int obsSize;
    private final int actionSize;
    private final float[] observations;
    private final float[] actions;
    private final float[] rewards;
    private final boolean[] episodeStarts;
    private final float[] values;
    private final float[] logProbs;
    private final float[] advantages;
    private final float[] returns;
    private int pos;

    /**
     * @param steps      steps per environment in one rollout ({@code n_steps})
     * @param envs       environments stepped together
     * @param obsSize    floats per observation
     * @param actionSize floats per action (1 for a discrete index)
     */
    public RolloutBuffer(int steps, int envs, int obsSize, int actionSize) {
        if (steps < 1 || envs < 1 || obsSize < 1 || actionSize < 1) {
            throw new IllegalArgumentException("rollout buffer sizes must be >= 1, got steps=" + steps + " envs=" + envs
                    + " obsSize=" + obsSize + " actionSize=" + actionSize);
        }
        long cells = (long) steps * envs * obsSize;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("rollout buffer of " + steps + " steps × " + envs + " envs × " + obsSize
                    + " floats does not fit one array; use fewer steps per rollout");
        }
        this.steps = steps;
        this.envs = envs;
        this.obsSize = obsSize;
        this.actionSize = actionSize;
        int n = steps * envs;
        observations = new float[(int) cells];
        actions = new float[n * actionSize];
        rewards = new float[n];
        episodeStarts = new boolean[n];
        values = new float[n];
        logProbs = new float[n];
        advantages = new float[n];
        returns = new float[n];
    }

    /** Empties the buffer for the next rollout (nothing is reallocated). */
    public void reset() {
        pos = 0;
    }

    public boolean isFull() {
        return pos == steps;
    }

    /** Transitions stored: steps so far × environments. */
    public int size() {
        return pos * envs;
    }

    /**
     * Adds one step of every environment.
     *
     * @param obs           {@code envs × obsSize} observations the actions were taken on
     * @param action        {@code envs × actionSize} actions
     * @param reward        {@code envs} rewards
     * @param episodeStart  whether each observation was the first of an episode
     * @param value         the critic's value of each observation
     * @param logProb       log-probability of each action under the policy that chose it
     */
    public void add(float[] obs, float[] action, float[] reward, boolean[] episodeStart, float[] value, float[] logProb) {
        if (isFull()) {
            throw new IllegalStateException("rollout buffer is full (" + steps + " steps); compute advantages, train, then reset()");
        }
        System.arraycopy(obs, 0, observations, pos * envs * obsSize, envs * obsSize);
        System.arraycopy(action, 0, actions, pos * envs * actionSize, envs * actionSize);
        System.arraycopy(reward, 0, rewards, pos * envs, envs);
        System.arraycopy(episodeStart, 0, episodeStarts, pos * envs, envs);
        System.arraycopy(value, 0, values, pos * envs, envs);
        System.arraycopy(logProb, 0, logProbs, pos * envs, envs);
        pos++;
    }

    /**
     * Computes advantages and returns for a full buffer.
     *
     * @param lastValues the critic's value of the observation after the last step, per environment
     * @param lastDones  whether the last step ended each environment's episode
     * @param gamma      discount
     * @param lambda     GAE λ
     */
    public void computeReturnsAndAdvantages(float[] lastValues, boolean[] lastDones, double gamma, double lambda) {
        if (!isFull()) {
            throw new IllegalStateException("rollout buffer holds " + pos + " of " + steps + " steps; fill it first");
        }
        for (int e = 0; e < envs; e++) {
            double gae = 0;
            for (int s = steps - 1; s >= 0; s--) {
                int i = s * envs + e;
                double nextNonTerminal;
                double nextValue;
                if (s == steps - 1) {
                    nextNonTerminal = lastDones[e] ? 0.0 : 1.0;
                    nextValue = lastValues[e];
                } else {
                    nextNonTerminal = episodeStarts[i + envs] ? 0.0 : 1.0;
                    nextValue = values[i + envs];
                }
                double delta = rewards[i] + gamma * nextValue * nextNonTerminal - values[i];
                gae = delta + gamma * lambda * nextNonTerminal * gae;
                advantages[i] = (float) gae;
                returns[i] = (float) (gae + values[i]);
            }
        }
    }

    /** Writes transition {@code i}'s observation into {@code out[offset ..]}. */
    public void observation(int i, float[] out, int offset) {
        System.arraycopy(observations, i * obsSize, out, offset, obsSize);
    }

    /** Writes transition {@code i}'s action into {@code out[offset ..]}. */
    public void action(int i, float[] out, int offset) {
        System.arraycopy(actions, i * actionSize, out, offset, actionSize);
    }

    public float advantage(int i) {
        return advantages[i];
    }

    public float returnOf(int i) {
        return returns[i];
    }

    public float value(int i) {
        return values[i];
    }

    public float logProb(int i) {
        return logProbs[i];
    }

    public float reward(int i) {
        return rewards[i];
    }

    public int obsSize() {
        return obsSize;
    }

    public int actionSize() {
        return actionSize;
    }

    /** A copy of the advantages of the stored transitions. */
    public float[] advantages() {
        return Arrays.copyOf(advantages, size());
    }
}
