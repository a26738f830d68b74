package io.github.rltrading.learning.hpo;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The objective's view of one running trial: its parameters (already sampled; there is no
 * {@code suggest} call) and a place to report intermediate values and ask the pruner whether to go
 * on.
 *
 * <pre>{@code
 * Objective objective = trial -> {
 *     double lr = trial.getDouble("learningRate");
 *     int layers = trial.getInt("layers");
 *     String activation = trial.getString("activation");
 *     Model model = ...;
 *     for (int epoch = 0; epoch < 20; epoch++) {
 *         double loss = model.trainEpoch();
 *         trial.report(epoch, loss);
 *         if (trial.shouldPrune()) {
 *             throw new TrialPruned("pruned at epoch " + epoch);
 *         }
 *     }
 *     return model.validationLoss();
 * };
 * }</pre>
 *
 * <p>Pruning is a flag plus an exception, as in Optuna: {@link #shouldPrune()} only answers, and the
 * objective decides to stop by throwing {@link TrialPruned} (so it can clean up first).
 */
public final class Trial {

    /** The study's side of a trial: the pruner's verdict for the values reported so far. */
    interface PruneCheck {
        boolean shouldPrune(Trial trial);
    }

    private final String study;
    private final int number;
    private final Map<String, Object> params;
    private final long samplerSeed;
    private final PruneCheck pruneCheck;
    private final TreeMap<Long, Double> intermediate = new TreeMap<>();

    Trial(String study, int number, Map<String, Object> params, long samplerSeed, PruneCheck pruneCheck) {
        this.study = study;
        this.number = number;
        this.params = Collections.unmodifiableMap(params);
        this.samplerSeed = samplerSeed;
        this.pruneCheck = pruneCheck;
    }

    /** The trial's number in its study, from 0. */
    public int number() {
        return number;
    }

    /** The seed the sampler drew this trial's parameters with. */
    public long samplerSeed() {
        return samplerSeed;
    }

    /**
     * All parameters by name: {@link Double} for uniform and log-uniform, {@link Integer} for
     * integer and {@link String} for categorical parameters.
     */
    public Map<String, Object> params() {
        return params;
    }

    /** A real parameter's value; an integer parameter's value is widened. */
    public double getDouble(String name) {
        Object value = require(name);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(name, value, "getString");
    }

    /** An integer parameter's value. */
    public int getInt(String name) {
        Object value = require(name);
        if (value instanceof Integer i) {
            return i;
        }
        throw wrongType(name, value, value instanceof Double ? "getDouble" : "getString");
    }

    /** A categorical parameter's value. */
    public String getString(String name) {
        Object value = require(name);
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(name, value, value instanceof Integer ? "getInt" : "getDouble");
    }

    private Object require(String name) {
        Object value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("trial " + number + " of study \"" + study + "\" has no parameter \"" + name
                    + "\"; its parameters are " + params.keySet());
        }
        return value;
    }

    private IllegalArgumentException wrongType(String name, Object value, String use) {
        return new IllegalArgumentException("parameter \"" + name + "\" of trial " + number + " is a "
                + value.getClass().getSimpleName() + " (" + value + "); read it with " + use + "(\"" + name + "\")");
    }

    /**
     * Records the objective's value at {@code step} (an epoch, a number of environment steps), for
     * the pruner and the audit log. NaN is allowed (a diverged loss) and makes the median pruner
     * prune.
     *
     * @throws IllegalArgumentException if {@code step} is negative or was reported before
     */
    public synchronized void report(long step, double value) {
        if (step < 0) {
            throw new IllegalArgumentException("trial " + number + ": step must be >= 0, got " + step);
        }
        if (intermediate.containsKey(step)) {
            throw new IllegalArgumentException("trial " + number + ": step " + step + " was already reported (value "
                    + intermediate.get(step) + "); report each step once");
        }
        intermediate.put(step, value);
    }

    /**
     * Whether the study's pruner advises stopping now, judged on the values reported so far
     * against the trials that completed. Throw {@link TrialPruned} to follow the advice.
     */
    public boolean shouldPrune() {
        return pruneCheck.shouldPrune(this);
    }

    /** A copy of the values reported so far, by step. */
    public synchronized SortedMap<Long, Double> intermediateValues() {
        return new TreeMap<>(intermediate);
    }
}
