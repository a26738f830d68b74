package io.github.rltrading.learning.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of PSI and KS on arbitrary samples, ties and constant columns included. */
class DriftProperties {

    @Provide
    Arbitrary<double[]> samples() {
        Arbitrary<Double> spread = Arbitraries.doubles().between(-1e6, 1e6);
        Arbitrary<Double> tied = Arbitraries.integers().between(-3, 3).map(Integer::doubleValue);
        return Arbitraries.oneOf(spread, tied).list().ofMinSize(1).ofMaxSize(300)
                .map(list -> list.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Property(tries = 300)
    void psiIsNonNegativeAndZeroAgainstItsOwnReference(@ForAll("samples") double[] reference,
            @ForAll("samples") double[] live) {
        PopulationStabilityIndex psi = PopulationStabilityIndex.fit(reference);

        assertThat(psi.score(live)).isGreaterThanOrEqualTo(0);
        assertThat(psi.score(reference)).isLessThanOrEqualTo(1e-12);
    }

    @Property(tries = 300)
    void ksStatisticIsInTheUnitIntervalSymmetricAndZeroOnItself(@ForAll("samples") double[] a,
            @ForAll("samples") double[] b) {
        double d = KolmogorovSmirnov.statistic(a, b);

        assertThat(d).isBetween(0.0, 1.0);
        assertThat(KolmogorovSmirnov.statistic(b, a)).isEqualTo(d);
        assertThat(KolmogorovSmirnov.statistic(a, a)).isZero();
        assertThat(KolmogorovSmirnov.pValue(d, a.length, b.length)).isBetween(0.0, 1.0);
    }

    @Property(tries = 200)
    void ksStatisticIsTheLargestGapBetweenTheEmpiricalDistributionFunctions(@ForAll("samples") double[] a,
            @ForAll("samples") double[] b) {
        // brute force: evaluate both step functions at every value either sample holds
        double widest = 0;
        for (double x : concat(a, b)) {
            widest = Math.max(widest, Math.abs(cdf(a, x) - cdf(b, x)));
        }

        assertThat(KolmogorovSmirnov.statistic(a, b)).isEqualTo(widest, within(1e-12));
    }

    @Property(tries = 100)
    void psiBinsPartitionTheReference(@ForAll("samples") double[] reference) {
        PopulationStabilityIndex psi = PopulationStabilityIndex.fit(reference);

        // at most the deciles plus the "below the reference" bin
        assertThat(psi.bins()).isBetween(2, PopulationStabilityIndex.DEFAULT_BINS + 1);
        assertThat(Arrays.stream(psi.expectedShares()).sum())
                .isCloseTo(1, within(1e-9));
    }

    private static double cdf(double[] sample, double x) {
        int below = 0;
        for (double v : sample) {
            below += v <= x ? 1 : 0;
        }
        return (double) below / sample.length;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
