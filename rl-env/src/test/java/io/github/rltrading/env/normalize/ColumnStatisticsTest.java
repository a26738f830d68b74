package io.github.rltrading.env.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnStatisticsTest {

    private static float[] normal(long seed, int n, double shift) {
        Random rnd = new Random(seed);
        float[] xs = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) (rnd.nextGaussian() + shift);
        }
        return xs;
    }

    /** Exact two-sample KS statistic from the raw samples, for comparison. */
    private static double exactKs(float[] a, float[] b) {
        float[] x = a.clone();
        float[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            float v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    @Test
    void psiIsZeroForTheFittedDataAndSmallForTheSameDistribution() {
        float[] base = normal(1, 20_000, 0);
        ColumnStatistics s = ColumnStatistics.of(base, 10);
        assertThat(s.psi(base)).isEqualTo(0.0);
        assertThat(s.psi(normal(2, 20_000, 0))).isBetween(0.0, 0.01);
    }

    @Test
    void psiIsLargeForAShiftedDistribution() {
        ColumnStatistics s = ColumnStatistics.of(normal(1, 20_000, 0), 10);
        double small = s.psi(normal(3, 20_000, 0.1));
        double large = s.psi(normal(3, 20_000, 1.0));
        assertThat(large).isGreaterThan(0.25);
        assertThat(large).isGreaterThan(10 * small);
        // values far outside the fitted range land in the open outer bins
        assertThat(s.psi(normal(4, 1000, 50))).isGreaterThan(large);
    }

    @Test
    void psiMatchesTheFormulaOnAHandMadeHistogram() {
        // two bins; edges from Q1 to Q99 of {0, 0, 1, 1}: Q1 = 0, Q99 = 1, inner edge 0.5
        ColumnStatistics s = ColumnStatistics.of(new float[] {0, 0, 1, 1}, 2);
        assertThat(s.binCounts()).containsExactly(2, 2);
        // sample: 3 in bin 0, 1 in bin 1 -> (0.75 - 0.5) ln 1.5 + (0.25 - 0.5) ln 0.5
        double expected = 0.25 * Math.log(1.5) - 0.25 * Math.log(0.5);
        assertThat(s.psi(new float[] {0, 0.2f, 0.4f, Float.NaN, 0.9f})).isCloseTo(expected, within(1e-12));
    }

    @Test
    void ksApproximationIsCloseToTheExactTwoSampleStatistic() {
        float[] base = normal(1, 20_000, 0);
        ColumnStatistics s = ColumnStatistics.of(base, 10);
        float[] same = normal(2, 20_000, 0);
        float[] shifted = normal(3, 20_000, 1.0);
        assertThat(s.ksStatistic(same)).isLessThan(0.03);
        double exact = exactKs(base, shifted);
        // theory for a one-sigma shift of a normal: 2 Phi(0.5) - 1 = 0.383
        assertThat(exact).isCloseTo(0.383, within(0.02));
        assertThat(s.ksStatistic(shifted)).isCloseTo(exact, within(0.02));
        assertThat(s.ksStatistic(normal(4, 500, 100))).isEqualTo(1.0);
    }

    @Test
    void emptySampleAndEmptyFitAreRejected() {
        ColumnStatistics s = ColumnStatistics.of(new float[] {1, 2, 3}, 4);
        assertThatThrownBy(() -> s.psi(new float[] {Float.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no non-NaN value");
        ColumnStatistics empty = ColumnStatistics.of(new float[] {Float.NaN, Float.NaN}, 4);
        assertThat(empty.count()).isZero();
        assertThat(empty.nanCount()).isEqualTo(2);
        assertThatThrownBy(() -> empty.ksStatistic(new float[] {1}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nanCount 2");
        assertThatThrownBy(() -> ColumnStatistics.of(new float[] {1, 2, 3, 4}, 2, 2, 0, 2, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column is 2");
    }
}
