package io.github.rltrading.agents.model;

import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.ActionSpace;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.spi.Policy;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A trained agent as a session's {@link Policy}: the observation's features go to the agent, its
 * action becomes a target position, its confidence the decision's confidence (which the decision
 * gate routes on).
 *
 * <ul>
 *   <li>Continuous (PPO, SAC): the first action dimension, mapped linearly from the space's bounds
 *       to a target in [-1, 1].</li>
 *   <li>Discrete (PPO, DQN): each action index has a target; by default {-1, 0, 1} for three
 *       actions (short, flat, long) and {0, 1} for two.</li>
 * </ul>
 *
 * The agent must take exactly the observation it is given: the session's feature row, or, for a
 * model trained on {@code TradingEnv}'s windowed observation (W rows plus the agent's state), the
 * observation that rl-env's {@code EnvObservationPolicy} rebuilds around this policy. A wrong size is
 * refused with both sizes named. Thread-safe (agents serialise {@code decide}).
 */
public final class AgentPolicy implements Policy {

    private final Agent agent;
    private final boolean deterministic;
    private final double[] targets;

    private AgentPolicy(Agent agent, boolean deterministic, double[] targets) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.deterministic = deterministic;
        this.targets = targets;
    }

    /** A continuous agent, or a discrete one with the default targets. */
    public static AgentPolicy of(Agent agent, boolean deterministic) {
        if (agent.actionSpace() instanceof ActionSpace.Discrete d) {
            return switch (d.n()) {
                case 2 -> new AgentPolicy(agent, deterministic, new double[] {0, 1});
                case 3 -> new AgentPolicy(agent, deterministic, new double[] {-1, 0, 1});
                default -> throw new IllegalArgumentException("a discrete " + agent.algorithm() + " model with " + d.n()
                        + " actions needs explicit targets: AgentPolicy.discrete(agent, deterministic, targets)");
            };
        }
        return new AgentPolicy(agent, deterministic, null);
    }

    /** A discrete agent whose action {@code i} means target position {@code targets[i]}. */
    public static AgentPolicy discrete(Agent agent, boolean deterministic, double... targets) {
        if (!(agent.actionSpace() instanceof ActionSpace.Discrete d) || d.n() != targets.length) {
            throw new IllegalArgumentException("targets " + Arrays.toString(targets) + " must give one target per action of "
                    + agent.actionSpace());
        }
        for (double t : targets) {
            if (!(t >= -1 && t <= 1)) {
                throw new IllegalArgumentException("targets must be in [-1, 1], got " + Arrays.toString(targets));
            }
        }
        return new AgentPolicy(agent, deterministic, targets.clone());
    }

    public Agent agent() {
        return agent;
    }

    @Override
    public Decision decide(Observation observation) {
        Agent.Decided d = agent.decide(observation.features(), deterministic);
        double target;
        if (d.action() instanceof Action.Discrete a) {
            target = targets[a.index()];
        } else {
            ActionSpace.Box box = (ActionSpace.Box) agent.actionSpace();
            float v = ((Action.Continuous) d.action()).get(0);
            float lo = box.low()[0];
            float hi = box.high()[0];
            target = hi > lo ? -1 + 2.0 * (v - lo) / (hi - lo) : 0;
        }
        target = Math.max(-1, Math.min(1, target));
        return new Decision(d.action(), target, d.confidence(),
                String.format(Locale.ROOT, "%s model: target %.2f, confidence %.2f", agent.algorithm(), target, d.confidence()),
                agent.algorithm());
    }

    @Override
    public void close() {
        agent.close();
    }
}
