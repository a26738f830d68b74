package io.github.rltrading.learning.live;

import io.github.rltrading.agents.model.Agent;
import io.github.rltrading.agents.model.AgentPolicy;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.env.trading.EnvObservationPolicy;
import io.github.rltrading.env.trading.TradingEnv;
import java.util.Objects;

/**
 * A model trained in rl-env's trading environment (a window of W feature rows plus the agent's own
 * state) as a session policy. The window is not configured but worked out at the first bar from the
 * model's input size and the session's feature count ({@code inputs = W · features + }
 * {@value TradingEnv#STATE_SIZE}), so a model can only run on the feature set it was trained with:
 * any other count is refused with both numbers named.
 */
public final class WindowedModelPolicy implements Policy {

    private final Agent agent;
    private final double maxContracts;
    private final double tickSize;
    private EnvObservationPolicy policy;

    public WindowedModelPolicy(Agent agent, double maxContracts, double tickSize) {
        this.agent = Objects.requireNonNull(agent, "agent");
        if (!(maxContracts > 0) || !(tickSize > 0)) {
            throw new IllegalArgumentException("maxContracts and tickSize must be positive, got " + maxContracts + " and " + tickSize);
        }
        this.maxContracts = maxContracts;
        this.tickSize = tickSize;
    }

    /** The window W for a model of {@code inputs} inputs on rows of {@code features} features. */
    public static int window(int inputs, int features, String model) {
        int rows = inputs - TradingEnv.STATE_SIZE;
        if (features < 1 || rows < features || rows % features != 0) {
            throw new IllegalArgumentException(model + " takes " + inputs + " inputs, which is not W x " + features + " features + "
                    + TradingEnv.STATE_SIZE + " state values for any window W; run it on the feature set it was trained with");
        }
        return rows / features;
    }

    @Override
    public synchronized Decision decide(Observation observation) {
        if (policy == null) {
            int w = window(agent.observationSize(), observation.features().length, agent.algorithm() + " model");
            policy = new EnvObservationPolicy(AgentPolicy.of(agent, true), w, observation.features().length, maxContracts, tickSize);
        }
        return policy.decide(observation);
    }

    @Override
    public void close() {
        agent.close();
    }
}
