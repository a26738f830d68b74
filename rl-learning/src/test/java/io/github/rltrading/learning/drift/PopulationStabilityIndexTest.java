package io.github.rltrading.learning.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PopulationStabilityIndexTest {

    static double[] normal(long seed, int n, double mean, double sd) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = mean + sd * random.nextGaussian();
        }
        return out;
    }

    @Test
    void aSampleFromTheTrainingDistributionShowsNoShift() {
        PopulationStabilityIndex psi = PopulationStabilityIndex.fit(normal(1, 10_000, 0, 1));

        assertThat(psi.score(normal(2, 1_000, 0, 1))).isLessThan(PopulationStabilityIndex.MODERATE_SHIFT);
    }

    @Test
    void aMeanShiftOfHalfAStandardDeviationIsAtLeastModerate() {
        PopulationStabilityIndex psi = PopulationStabilityIndex.fit(normal(1, 10_000, 0, 1));

        // for a normal mean shift of Δ sd the PSI is close to Δ² = 0.25 (binning loses a little)
        assertThat(psi.score(normal(3, 1_000, 0.5, 1))).isGreaterThan(PopulationStabilityIndex.MODERATE_SHIFT);
        assertThat(psi.score(normal(3, 1_000, 1.0, 1))).isGreaterThan(PopulationStabilityIndex.SIGNIFICANT_SHIFT);
    }

    @Test
    void doublingTheStandardDeviationIsSignificant() {
        PopulationStabilityIndex psi = PopulationStabilityIndex.fit(normal(1, 10_000, 0, 1));

        assertThat(psi.score(normal(4, 1_000, 0, 2))).isGreaterThan(PopulationStabilityIndex.SIGNIFICANT_SHIFT);
    }

    @Test
    void binsAreReferenceQuantiles() {
        double[] reference = new double[100];
        for (int i = 0; i < 100; i++) {
            reference[i] = 100 - i; // 100 .. 1, unsorted on purpose
        }
        PopulationStabilityIndex psi = PopulationStabilityIndex.fit(reference);

        assertThat(psi.cutPoints()).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90);
        assertThat(psi.expectedShares()).containsOnly(0.1);
        assertThat(psi.bins()).isEqualTo(10);
        assertThat(psi.referenceSize()).isEqualTo(100);
    }

    @Test
    void scoreMatchesTheFormulaOnAHandWorkedExample() {
        // reference 1..10 in two bins: cut at 5, shares 0.5 / 0.5; live {1, 2, 3, 6}: shares 0.75 / 0.25
        double[] reference = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        PopulationStabilityIndex psi = PopulationStabilityIndex.fit(reference, 2);
        double expected = (0.75 - 0.5) * Math.log(0.75 / 0.5) + (0.25 - 0.5) * Math.log(0.25 / 0.5);

        assertThat(psi.cutPoints()).containsExactly(5);
        assertThat(psi.score(new double[] {1, 2, 3, 6})).isCloseTo(expected, within(1e-12));
        assertThat(expected).isCloseTo(0.274653, within(1e-6));
    }

    @Test
    void anEmptyBinCountsWithTheEpsilonShare() {
        double[] reference = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        PopulationStabilityIndex psi = PopulationStabilityIndex.fit(reference, 2);
        double eps = PopulationStabilityIndex.EMPTY_BIN_SHARE;
        double expected = (1 - 0.5) * Math.log(1 / 0.5) + (eps - 0.5) * Math.log(eps / 0.5);

        assertThat(psi.score(new double[] {1, 2, 5})).isCloseTo(expected, within(1e-12));
    }

    @Test
    void aConstantColumnGetsBelowEqualAndAboveBins() {
        double[] constant = new double[500];
        Arrays.fill(constant, 3.0);
        PopulationStabilityIndex psi = PopulationStabilityIndex.fit(constant);

        assertThat(psi.bins()).isEqualTo(3);
        assertThat(psi.expectedShares()).containsExactly(0, 1, 0);
        assertThat(psi.score(new double[] {3, 3, 3})).isZero();
        assertThat(psi.score(new double[] {2.9, 2.9, 3})).isGreaterThan(PopulationStabilityIndex.SIGNIFICANT_SHIFT);
        assertThat(psi.score(new double[] {3.1, 3, 3})).isGreaterThan(PopulationStabilityIndex.SIGNIFICANT_SHIFT);
    }

    @Test
    void tiesCollapseCutPointsAndTheSharesAreCounted() {
        double[] mostlyZero = new double[1000];
        for (int i = 950; i < 1000; i++) {
            mostlyZero[i] = i - 949; // 5 % spread over 1..50
        }
        PopulationStabilityIndex psi = PopulationStabilityIndex.fit(mostlyZero);

        assertThat(psi.cutPoints()).containsExactly(Math.nextDown(0.0), 0.0);
        assertThat(psi.expectedShares()).containsExactly(0, 0.95, 0.05);
        assertThat(Arrays.stream(psi.expectedShares()).sum()).isCloseTo(1, within(1e-12));
    }

    @Test
    void nonFiniteValuesAreSkippedOnBothSides() {
        double[] reference = {1, Double.NaN, 2, 3, Double.POSITIVE_INFINITY, 4};
        PopulationStabilityIndex psi = PopulationStabilityIndex.fit(reference, 2);

        assertThat(psi.referenceSize()).isEqualTo(4);
        assertThat(psi.score(new double[] {1, Double.NaN, 4})).isZero();
    }

    @Test
    void badInputsAreRefusedWithTheValueAndTheFix() {
        assertThatThrownBy(() -> PopulationStabilityIndex.fit(new double[] {1, 2}, 1))
                .hasMessage("PSI bins must be at least 2, got 1; 10 (deciles) is conventional");
        assertThatThrownBy(() -> PopulationStabilityIndex.fit(new double[] {Double.NaN}))
                .hasMessage("PSI reference sample has no finite value; give training values past the feature's warm-up");
        PopulationStabilityIndex psi = PopulationStabilityIndex.fit(new double[] {1, 2, 3});
        assertThatThrownBy(() -> psi.score(new double[] {Double.NaN, Double.NaN}))
                .hasMessage("PSI needs at least one finite live value, got 2 values, none finite");
        assertThatThrownBy(() -> PopulationStabilityIndex.between(new double[2], new double[3]))
                .hasMessage("PSI needs the same bins on both sides, got 2 expected shares and 3 actual shares");
    }
}
