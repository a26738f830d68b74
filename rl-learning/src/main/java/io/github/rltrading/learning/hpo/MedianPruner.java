package io.github.rltrading.learning.hpo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Optuna's {@code MedianPruner}: stop a trial whose best intermediate value so far is worse than
 * the median of the completed trials' values at the same step.
 *
 * <p>Defaults as in Optuna: {@code nStartupTrials = 5} (no pruning until five trials completed),
 * {@code nWarmupSteps = 0}, {@code intervalSteps = 1}, {@code nMinTrials = 1}. Like Optuna, the
 * trial's <em>best</em> value over the steps it reported is compared (not only the latest), so a
 * trial is not pruned for one noisy step after a good one; a trial whose values are all NaN is
 * pruned. Completed trials that did not report this step are left out of the median; with fewer
 * than {@code nMinTrials} values at the step the trial goes on. Pruned and failed trials never count.
 */
public final class MedianPruner implements Pruner {

    private final int nStartupTrials;
    private final int nWarmupSteps;
    private final int intervalSteps;
    private final int nMinTrials;

    private MedianPruner(Builder b) {
        this.nStartupTrials = b.nStartupTrials;
        this.nWarmupSteps = b.nWarmupSteps;
        this.intervalSteps = b.intervalSteps;
        this.nMinTrials = b.nMinTrials;
    }

    /** Optuna's defaults: 5 start-up trials, no warm-up, a check at every step. */
    public static MedianPruner defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean shouldPrune(TrialRecord trial, List<TrialRecord> finished, Direction direction) {
        List<TrialRecord> completed = finished.stream().filter(TrialRecord::isComplete).toList();
        if (completed.isEmpty() || completed.size() < nStartupTrials) {
            return false;
        }
        long step = trial.lastStep();
        if (step < 0 || step < nWarmupSteps) {
            return false;
        }
        if (!isFirstReportInInterval(trial, step)) {
            return false;
        }
        double best = bestIntermediate(trial, direction);
        if (Double.isNaN(best)) {
            return true;
        }
        List<Double> atStep = new ArrayList<>();
        for (TrialRecord t : completed) {
            Double v = t.intermediateValues().get(step);
            if (v != null && !v.isNaN()) {
                atStep.add(v);
            }
        }
        if (atStep.size() < nMinTrials || atStep.isEmpty()) {
            return false;
        }
        return direction.isBetter(median(atStep), best);
    }

    /**
     * Whether {@code step} is the first step reported in its checking interval (the intervals start
     * at {@code nWarmupSteps} and are {@code intervalSteps} long): a trial is judged once per
     * interval, at the first value it reports in it.
     */
    private boolean isFirstReportInInterval(TrialRecord trial, long step) {
        long nearestCheckStep = Math.floorDiv(step - nWarmupSteps, intervalSteps) * intervalSteps + nWarmupSteps;
        long previous = -1;
        for (long s : trial.intermediateValues().keySet()) {
            if (s != step && s > previous) {
                previous = s;
            }
        }
        return previous < nearestCheckStep;
    }

    private static double bestIntermediate(TrialRecord trial, Direction direction) {
        double best = Double.NaN;
        for (double v : trial.intermediateValues().values()) {
            if (!Double.isNaN(v) && (Double.isNaN(best) || direction.isBetter(v, best))) {
                best = v;
            }
        }
        return best;
    }

    /** The median with linear interpolation between the two middle values (NumPy's default). */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : 0.5 * (sorted.get(n / 2 - 1) + sorted.get(n / 2));
    }

    @Override
    public String description() {
        return "MedianPruner(nStartupTrials=" + nStartupTrials + ", nWarmupSteps=" + nWarmupSteps + ", intervalSteps="
                + intervalSteps + ", nMinTrials=" + nMinTrials + ")";
    }

    @Override
    public String toString() {
        return description();
    }

    /** Settings of a {@link MedianPruner}; each starts at Optuna's default. */
    public static final class Builder {
        private int nStartupTrials = 5;
        private int nWarmupSteps = 0;
        private int intervalSteps = 1;
        private int nMinTrials = 1;

        private Builder() {}

        /** Completed trials needed before any pruning (default 5). */
        public Builder nStartupTrials(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("MedianPruner nStartupTrials must be >= 0, got " + value);
            }
            nStartupTrials = value;
            return this;
        }

        /** Steps of every trial that are never pruned (default 0). */
        public Builder nWarmupSteps(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("MedianPruner nWarmupSteps must be >= 0, got " + value);
            }
            nWarmupSteps = value;
            return this;
        }

        /** Steps between two checks after the warm-up (default 1: check every step). */
        public Builder intervalSteps(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("MedianPruner intervalSteps must be >= 1, got " + value);
            }
            intervalSteps = value;
            return this;
        }

        /** Completed trials that must have reported a step before a trial is judged at it (default 1). */
        public Builder nMinTrials(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("MedianPruner nMinTrials must be >= 1, got " + value);
            }
            nMinTrials = value;
            return this;
        }

        public MedianPruner build() {
            return new MedianPruner(this);
        }
    }
}
