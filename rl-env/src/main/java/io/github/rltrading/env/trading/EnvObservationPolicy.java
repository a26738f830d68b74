package io.github.rltrading.env.trading;

import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.spi.Policy;
import java.util.Objects;

/**
 * Lets a policy trained in {@link TradingEnv} trade through a {@code TradingSession}: it rebuilds,
 * from the session's one feature row per bar and the position behind it, exactly the observation
 * the environment showed the agent (the last W rows, then position, open P&amp;L in ticks, time in
 * position, the last four targets and the last four log returns, scaled as
 * {@link TradingEnv#observe} scales them), and hands that to the wrapped policy.
 *
 * <pre>{@code
 * Policy live = new EnvObservationPolicy(AgentPolicy.of(Ppo.load(dir), true), 32, 71, 1.0, ContractSpecs.ES.tickSize());
 * }</pre>
 *
 * <ul>
 *   <li>The session's feature set must be the one the environment's feature matrix came from (same
 *       columns, same normalisation); the model's {@code model.json} records its id and hash.</li>
 *   <li>Until W rows have been seen it keeps the position (rationale "warming up"), as the
 *       environment never starts an episode without a full window; like an episode's start, the
 *       first decision sees no recent targets or returns.</li>
 *   <li>The targets it remembers are the wrapped policy's; when a decision gate or a risk gate
 *       changes one, the environment (without them) would have remembered the unchanged target.</li>
 * </ul>
 *
 * Not thread-safe: one per session, called from its loop.
 */
public final class EnvObservationPolicy implements Policy {

    private final Policy inner;
    private final int window;
    private final int columns;
    private final double maxContracts;
    private final double tickSize;
    private final float[] rows;
    private int seen;
    private final double[] recentTargets = new double[4];
    private final double[] recentReturns = new double[4];
    private double previousClose = Double.NaN;

    /**
     * @param inner        the trained policy, taking {@code window * columns + TradingEnv.STATE_SIZE} inputs
     * @param window       the environment's window W
     * @param columns      features per row
     * @param maxContracts the environment's maximum position (the session's {@code maxPosition})
     * @param tickSize     the instrument's tick size (open P&amp;L is measured in ticks)
     */
    public EnvObservationPolicy(Policy inner, int window, int columns, double maxContracts, double tickSize) {
        this.inner = Objects.requireNonNull(inner, "inner");
        if (window < 1 || columns < 1 || !(maxContracts > 0) || !(tickSize > 0)) {
            throw new IllegalArgumentException("EnvObservationPolicy needs window >= 1, columns >= 1, maxContracts > 0 and "
                    + "tickSize > 0, got " + window + ", " + columns + ", " + maxContracts + ", " + tickSize);
        }
        this.window = window;
        this.columns = columns;
        this.maxContracts = maxContracts;
        this.tickSize = tickSize;
        this.rows = new float[window * columns];
    }

    /** The size of the observation the wrapped policy receives. */
    public int observationSize() {
        return window * columns + TradingEnv.STATE_SIZE;
    }

    @Override
    public Decision decide(Observation observation) {
        if (observation.features().length != columns) {
            throw new IllegalArgumentException("EnvObservationPolicy expects rows of " + columns + " features, got "
                    + observation.features().length + "; use the feature set the model was trained on");
        }
        Observation.PositionState account = observation.account();
        if (!account.isKnown()) {
            throw new IllegalArgumentException("EnvObservationPolicy needs the position behind each observation (last "
                    + "price, entry price); the caller passed none");
        }
        // Slide the window: drop the oldest row, append this one.
        System.arraycopy(rows, columns, rows, 0, rows.length - columns);
        System.arraycopy(observation.features(), 0, rows, rows.length - columns, columns);
        seen++;
        double close = account.lastPrice();
        // Returns count from the first decision on, as an environment episode starts with none.
        if (seen > window) {
            System.arraycopy(recentReturns, 0, recentReturns, 1, 3);
            recentReturns[0] = Math.log(close / previousClose);
        }
        previousClose = close;
        if (seen < window) {
            return Decision.target(observation.position(), 1.0, "warming up: " + seen + " of " + window + " rows", "env-observation");
        }
        float[] out = new float[observationSize()];
        System.arraycopy(rows, 0, out, 0, rows.length);
        int i = rows.length;
        double q = account.quantity();
        out[i++] = (float) (q / maxContracts);
        out[i++] = q == 0 ? 0f : (float) (Math.signum(q) * (close - account.averagePrice()) / tickSize / 100.0);
        out[i++] = (float) (Math.min(account.barsInPosition(), 1000) / 100.0);
        for (int k = 0; k < 4; k++) {
            out[i++] = (float) recentTargets[k];
        }
        for (int k = 0; k < 4; k++) {
            out[i++] = (float) (recentReturns[k] * 100);
        }
        Decision d = inner.decide(new Observation(observation.time(), out, observation.position(), account));
        System.arraycopy(recentTargets, 0, recentTargets, 1, 3);
        recentTargets[0] = d.targetPosition();
        return d;
    }

    @Override
    public void close() {
        inner.close();
    }
}
