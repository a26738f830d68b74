package io.github.rltrading.learning.hpo;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One trial as stored: the audit record of what was tried, with what seed, and how it ended.
 *
 * @param number             the trial's number in its study, from 0, never reused
 * @param state              how it stands
 * @param params             the sampled values by parameter name, in the search space's order
 * @param value              the objective's value when {@link TrialState#COMPLETE}, NaN otherwise
 * @param intermediateValues the values reported per step ({@link Trial#report}), by step
 * @param samplerSeed        the seed of the random generator the sampler drew this trial's
 *                           parameters with (derived from the study's seed and {@code number})
 * @param started            when the parameters were sampled
 * @param finished           when it ended, or null while {@link TrialState#RUNNING}
 * @param error              why it failed when {@link TrialState#FAIL}, null otherwise
 */
public record TrialRecord(int number, TrialState state, Map<String, Object> params, double value,
        SortedMap<Long, Double> intermediateValues, long samplerSeed, Instant started, Instant finished, String error) {

    public TrialRecord {
        if (number < 0) {
            throw new IllegalArgumentException("trial number must be >= 0, got " + number);
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(started, "started");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(params, "params")));
        intermediateValues = Collections.unmodifiableSortedMap(new TreeMap<>(
                intermediateValues == null ? Map.of() : intermediateValues));
        if (state == TrialState.COMPLETE && Double.isNaN(value)) {
            throw new IllegalArgumentException("trial " + number + " is COMPLETE but has no value (NaN); a NaN result is a FAIL");
        }
        if (state != TrialState.COMPLETE) {
            value = Double.NaN;
        }
        if (state.isFinished() != (finished != null)) {
            throw new IllegalArgumentException("trial " + number + " is " + state + " but its finish time is "
                    + (finished == null ? "missing" : finished) + "; only a RUNNING trial has none");
        }
        if (state != TrialState.FAIL) {
            error = null;
        } else if (error == null || error.isBlank()) {
            error = "unknown error";
        }
    }

    /** A trial whose parameters were just sampled. */
    public static TrialRecord running(int number, Map<String, Object> params, long samplerSeed, Instant started) {
        return new TrialRecord(number, TrialState.RUNNING, params, Double.NaN, null,
                samplerSeed, started, null, null);
    }

    /** This trial ended: {@code state} with {@code value} (NaN unless COMPLETE) and {@code error} (FAIL only). */
    public TrialRecord finish(TrialState newState, double newValue, SortedMap<Long, Double> intermediate, Instant at,
            String failure) {
        if (!newState.isFinished()) {
            throw new IllegalArgumentException("a trial finishes as COMPLETE, PRUNED or FAIL, not " + newState);
        }
        return new TrialRecord(number, newState, params, newValue, intermediate, samplerSeed, started, at, failure);
    }

    /** The largest step reported, or -1 when none was. */
    public long lastStep() {
        return intermediateValues.isEmpty() ? -1 : intermediateValues.lastKey();
    }

    public boolean isComplete() {
        return state == TrialState.COMPLETE;
    }
}
