package io.github.rltrading.env.trading;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * N trading environments stepped together, with observations batched into one {@code float[]}
 * ({@code n × observationSize}) and automatic reset: an environment whose episode ended starts a
 * new one at once (its {@code done} flag is set for that step, and the batch holds the new
 * episode's first observation). The copies share the feature matrix and bars; only their small
 * state is per copy. Deterministic for a seed: copy {@code i}'s episodes are seeded from one
 * {@link SplittableRandom} stream per copy, split from the seed.
 *
 * <pre>{@code
 * VectorTradingEnv vec = VectorTradingEnv.create(8, i -> TradingEnv.builder(m, bars, ES).episodeLength(390).build());
 * float[] obs = vec.reset(7);
 * vec.step(actions);               // obs, rewards and dones are updated in place
 * }</pre>
 */
public final class VectorTradingEnv {

    private final List<TradingEnv> envs;
    private final int obsSize;
    private final float[] observations;
    private final double[] rewards;
    private final boolean[] dones;
    private final double[] finalEquity;
    private final SplittableRandom[] seeds;

    private VectorTradingEnv(List<TradingEnv> envs) {
        if (envs.isEmpty()) {
            throw new IllegalArgumentException("a vectorised environment needs at least one copy");
        }
        this.envs = List.copyOf(envs);
        this.obsSize = envs.get(0).observationSize();
        for (TradingEnv e : envs) {
            if (e.observationSize() != obsSize) {
                throw new IllegalArgumentException("all copies need the same observation size; got " + obsSize + " and "
                        + e.observationSize());
            }
        }
        int n = envs.size();
        this.observations = new float[n * obsSize];
        this.rewards = new double[n];
        this.dones = new boolean[n];
        this.finalEquity = new double[n];
        this.seeds = new SplittableRandom[n];
    }

    /** {@code n} copies made by {@code factory} (give each its own reward instance). */
    public static VectorTradingEnv create(int n, IntFunction<TradingEnv> factory) {
        List<TradingEnv> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(factory.apply(i));
        }
        return new VectorTradingEnv(list);
    }

    public int size() {
        return envs.size();
    }

    public int observationSize() {
        return obsSize;
    }

    /** Starts every copy; returns the batched observations (the same array every call). */
    public float[] reset(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < envs.size(); i++) {
            seeds[i] = root.split();
            envs.get(i).begin(seeds[i].nextLong());
            envs.get(i).observe(observations, i * obsSize);
            dones[i] = false;
            rewards[i] = 0;
        }
        return observations;
    }

    /**
     * Steps every copy with its action ({@code actions[i]}: continuous value or discrete index).
     * Allocation-free; read {@link #observations()}, {@link #rewards()} and {@link #dones()} after.
     */
    public void step(float[] actions) {
        if (actions.length < envs.size()) {
            throw new IllegalArgumentException("need " + envs.size() + " actions, got " + actions.length);
        }
        for (int i = 0; i < envs.size(); i++) {
            TradingEnv env = envs.get(i);
            TradingEnv.StepResult r = env.act(actions[i]);
            rewards[i] = r.reward();
            dones[i] = r.done();
            if (r.done()) {
                finalEquity[i] = r.equity();
                env.begin(seeds[i].nextLong());
            }
            env.observe(observations, i * obsSize);
        }
    }

    public float[] observations() {
        return observations;
    }

    public double[] rewards() {
        return rewards;
    }

    public boolean[] dones() {
        return dones;
    }

    /** Equity at the end of copy {@code i}'s last finished episode. */
    public double finalEquity(int i) {
        return finalEquity[i];
    }

    public TradingEnv env(int i) {
        return envs.get(i);
    }
}
