package io.github.rltrading.learning.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.rltrading.env.features.FeatureMatrix;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceDistributionTest {

    static final float NAN = Float.NaN;

    @Test
    void rowsAndColumnsGiveTheSameSortedSamplesWithoutNonFiniteValues() {
        float[][] rows = {{3, 10}, {1, NAN}, {2, 30}, {Float.POSITIVE_INFINITY, 20}};
        float[][] columns = {{3, 1, 2, Float.POSITIVE_INFINITY}, {10, NAN, 30, 20}};

        ReferenceDistribution byRows = ReferenceDistribution.fromRows(List.of("a", "b"), rows);
        ReferenceDistribution byColumns = ReferenceDistribution.fromColumns(List.of("a", "b"), columns);

        for (ReferenceDistribution r : List.of(byRows, byColumns)) {
            assertThat(r.names()).containsExactly("a", "b");
            assertThat(r.sample(0)).containsExactly(1, 2, 3);
            assertThat(r.sample(1)).containsExactly(10, 20, 30);
            assertThat(r.trainingValues(1)).isEqualTo(3);
            assertThat(r.index("b")).isEqualTo(1);
        }
    }

    @Test
    void aFeatureMatrixContributesItsValidRowsOnly() {
        float[] data = {NAN, 5, 1, 6, 2, 7};
        FeatureMatrix m = FeatureMatrix.of("test-v1", "hash", List.of("x", "y"), data, 3);

        ReferenceDistribution r = ReferenceDistribution.fromMatrix(m);

        assertThat(r.sample(0)).containsExactly(1, 2);
        assertThat(r.sample(1)).containsExactly(6, 7); // 5 is in the warm-up row
    }

    @Test
    void aLargeColumnIsSampledUniformlyDownToTheCapAndReproducibly() {
        float[] column = new float[100_000];
        for (int i = 0; i < column.length; i++) {
            column[i] = i;
        }
        ReferenceDistribution.Sampling sampling = new ReferenceDistribution.Sampling(2_000, 7);

        ReferenceDistribution r = ReferenceDistribution.fromColumns(List.of("x"), new float[][] {column}, sampling);
        ReferenceDistribution again = ReferenceDistribution.fromColumns(List.of("x"), new float[][] {column}, sampling);

        assertThat(r.sampleSize(0)).isEqualTo(2_000);
        assertThat(r.trainingValues(0)).isEqualTo(100_000);
        assertThat(again.sample(0)).isEqualTo(r.sample(0));
        // a uniform sample of 0..99 999 has mean 50 000 with standard error 28 868 / √2000 ≈ 645
        assertThat(Arrays.stream(r.sample(0)).average().orElseThrow()).isCloseTo(50_000, within(3_000.0));
        // and is no longer the first 2 000 values, as a truncation would be
        assertThat(r.sample(0)[1_999]).isGreaterThan(90_000);
        assertThat(KolmogorovSmirnov.test(r.sample(0), toDouble(column)).pValue()).isGreaterThan(0.01);
    }

    @Test
    void badInputsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> ReferenceDistribution.fromRows(List.of("a", "b"), new float[][] {{1, 2}, {3}}))
                .hasMessage("reference row 1 has 1 values, expected 2 (one per feature: [a, b])");
        assertThatThrownBy(() -> ReferenceDistribution.fromRows(List.of("a", "a"), new float[][] {{1, 2}}))
                .hasMessage("reference feature name 'a' appears twice in [a, a]; names must be unique");
        assertThatThrownBy(() -> ReferenceDistribution.fromRows(List.of(), new float[][] {}))
                .hasMessage("reference needs at least one feature name, got none");
        assertThatThrownBy(() -> ReferenceDistribution.fromRows(List.of("a", "b"), new float[][] {{1, NAN}}))
                .hasMessage("reference feature 'b' has no finite value in the training data; drop the feature or "
                        + "give rows past its warm-up");
        assertThatThrownBy(() -> ReferenceDistribution.fromColumns(List.of("a", "b"), new float[][] {{1}}))
                .hasMessage("reference has 1 columns but 2 names [a, b]; give one column per name");
        assertThatThrownBy(() -> new ReferenceDistribution.Sampling(0, 1))
                .hasMessage("reference sampling maxPerFeature must be at least 1, got 0; 10000 is the default");
        ReferenceDistribution r = ReferenceDistribution.fromRows(List.of("a"), new float[][] {{1}});
        assertThatThrownBy(() -> r.index("z")).hasMessage("reference has no feature 'z'; it has [a]");
    }

    static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
