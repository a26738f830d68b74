package io.github.rltrading.core.spi;

import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import java.util.Objects;

/**
 * Turns an observation into a decision: an RL agent, a rules strategy, or a fallback.
 *
 * <pre>{@code
 * Policy policy = Plugins.policy(config).withFallback(Policies.flat());
 * Decision d = policy.decide(observation);
 * }</pre>
 *
 * Implementations should be deterministic for a given observation unless they document sampling.
 */
@FunctionalInterface
public interface Policy extends AutoCloseable {

    /** Decides on one observation. May throw; callers that must not fail use {@link #withFallback}. */
    Decision decide(Observation observation);

    /**
     * A policy that asks this one and, if it throws, asks {@code fallback} instead and says so in
     * the rationale. The architecture's rule "a model that fails never stops trading safely" is
     * built from this.
     */
    default Policy withFallback(Policy fallback) {
        Objects.requireNonNull(fallback, "fallback");
        Policy primary = this;
        return new Policy() {
            @Override
            public Decision decide(Observation observation) {
                try {
                    return primary.decide(observation);
                } catch (RuntimeException e) {
                    Decision d = fallback.decide(observation);
                    return d.withTarget(d.targetPosition(), "fallback after policy failure: " + e);
                }
            }

            @Override
            public void close() {
                try {
                    primary.close();
                } finally {
                    fallback.close();
                }
            }
        };
    }

    /** Releases native resources (models); the default does nothing. */
    @Override
    default void close() {}
}
