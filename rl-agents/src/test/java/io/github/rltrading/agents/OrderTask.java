package io.github.rltrading.agents;

import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.ActionSpace;
import io.github.rltrading.core.spi.Environment;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A task whose answer is in the order of the window's rows: the observation is a window of two rows
 * of one value (oldest first) and one state value that carries no information; action 1 earns +1
 * when the newer row is above the older one, action 0 earns +1 otherwise, the wrong one 0. A policy
 * that ignores the order (or guesses) earns half the episode length on average, a perfect one all
 * of it.
 */
public final class OrderTask implements Environment {

    public static final int WINDOW = 2;
    public static final int FEATURES = 1;
    public static final int STATE = 1;
    public static final int EPISODE = 16;

    private SplittableRandom random = new SplittableRandom(0);
    private final float[] observation = new float[WINDOW * FEATURES + STATE];
    private int t;

    @Override
    public ActionSpace actionSpace() {
        return ActionSpace.discrete(2);
    }

    @Override
    public ActionSpace.Box observationSpace() {
        float[] low = new float[observation.length];
        float[] high = new float[observation.length];
        java.util.Arrays.fill(low, -10f);
        java.util.Arrays.fill(high, 10f);
        return new ActionSpace.Box(low, high);
    }

    private float[] next() {
        for (int i = 0; i < observation.length; i++) {
            observation[i] = (float) random.nextGaussian();
        }
        return observation.clone();
    }

    /** The right action for an observation: 1 when the newer row is above the older. */
    public static int answer(float[] observation) {
        return observation[1] > observation[0] ? 1 : 0;
    }

    @Override
    public float[] reset(long seed) {
        random = new SplittableRandom(seed);
        t = 0;
        return next();
    }

    @Override
    public Step step(Action action) {
        int chosen = ((Action.Discrete) action).index();
        double reward = chosen == answer(observation) ? 1 : 0;
        t++;
        return new Step(next(), reward, false, t >= EPISODE, Map.of());
    }
}
