package io.github.rltrading.learning.experience;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One decision and what followed it: a transition (state, action, reward, next state, done) with
 * the context a later reader needs to judge it.
 *
 * @param id                 the store's row id; 0 before the experience is stored
 * @param instrument         the instrument's symbol ({@code ES}, {@code MES}); experiences are
 *                           partitioned by it
 * @param modelVersion       the registry version that decided ({@code v3_20261130_101500}), or "" when
 *                           no registered model did
 * @param time               the bar's time
 * @param state              the observation the policy saw
 * @param action             the action taken (one value for a continuous action or a discrete index)
 * @param reward             the reward received for it
 * @param nextState          the observation after it
 * @param done               whether the episode (session, trading day) ended with it
 * @param marketConditions   named numbers describing the market then ({@code atr}, {@code volume},
 *                           {@code regime}), may be empty
 * @param policyConfidence   the policy's confidence in [0, 1]
 * @param reasonerConfidence the reasoner's confidence in [0, 1], or NaN when no reasoner ran
 * @param outcome            how the trade ended, or null while the trade is open or when none was made
 * @param reflection         the reasoner's annotation written after the fact, or null
 */
public record Experience(long id, String instrument, String modelVersion, Instant time, float[] state, float[] action,
        double reward, float[] nextState, boolean done, Map<String, Double> marketConditions, double policyConfidence,
        double reasonerConfidence, TradeOutcome outcome, String reflection) {

    public Experience {
        Objects.requireNonNull(instrument, "instrument");
        if (instrument.isBlank()) {
            throw new IllegalArgumentException("experience instrument must not be blank; give the symbol, e.g. ES");
        }
        modelVersion = modelVersion == null ? "" : modelVersion;
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(nextState, "nextState");
        marketConditions = marketConditions == null ? Map.of() : Map.copyOf(marketConditions);
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("experience reward must be a finite number, got " + reward + " at " + time);
        }
        if (!(policyConfidence >= 0 && policyConfidence <= 1)) {
            throw new IllegalArgumentException("experience policyConfidence must be in [0, 1], got " + policyConfidence);
        }
        if (!Double.isNaN(reasonerConfidence) && !(reasonerConfidence >= 0 && reasonerConfidence <= 1)) {
            throw new IllegalArgumentException("experience reasonerConfidence must be in [0, 1] or NaN (no reasoner), got "
                    + reasonerConfidence);
        }
    }

    /** A new experience (not yet stored) without outcome or reflection. */
    public static Experience of(String instrument, String modelVersion, Instant time, float[] state, float[] action,
            double reward, float[] nextState, boolean done) {
        return new Experience(0, instrument, modelVersion, time, state, action, reward, nextState, done, Map.of(), 0.5,
                Double.NaN, null, null);
    }

    public Experience withId(long value) {
        return new Experience(value, instrument, modelVersion, time, state, action, reward, nextState, done, marketConditions,
                policyConfidence, reasonerConfidence, outcome, reflection);
    }

    public Experience withOutcome(TradeOutcome value) {
        return new Experience(id, instrument, modelVersion, time, state, action, reward, nextState, done, marketConditions,
                policyConfidence, reasonerConfidence, value, reflection);
    }

    public Experience withReflection(String value) {
        return new Experience(id, instrument, modelVersion, time, state, action, reward, nextState, done, marketConditions,
                policyConfidence, reasonerConfidence, outcome, value);
    }

    public Experience withConfidence(double policy, double reasoner) {
        return new Experience(id, instrument, modelVersion, time, state, action, reward, nextState, done, marketConditions,
                policy, reasoner, outcome, reflection);
    }

    public Experience withMarketConditions(Map<String, Double> value) {
        return new Experience(id, instrument, modelVersion, time, state, action, reward, nextState, done, value,
                policyConfidence, reasonerConfidence, outcome, reflection);
    }

    public boolean hasReasoner() {
        return !Double.isNaN(reasonerConfidence);
    }
}
