package io.github.rltrading.env.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizerTest {

    /** Columns a = 1, 2, 3, 4 and b = 10, 20, 30, 100. */
    private static final float[] SMALL = {1, 10, 2, 20, 3, 30, 4, 100};

    private static final List<String> AB = List.of("a", "b");

    @Test
    void zScoreMatchesHandComputedMeanAndPopulationStd() {
        FittedNormalization n = Normalizer.zScore().fit(SMALL, 2, 0, 4, AB, "h1");
        // a: mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, / 4 = 1.25
        // b: mean 40, squared deviations 900 + 400 + 100 + 3600 = 5000, / 4 = 1250
        assertThat(n.centre()).containsExactly(2.5, 40.0);
        assertThat(n.scale()[0]).isCloseTo(Math.sqrt(1.25), within(1e-12));
        assertThat(n.scale()[1]).isCloseTo(Math.sqrt(1250), within(1e-9));
        assertThat(n.method()).isEqualTo(NormalizationMethod.Z_SCORE);
        assertThat(n.fittedRows()).isEqualTo(4);
        assertThat(n.names()).isEqualTo(AB);
        assertThat(n.featureSetHash()).isEqualTo("h1");

        float[] out = new float[2];
        n.apply(SMALL, 6, out, 0); // row 3: 4, 100
        assertThat(out[0]).isCloseTo((float) (1.5 / Math.sqrt(1.25)), within(1e-6f));
        assertThat(out[1]).isCloseTo((float) (60 / Math.sqrt(1250)), within(1e-6f));
    }

    @Test
    void robustMatchesHandComputedMedianAndIqr() {
        FittedNormalization n = Normalizer.robust().fit(SMALL, 2, 0, 4, AB, null);
        // a sorted 1 2 3 4: median 2.5, Q25 at h = 0.75 -> 1.75, Q75 at h = 2.25 -> 3.25, IQR 1.5
        // b sorted 10 20 30 100: median 25, Q25 -> 17.5, Q75 at h = 2.25 -> 30 + 0.25 * 70 = 47.5, IQR 30
        assertThat(n.centre()).containsExactly(2.5, 25.0);
        assertThat(n.scale()).containsExactly(1.5, 30.0);
        float[] data = SMALL.clone();
        n.applyAll(data, 4);
        assertThat(data).containsExactly(new float[] {-1f, -0.5f, -1f / 3, -1f / 6, 1f / 3, 1f / 6, 1f, 2.5f},
                within(1e-6f));
    }

    @Test
    void statisticsRecordQuantilesAndHistogramOfFittedRows() {
        FittedNormalization n = Normalizer.zScore().fit(SMALL, 2, 0, 4, AB, null);
        ColumnStatistics b = n.statistics("b");
        assertThat(b.count()).isEqualTo(4);
        assertThat(b.nanCount()).isZero();
        assertThat(b.min()).isEqualTo(10);
        assertThat(b.max()).isEqualTo(100);
        assertThat(b.mean()).isEqualTo(40);
        assertThat(b.quantile(0.5)).isEqualTo(25);
        assertThat(b.quantile(0.25)).isEqualTo(17.5);
        assertThat(b.quantileLevels()).containsExactly(0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99);
        assertThat(b.binCounts()).hasSize(ColumnStatistics.DEFAULT_BINS);
        assertThat(java.util.Arrays.stream(b.binCounts()).sum()).isEqualTo(4);
        // Q1 = 10 + 0.03 * 10 = 10.3, Q99 = 30 + 0.97 * 70 = 97.9
        assertThat(b.binEdges()[0]).isCloseTo(10.3, within(1e-9));
        assertThat(b.binEdges()[10]).isCloseTo(97.9, within(1e-9));
        assertThatThrownBy(() -> b.quantile(0.3)).hasMessageContaining("0.3");
    }

    @Test
    void fitUsesOnlyTheChosenRows() {
        FittedNormalization n = Normalizer.zScore().fit(SMALL, 2, 1, 3, AB, null); // rows 1, 2
        assertThat(n.centre()).containsExactly(2.5, 25.0);
        assertThat(n.scale()).containsExactly(0.5, 5.0);
        assertThat(n.fromRow()).isEqualTo(1);
        assertThat(n.toRowExclusive()).isEqualTo(3);
        assertThat(n.fittedRows()).isEqualTo(2);
    }

    @Test
    void constantColumnGetsScaleOneAndNoInfOrNan() {
        float[] data = {7, 1, 7, 2, 7, 3, 7, 4};
        for (Normalizer norm : List.of(Normalizer.zScore(), Normalizer.robust())) {
            FittedNormalization n = norm.fit(data, 2, 0, 4, AB, null);
            assertThat(n.scale()[0]).isEqualTo(1.0);
            assertThat(n.centre()[0]).isEqualTo(7.0);
            float[] out = data.clone();
            n.applyAll(out, 4);
            for (int r = 0; r < 4; r++) {
                assertThat(out[2 * r]).isEqualTo(0f);
                assertThat(Float.isFinite(out[2 * r + 1])).isTrue();
            }
            float[] other = {9, 1};
            n.apply(other, 0, other, 0);
            assertThat(other[0]).isEqualTo(2f); // (9 - 7) / 1
        }
    }

    @Test
    void nanIsSkippedInFittingAndCounted() {
        float nan = Float.NaN;
        float[] withNan = {nan, 1, nan, 2, 3, 3, 5, 4};
        float[] clean = {3, 3, 5, 4};
        FittedNormalization n = Normalizer.zScore().fit(withNan, 2, 0, 4, AB, null);
        FittedNormalization c = Normalizer.zScore().fit(clean, 2, 0, 2, AB, null);
        assertThat(n.centre()[0]).isEqualTo(c.centre()[0]).isEqualTo(4.0);
        assertThat(n.scale()[0]).isEqualTo(c.scale()[0]).isEqualTo(1.0);
        assertThat(n.statistics().get(0).count()).isEqualTo(2);
        assertThat(n.statistics().get(0).nanCount()).isEqualTo(2);
        assertThat(n.statistics().get(1).nanCount()).isZero();
        assertThat(n.statistics().get(1).count()).isEqualTo(4);
    }

    @Test
    void nanStaysNanOrBecomesZeroWithTheFlag() {
        FittedNormalization n = Normalizer.zScore().fit(SMALL, 2, 0, 4, AB, null);
        float[] row = {Float.NaN, 40};
        float[] out = new float[2];
        n.apply(row, 0, out, 0);
        assertThat(out[0]).isNaN();
        assertThat(out[1]).isEqualTo(0f);

        n.withNanToZero(true).apply(row, 0, out, 0);
        assertThat(out[0]).isEqualTo(0f);
        FittedNormalization z = Normalizer.zScore().withNanToZero(true).fit(SMALL, 2, 0, 4, AB, null);
        assertThat(z.nanToZero()).isTrue();
        z.apply(row, 0, out, 0);
        assertThat(out[0]).isEqualTo(0f);
    }

    @Test
    void allNanColumnIsPassedThroughAndSurvivesJson() {
        float nan = Float.NaN;
        float[] data = {nan, 1, nan, 2};
        FittedNormalization n = Normalizer.zScore().fit(data, 2, 0, 2, AB, null);
        assertThat(n.centre()[0]).isEqualTo(0.0);
        assertThat(n.scale()[0]).isEqualTo(1.0);
        assertThat(n.statistics().get(0).count()).isZero();
        assertThat(n.statistics().get(0).mean()).isNaN();
        FittedNormalization back = FittedNormalization.fromJson(n.toJson());
        assertThat(back).isEqualTo(n);
        assertThat(java.util.Arrays.stream(back.statistics().get(0).quantiles()).allMatch(Double::isNaN)).isTrue();
    }

    @Test
    void clipBoundsTheOutputAfterScaling() {
        FittedNormalization n = Normalizer.zScore().withClip(2).fit(SMALL, 2, 0, 4, AB, null);
        float[] row = {1000, -1000};
        float[] out = new float[2];
        n.apply(row, 0, out, 0);
        assertThat(out).containsExactly(2f, -2f);
        float[] inside = {3, 40};
        n.apply(inside, 0, out, 0);
        assertThat(out[0]).isCloseTo((float) (0.5 / Math.sqrt(1.25)), within(1e-6f));
        n.withClip(0).apply(row, 0, out, 0);
        assertThat(out[0]).isGreaterThan(100f);
        assertThatThrownBy(() -> Normalizer.zScore().withClip(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clip is -1.0");
    }

    @Test
    void applyIsAllocationFree() {
        FittedNormalization n = Normalizer.zScore().withClip(5).fit(SMALL, 2, 0, 4, AB, null);
        float[] data = new float[64 * 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = i % 7;
        }
        float[] out = new float[2];
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 20_000; warm++) {
            n.apply(data, (warm % 64) * 2, out, 0);
        }
        long before = bean.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 200_000; i++) {
            n.apply(data, (i % 64) * 2, out, 0);
        }
        long after = bean.getCurrentThreadAllocatedBytes();
        // one 16-byte object per call would be 3.2 MB
        assertThat(after - before).isLessThan(100_000);
    }

    @Test
    void jsonRoundTripAndFileAppliesBitIdentically(@TempDir Path dir) {
        FittedNormalization n = Normalizer.robust().withClip(5).fit(SMALL, 2, 0, 3, AB, "abc");
        Path file = dir.resolve("norm.json");
        n.save(file);
        FittedNormalization loaded = FittedNormalization.load(file, AB, "abc");
        assertThat(loaded).isEqualTo(n);
        float[] a = {0.1f, 3.3f, -7f, 1e6f, Float.NaN, 17.25f};
        float[] x = a.clone();
        float[] y = a.clone();
        n.applyAll(x, 3);
        loaded.applyAll(y, 3);
        for (int i = 0; i < x.length; i++) {
            assertThat(Float.floatToRawIntBits(y[i])).isEqualTo(Float.floatToRawIntBits(x[i]));
        }
        assertThat(n.toJson()).contains("\"format\"", FittedNormalization.FORMAT, "\"centre\"", "\"statistics\"");
    }

    @Test
    void fromJsonRejectsGarbageAndOtherVersions() {
        assertThatThrownBy(() -> FittedNormalization.fromJson("{not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid normalisation JSON");
        String json = Normalizer.zScore().fit(SMALL, 2, 0, 4, AB, null).toJson()
                .replace("\"version\" : 1", "\"version\" : 99");
        assertThatThrownBy(() -> FittedNormalization.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 99");
    }

    @Test
    void requireCompatibleNamesTheMismatchAndTheFix() {
        FittedNormalization n = Normalizer.zScore().fit(SMALL, 2, 0, 4, AB, "hash-1");
        n.requireCompatible(List.of("a", "b"), "hash-1");

        assertThatThrownBy(() -> n.requireCompatible(List.of("a", "c"), "hash-1"))
                .isInstanceOf(FeatureMismatchException.class)
                .hasMessageContaining("index 1", "'b'", "'c'", "re-fit");
        assertThatThrownBy(() -> n.requireCompatible(List.of("a", "b"), "hash-2"))
                .isInstanceOf(FeatureMismatchException.class)
                .hasMessageContaining("hash", "'hash-1'", "'hash-2'");
        assertThatThrownBy(() -> n.requireCompatible(List.of("a", "b", "c"), "hash-1"))
                .isInstanceOf(FeatureMismatchException.class)
                .hasMessageContaining("2 columns", "3 columns");
        assertThatThrownBy(() -> n.requireCompatible(List.of("a", "b"), null))
                .isInstanceOf(FeatureMismatchException.class).hasMessageContaining("features hash null");

        FittedNormalization noHash = Normalizer.zScore().fit(SMALL, 2, 0, 4, AB, null);
        noHash.requireCompatible(AB, "anything");
    }

    @Test
    void badArgumentsAreRejectedWithNamedMessages() {
        Normalizer z = Normalizer.zScore();
        assertThatThrownBy(() -> z.fit(SMALL, 2, 2, 2, AB, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty", "fromRow=2");
        assertThatThrownBy(() -> z.fit(SMALL, 2, 0, 5, AB, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("toRowExclusive is 5", "4 rows");
        assertThatThrownBy(() -> z.fit(SMALL, 2, -1, 2, AB, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromRow is -1");
        assertThatThrownBy(() -> z.fit(SMALL, 3, 0, 2, List.of("a", "b", "c"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data.length (8)", "cols (3)");
        assertThatThrownBy(() -> z.fit(SMALL, 0, 0, 2, AB, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cols is 0");
        assertThatThrownBy(() -> z.fit(SMALL, 2, 0, 2, List.of("a"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names has 1", "cols is 2");
        assertThatThrownBy(() -> z.fit(null, 2, 0, 2, AB, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data is null");

        FittedNormalization n = z.fit(SMALL, 2, 0, 4, AB, null);
        assertThatThrownBy(() -> n.apply(SMALL, 7, new float[2], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inOffset is 7");
        assertThatThrownBy(() -> n.apply(SMALL, 0, new float[1], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outOffset is 0", "length is 1");
        assertThatThrownBy(() -> n.applyAll(SMALL.clone(), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows is 5");
        assertThatThrownBy(() -> Normalizer.zScore().withHistogramBins(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bins is 0");
    }
}
