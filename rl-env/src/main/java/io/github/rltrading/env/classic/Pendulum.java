package io.github.rltrading.env.classic;

import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.ActionSpace;
import io.github.rltrading.core.spi.Environment;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code Pendulum-v1}: swing a pendulum up with a torque in [-2, 2] (larger values are clipped).
 * Observation {@code (cos θ, sin θ, θ̇)} as float32; reward
 * {@code -(normalize(θ)² + 0.1·θ̇² + 0.001·u²)} with the clipped torque; never terminates, truncated
 * after 200 steps. Gymnasium's constants: g = 10, m = 1, l = 1, dt = 0.05, max speed 8.
 */
public final class Pendulum implements Environment {

    static final double MAX_SPEED = 8;
    static final double MAX_TORQUE = 2.0;
    static final double DT = 0.05;
    static final double G = 10.0;
    static final double M = 1.0;
    static final double L = 1.0;
    /** Gymnasium's TimeLimit for Pendulum-v1. */
    public static final int MAX_STEPS = 200;

    private static final ActionSpace.Box ACTIONS = ActionSpace.box((float) -MAX_TORQUE, (float) MAX_TORQUE);
    private static final ActionSpace.Box OBSERVATION = new ActionSpace.Box(new float[] {-1f, -1f, (float) -MAX_SPEED},
            new float[] {1f, 1f, (float) MAX_SPEED});

    private double theta;
    private double thetaDot;
    private int steps;
    private boolean done = true;

    /** Box [-2, 2]; {@link #step} also accepts values outside it and clips them, as Gymnasium does. */
    @Override
    public ActionSpace actionSpace() {
        return ACTIONS;
    }

    @Override
    public ActionSpace.Box observationSpace() {
        return OBSERVATION;
    }

    /** θ uniform in [-π, π], θ̇ uniform in [-1, 1]. */
    @Override
    public float[] reset(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return resetTo(random.nextDouble(-Math.PI, Math.PI), random.nextDouble(-1, 1), 0);
    }

    /** Starts from an exact state as if {@code elapsedSteps} steps had been taken (for replays). */
    public float[] resetTo(double theta, double thetaDot, int elapsedSteps) {
        this.theta = theta;
        this.thetaDot = thetaDot;
        this.steps = elapsedSteps;
        this.done = false;
        return observation();
    }

    private float[] observation() {
        return new float[] {(float) Math.cos(theta), (float) Math.sin(theta), (float) thetaDot};
    }

    static double angleNormalize(double x) {
        // Python's % takes the sign of the divisor: ((x + π) mod 2π) − π with a non-negative modulo.
        double twoPi = 2 * Math.PI;
        double m = (x + Math.PI) % twoPi;
        if (m < 0) {
            m += twoPi;
        }
        return m - Math.PI;
    }

    @Override
    public Step step(Action action) {
        if (!(action instanceof Action.Continuous c) || c.values().length != 1 || Float.isNaN(c.values()[0])) {
            throw new IllegalArgumentException("Pendulum-v1 takes one continuous torque (clipped to [-2, 2]), got " + action);
        }
        return step(c.values()[0]);
    }

    /** One step with a torque given in double precision (values outside [-2, 2] are clipped). */
    public Step step(double torque) {
        if (done) {
            throw new IllegalStateException("the Pendulum episode is over (truncated); call reset(seed) first");
        }
        double u = Math.max(-MAX_TORQUE, Math.min(MAX_TORQUE, torque));
        double normalized = angleNormalize(theta);
        double costs = normalized * normalized + 0.1 * thetaDot * thetaDot + 0.001 * (u * u);
        double newThetaDot = thetaDot + (3 * G / (2 * L) * Math.sin(theta) + 3.0 / (M * L * L) * u) * DT;
        newThetaDot = Math.max(-MAX_SPEED, Math.min(MAX_SPEED, newThetaDot));
        theta = theta + newThetaDot * DT;
        thetaDot = newThetaDot;
        steps++;
        boolean truncated = steps >= MAX_STEPS;
        done = truncated;
        return new Step(observation(), -costs, false, truncated, Map.of("steps", steps));
    }
}
