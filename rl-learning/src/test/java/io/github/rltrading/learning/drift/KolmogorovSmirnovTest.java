package io.github.rltrading.learning.drift;

import static io.github.rltrading.learning.drift.PopulationStabilityIndexTest.normal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {

    @Test
    void statisticCountsTiesAtOnceOnAHandWorkedExample() {
        // F_a: 0.25 at 1, 0.75 at 2, 1 at 3; F_b: 0.5 at 2, 0.75 at 4, 1 at 5; widest gap at 3: 1 - 0.5
        double d = KolmogorovSmirnov.statistic(new double[] {1, 2, 2, 3}, new double[] {2, 2, 4, 5});

        assertThat(d).isEqualTo(0.5);
    }

    @Test
    void matchesScipyOnTwoSmallSamples() {
        // values from: python3 -c "import scipy.stats as st, scipy.special as sp; r = st.ks_2samp(a, b,
        //   method='exact'); print(r.statistic, r.pvalue)" with these a and b (scipy 1.17.1): D = 0.30333...,
        //   exact p = 0.17057525925995745; sp.kolmogorov(1.1073808744436449) = 0.1720318834120014, where
        //   1.10738... = (sqrt(ne) + 0.12 + 0.11 / sqrt(ne)) * D with ne = 25 * 24 / 49
        double[] a = {0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56, 0.39, 1.64, 0.05, -0.06, 0.64, -0.82, 0.37,
            1.77, 1.09, -1.28, 2.36, 1.31, 1.05, -0.32, -0.4, 1.06, -2.47};
        double[] b = {2.2, 1.66, 1.38, 0.2, 0.36, 0.0, 0.96, 1.56, 0.44, 1.5, -0.3, 0.66, 2.31, 3.29, -0.27, -0.39,
            -0.65, 1.82, 0.68, 0.41, 1.8, 0.93, 1.33, 0.11};

        KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(a, b);

        assertThat(r.statistic()).isCloseTo(182.0 / 600, within(1e-12));
        assertThat(r.n()).isEqualTo(25);
        assertThat(r.m()).isEqualTo(24);
        assertThat(r.pValue()).isCloseTo(0.1720318834120014, within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.17057525925995745, within(0.002)); // Stephens' correction vs exact
    }

    @Test
    void kolmogorovSurvivalMatchesScipyOnBothSeriesBranches() {
        // scipy.special.kolmogorov(x) for each x (scipy 1.17.1); 1.18 is where the series switch
        double[][] table = {{0.3, 0.9999906941986655}, {0.5, 0.9639452436648751}, {0.8, 0.5441424115741981},
            {1.0, 0.26999967167735456}, {1.18, 0.1234538094297657}, {1.2, 0.11224966667072497},
            {1.5, 0.022217962616525127}, {2.0, 0.0006709252557796953}, {3.0, 3.045995948942526e-08}};
        for (double[] row : table) {
            assertThat(KolmogorovSmirnov.kolmogorovSurvival(row[0])).as("Q(%s)", row[0])
                    .isCloseTo(row[1], within(1e-12 + 1e-10 * row[1]));
        }
        assertThat(KolmogorovSmirnov.kolmogorovSurvival(Math.nextDown(1.18)))
                .isCloseTo(KolmogorovSmirnov.kolmogorovSurvival(1.18), within(1e-12));
        // the textbook critical values: 1.358 at 5 %, 1.628 at 1 %
        assertThat(KolmogorovSmirnov.kolmogorovSurvival(1.358)).isCloseTo(0.05, within(5e-4));
        assertThat(KolmogorovSmirnov.kolmogorovSurvival(1.628)).isCloseTo(0.01, within(1e-4));
        assertThat(KolmogorovSmirnov.kolmogorovSurvival(0)).isEqualTo(1);
    }

    @Test
    void samplesFromOneDistributionAreNotRejected() {
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(normal(1, 10_000, 0, 1), normal(2, 1_000, 0, 1));

        assertThat(r.pValue()).isGreaterThan(0.01);
    }

    @Test
    void aHalfSdMeanShiftAndADoubledSdAreRejected() {
        double[] reference = normal(1, 10_000, 0, 1);

        assertThat(KolmogorovSmirnov.test(reference, normal(3, 1_000, 0.5, 1)).pValue()).isLessThan(1e-6);
        assertThat(KolmogorovSmirnov.test(reference, normal(4, 1_000, 0, 2)).pValue()).isLessThan(1e-6);
    }

    @Test
    void badInputsAreRefusedWithTheValue() {
        assertThatThrownBy(() -> KolmogorovSmirnov.test(new double[] {Double.NaN}, new double[] {1}))
                .hasMessage("KS first sample has no finite value (1 values given); give at least one number");
        assertThatThrownBy(() -> KolmogorovSmirnov.pValue(1.5, 10, 10))
                .hasMessage("KS statistic D must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> KolmogorovSmirnov.pValue(0.5, 0, 10))
                .hasMessage("KS sample sizes must be at least 1, got n = 0, m = 10");
    }
}
