package io.github.rltrading.env.classic;

import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.ActionSpace;
import io.github.rltrading.core.spi.Environment;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code CartPole-v1}: push a cart left (action 0) or right (1) to keep a pole upright. Reward 1 per
 * step, including the step that ends the episode; terminated when the pole leans beyond 12° or the
 * cart leaves ±2.4; truncated after 500 steps. Euler integration with Gymnasium's constants. The
 * state is kept in double precision and observed as float32, as Gymnasium does.
 */
public final class CartPole implements Environment {

    static final double GRAVITY = 9.8;
    static final double MASS_CART = 1.0;
    static final double MASS_POLE = 0.1;
    static final double TOTAL_MASS = MASS_POLE + MASS_CART;
    static final double LENGTH = 0.5; // half the pole's length
    static final double POLE_MASS_LENGTH = MASS_POLE * LENGTH;
    static final double FORCE = 10.0;
    static final double TAU = 0.02;
    static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
    static final double X_THRESHOLD = 2.4;
    /** Gymnasium's TimeLimit for CartPole-v1. */
    public static final int MAX_STEPS = 500;

    private static final ActionSpace.Box OBSERVATION = new ActionSpace.Box(
            new float[] {-4.8f, Float.NEGATIVE_INFINITY, (float) (-2 * THETA_THRESHOLD), Float.NEGATIVE_INFINITY},
            new float[] {4.8f, Float.POSITIVE_INFINITY, (float) (2 * THETA_THRESHOLD), Float.POSITIVE_INFINITY});

    private final double[] state = new double[4];
    private int steps;
    private boolean terminatedBefore;
    private boolean done = true;

    @Override
    public ActionSpace actionSpace() {
        return ActionSpace.discrete(2);
    }

    @Override
    public ActionSpace.Box observationSpace() {
        return OBSERVATION;
    }

    /** A start state with every value uniform in [-0.05, 0.05]. */
    @Override
    public float[] reset(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 4; i++) {
            state[i] = random.nextDouble(-0.05, 0.05);
        }
        return begin(0);
    }

    /**
     * Starts from an exact state {@code (x, x_dot, theta, theta_dot)} as if {@code elapsedSteps}
     * steps had already been taken (for replaying recorded transitions).
     */
    public float[] resetTo(double x, double xDot, double theta, double thetaDot, int elapsedSteps) {
        state[0] = x;
        state[1] = xDot;
        state[2] = theta;
        state[3] = thetaDot;
        return begin(elapsedSteps);
    }

    private float[] begin(int elapsedSteps) {
        steps = elapsedSteps;
        terminatedBefore = false;
        done = false;
        return observation();
    }

    private float[] observation() {
        return new float[] {(float) state[0], (float) state[1], (float) state[2], (float) state[3]};
    }

    @Override
    public Step step(Action action) {
        if (!(action instanceof Action.Discrete d) || d.index() < 0 || d.index() > 1) {
            throw new IllegalArgumentException("CartPole-v1 takes a discrete action 0 (push left) or 1 (push right), got "
                    + action);
        }
        if (done) {
            throw new IllegalStateException("the CartPole episode is over (terminated or truncated); call reset(seed) first");
        }
        double x = state[0];
        double xDot = state[1];
        double theta = state[2];
        double thetaDot = state[3];
        double force = d.index() == 1 ? FORCE : -FORCE;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp) / (LENGTH * (4.0 / 3.0 - MASS_POLE * cos * cos / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        state[0] = x + TAU * xDot;
        state[1] = xDot + TAU * xAcc;
        state[2] = theta + TAU * thetaDot;
        state[3] = thetaDot + TAU * thetaAcc;
        steps++;
        boolean terminated = state[0] < -X_THRESHOLD || state[0] > X_THRESHOLD || state[2] < -THETA_THRESHOLD
                || state[2] > THETA_THRESHOLD;
        double reward = terminatedBefore ? 0.0 : 1.0;
        terminatedBefore |= terminated;
        // Gymnasium's TimeLimit sets truncated at the limit even when the same step also terminates.
        boolean truncated = steps >= MAX_STEPS;
        done = terminated || truncated;
        return new Step(observation(), reward, terminated, truncated, Map.of("steps", steps));
    }
}
