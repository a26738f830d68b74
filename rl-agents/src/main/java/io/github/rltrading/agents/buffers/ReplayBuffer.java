package io.github.rltrading.agents.buffers;

import java.util.SplittableRandom;

/**
 * Off-policy experience for SAC and DQN: a ring of the last {@code capacity} transitions in
 * primitive arrays (observation, action, reward, next observation, done), sampled uniformly.
 * One million transitions of a 200-float observation take 2 × 800 MB for the two observation
 * arrays plus a few MB for the rest; {@link #bytes} says how much a buffer holds.
 *
 * <p>{@code done} must be true only for a real end of episode (terminated), not a time limit, so
 * that the target still bootstraps from a truncated episode's next observation (as SB3's
 * {@code handle_timeout_termination} does).
 */
public final class ReplayBuffer {

    private final int capacity;
    private final int obsSize;
    private final int actionSize;
    private final float[] observations;
    private final float[] nextObservations;
    private final float[] actions;
    private final float[] rewards;
    private final boolean[] dones;
    private int pos;
    private boolean full;

    public ReplayBuffer(int capacity, int obsSize, int actionSize) {
        if (capacity < 1 || obsSize < 1 || actionSize < 1) {
            throw new IllegalArgumentException("replay buffer sizes must be >= 1, got capacity=" + capacity + " obsSize="
                    + obsSize + " actionSize=" + actionSize);
        }
        long cells = (long) capacity * obsSize;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("replay buffer of " + capacity + " transitions × " + obsSize
                    + " floats does not fit one array (at most " + (Integer.MAX_VALUE - 8) / obsSize
                    + " transitions of this size); lower the capacity");
        }
        this.capacity = capacity;
        this.obsSize = obsSize;
        this.actionSize = actionSize;
        observations = new float[(int) cells];
        nextObservations = new float[(int) cells];
        actions = new float[capacity * actionSize];
        rewards = new float[capacity];
        dones = new boolean[capacity];
    }

    /** Bytes held by a buffer of this shape (the arrays' payloads). */
    public static long bytes(int capacity, int obsSize, int actionSize) {
        return (long) capacity * (2L * obsSize * Float.BYTES + (long) actionSize * Float.BYTES + Float.BYTES + 1);
    }

    /** Stores one transition, overwriting the oldest when full. */
    public void add(float[] obs, int obsOffset, float[] action, int actionOffset, float reward, float[] nextObs,
            int nextObsOffset, boolean done) {
        System.arraycopy(obs, obsOffset, observations, pos * obsSize, obsSize);
        System.arraycopy(nextObs, nextObsOffset, nextObservations, pos * obsSize, obsSize);
        System.arraycopy(action, actionOffset, actions, pos * actionSize, actionSize);
        rewards[pos] = reward;
        dones[pos] = done;
        pos++;
        if (pos == capacity) {
            pos = 0;
            full = true;
        }
    }

    /** Transitions stored. */
    public int size() {
        return full ? capacity : pos;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Samples {@code batch} transitions uniformly (with replacement) into the caller's arrays:
     * {@code obs} and {@code nextObs} of {@code batch × obsSize}, {@code action} of
     * {@code batch × actionSize}, {@code reward} and {@code done} of {@code batch}. Allocation-free.
     */
    public void sample(SplittableRandom random, int batch, float[] obs, float[] action, float[] reward, float[] nextObs,
            boolean[] done) {
        int n = size();
        if (n == 0) {
            throw new IllegalStateException("replay buffer is empty; add transitions (learning starts) before sampling");
        }
        for (int b = 0; b < batch; b++) {
            int i = random.nextInt(n);
            System.arraycopy(observations, i * obsSize, obs, b * obsSize, obsSize);
            System.arraycopy(nextObservations, i * obsSize, nextObs, b * obsSize, obsSize);
            System.arraycopy(actions, i * actionSize, action, b * actionSize, actionSize);
            reward[b] = rewards[i];
            done[b] = dones[i];
        }
    }
}
