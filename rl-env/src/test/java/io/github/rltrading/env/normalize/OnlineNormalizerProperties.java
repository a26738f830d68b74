package io.github.rltrading.env.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class OnlineNormalizerProperties {

    @Property(tries = 200)
    void welfordMatchesTwoPassMeanAndVariance(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 500) int n,
            @ForAll @DoubleRange(min = -1e4, max = 1e4) double offset,
            @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(4) double spread) {
        Random rnd = new Random(seed);
        float[] xs = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) (offset + spread * rnd.nextGaussian());
        }
        OnlineNormalizer o = OnlineNormalizer.cumulative(1);
        for (int i = 0; i < n; i++) {
            o.update(xs, i);
        }
        double sum = 0;
        for (float x : xs) {
            sum += x;
        }
        double mean = sum / n;
        double ss = 0;
        for (float x : xs) {
            ss += (x - mean) * (x - mean);
        }
        double var = ss / n;
        double scale = Math.abs(offset) + spread;
        assertThat(o.count(0)).isEqualTo(n);
        assertThat(o.mean(0)).isCloseTo(mean, within(1e-10 * scale));
        assertThat(o.variance(0)).isCloseTo(var, within(1e-8 * (var + scale * scale * 1e-6)));
        // and the fitted z-score agrees with it
        FittedNormalization f = Normalizer.zScore().fit(xs, 1, 0, n, java.util.List.of("x"), null);
        assertThat(f.statistics().get(0).mean()).isCloseTo(o.mean(0), within(1e-10 * scale));
    }

    @Property(tries = 200)
    void exponentialMeanIsTheExplicitlyWeightedAverage(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 200) int n,
            @ForAll @DoubleRange(min = 0.001, max = 1.0) @Scale(4) double alpha) {
        Random rnd = new Random(seed);
        float[] xs = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) (rnd.nextGaussian() * 5 + 20);
        }
        OnlineNormalizer o = OnlineNormalizer.exponential(1, alpha);
        for (int i = 0; i < n; i++) {
            o.update(xs, i);
        }
        // first value weight (1 - alpha)^(n - 1), value k (k >= 1) weight alpha (1 - alpha)^(n - 1 - k)
        double expected = Math.pow(1 - alpha, n - 1) * xs[0];
        for (int k = 1; k < n; k++) {
            expected += alpha * Math.pow(1 - alpha, n - 1 - k) * xs[k];
        }
        assertThat(o.mean(0)).isCloseTo(expected, within(1e-9));
        assertThat(o.variance(0)).isGreaterThanOrEqualTo(0);
    }
}
