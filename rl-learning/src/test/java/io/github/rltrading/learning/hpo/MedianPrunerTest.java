package io.github.rltrading.learning.hpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MedianPrunerTest {

    /** A completed trial that reported {@code value} at steps 0 to 4. */
    private static TrialRecord completed(int number, double value) {
        TreeMap<Long, Double> steps = new TreeMap<>();
        for (long s = 0; s < 5; s++) {
            steps.put(s, value);
        }
        return new TrialRecord(number, TrialState.COMPLETE, Map.of("x", 0.0), value, steps, number, Instant.EPOCH, Instant.EPOCH, null);
    }

    private static List<TrialRecord> completedWithValues(double... values) {
        List<TrialRecord> trials = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            trials.add(completed(i, values[i]));
        }
        return trials;
    }

    private static TrialRecord running(Map<Long, Double> reported) {
        return new TrialRecord(99, TrialState.RUNNING, Map.of("x", 0.0), Double.NaN, new TreeMap<>(reported), 0, Instant.EPOCH,
                null, null);
    }

    private final MedianPruner pruner = MedianPruner.defaults();

    @Test
    void prunesATrialClearlyWorseThanTheMedianAtItsStep() {
        List<TrialRecord> history = completedWithValues(1, 2, 3, 4, 5);
        assertThat(pruner.shouldPrune(running(Map.of(0L, 100.0)), history, Direction.MINIMIZE)).isTrue();
        assertThat(pruner.shouldPrune(running(Map.of(0L, 2.5)), history, Direction.MINIMIZE)).isFalse();
        assertThat(pruner.shouldPrune(running(Map.of(0L, 3.0)), history, Direction.MINIMIZE)).as("equal to the median").isFalse();
    }

    @Test
    void doesNotPruneDuringTheStartupTrials() {
        assertThat(pruner.shouldPrune(running(Map.of(0L, 100.0)), completedWithValues(1, 2, 3, 4), Direction.MINIMIZE)).isFalse();
        assertThat(pruner.shouldPrune(running(Map.of(0L, 100.0)), List.of(), Direction.MINIMIZE)).isFalse();
    }

    @Test
    void onlyCompletedTrialsCountTowardsStartupAndMedian() {
        List<TrialRecord> history = completedWithValues(1, 2, 3, 4);
        history.add(new TrialRecord(10, TrialState.PRUNED, Map.of("x", 0.0), Double.NaN, new TreeMap<>(Map.of(0L, 50.0)), 0,
                Instant.EPOCH, Instant.EPOCH, null));
        history.add(new TrialRecord(11, TrialState.FAIL, Map.of("x", 0.0), Double.NaN, null, 0, Instant.EPOCH, Instant.EPOCH, "x"));
        assertThat(pruner.shouldPrune(running(Map.of(0L, 100.0)), history, Direction.MINIMIZE)).isFalse();
    }

    @Test
    void maximisingPrunesTrialsBelowTheMedian() {
        List<TrialRecord> history = completedWithValues(1, 2, 3, 4, 5);
        assertThat(pruner.shouldPrune(running(Map.of(0L, 0.5)), history, Direction.MAXIMIZE)).isTrue();
        assertThat(pruner.shouldPrune(running(Map.of(0L, 100.0)), history, Direction.MAXIMIZE)).isFalse();
    }

    @Test
    void judgesTheBestValueSoFarAsOptunaDoes() {
        List<TrialRecord> history = completedWithValues(1, 2, 3, 4, 5);
        // a good step 0 keeps the trial alive despite a bad step 1
        assertThat(pruner.shouldPrune(running(Map.of(0L, 0.5, 1L, 100.0)), history, Direction.MINIMIZE)).isFalse();
        // all NaN: diverged, pruned
        assertThat(pruner.shouldPrune(running(Map.of(0L, Double.NaN)), history, Direction.MINIMIZE)).isTrue();
    }

    @Test
    void warmupStepsAreNeverPruned() {
        MedianPruner warm = MedianPruner.builder().nWarmupSteps(2).build();
        List<TrialRecord> history = completedWithValues(1, 2, 3, 4, 5);
        assertThat(warm.shouldPrune(running(Map.of(0L, 100.0, 1L, 100.0)), history, Direction.MINIMIZE)).isFalse();
        assertThat(warm.shouldPrune(running(Map.of(0L, 100.0, 1L, 100.0, 2L, 100.0)), history, Direction.MINIMIZE)).isTrue();
    }

    @Test
    void withAnIntervalATrialIsJudgedAtTheFirstReportOfEachInterval() {
        MedianPruner everyOther = MedianPruner.builder().intervalSteps(2).build();
        List<TrialRecord> history = completedWithValues(1, 2, 3, 4, 5);
        assertThat(everyOther.shouldPrune(running(Map.of(0L, 100.0, 1L, 100.0)), history, Direction.MINIMIZE)).isFalse();
        assertThat(everyOther.shouldPrune(running(Map.of(0L, 100.0, 1L, 100.0, 2L, 100.0)), history, Direction.MINIMIZE)).isTrue();
        // step 3 alone (nothing reported since step 1): first report of the interval [2, 4)
        assertThat(everyOther.shouldPrune(running(Map.of(1L, 100.0, 3L, 100.0)), history, Direction.MINIMIZE)).isTrue();
    }

    @Test
    void completedTrialsThatSkippedTheStepAreLeftOutOfTheMedian() {
        List<TrialRecord> history = completedWithValues(1, 2, 3, 4, 5);
        assertThat(pruner.shouldPrune(running(Map.of(7L, 100.0)), history, Direction.MINIMIZE)).as("nobody reported step 7").isFalse();
        assertThat(MedianPruner.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> MedianPruner.builder().intervalSteps(0)).hasMessage("MedianPruner intervalSteps must be >= 1, got 0");
        assertThatThrownBy(() -> MedianPruner.builder().nStartupTrials(-1)).hasMessage("MedianPruner nStartupTrials must be >= 0, got -1");
    }
}
