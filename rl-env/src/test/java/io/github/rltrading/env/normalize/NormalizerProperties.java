package io.github.rltrading.env.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class NormalizerProperties {

    private static float[] randomMatrix(Random rnd, int rows, int cols) {
        float[] data = new float[rows * cols];
        for (int i = 0; i < data.length; i++) {
            int kind = rnd.nextInt(10);
            data[i] = kind == 0 ? Float.NaN : kind == 1 ? 3f : (float) (rnd.nextGaussian() * 50 + rnd.nextInt(5));
        }
        return data;
    }

    private static List<String> names(int cols) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            names.add("f" + c);
        }
        return names;
    }

    @Property(tries = 200)
    void fitIgnoresRowsOutsideTheRange(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int rows,
            @ForAll @IntRange(min = 1, max = 4) int cols,
            @ForAll boolean robust) {
        Random rnd = new Random(seed);
        int from = rnd.nextInt(rows);
        int to = from + 1 + rnd.nextInt(rows - from);
        float[] data = randomMatrix(rnd, rows, cols);
        float[] changed = data.clone();
        int changedValues = 0;
        for (int r = 0; r < rows; r++) {
            if (r < from || r >= to) {
                for (int c = 0; c < cols; c++) {
                    changed[r * cols + c] = rnd.nextBoolean() ? Float.NaN : (float) (rnd.nextGaussian() * 1e4);
                    changedValues++;
                }
            }
        }
        Normalizer norm = robust ? Normalizer.robust() : Normalizer.zScore();
        FittedNormalization a = norm.fit(data, cols, from, to, names(cols), "h");
        FittedNormalization b = norm.fit(changed, cols, from, to, names(cols), "h");
        assertThat(b).isEqualTo(a);
        assertThat(b.toJson()).isEqualTo(a.toJson());
        assertThat(changedValues).isEqualTo((rows - (to - from)) * cols);

        // control: changing a value inside the range does change the fit
        float[] inside = data.clone();
        inside[from * cols] = (float) (Float.isNaN(data[from * cols]) ? 1e7 : data[from * cols] + 1e7);
        assertThat(norm.fit(inside, cols, from, to, names(cols), "h")).isNotEqualTo(a);
    }

    @Property(tries = 200)
    void jsonRoundTripAppliesBitIdentically(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 30) int rows,
            @ForAll @IntRange(min = 1, max = 5) int cols,
            @ForAll boolean robust,
            @ForAll boolean nanToZero,
            @ForAll @IntRange(min = 0, max = 10) int clip) {
        Random rnd = new Random(seed);
        float[] data = randomMatrix(rnd, rows, cols);
        Normalizer norm = (robust ? Normalizer.robust() : Normalizer.zScore()).withClip(clip).withNanToZero(nanToZero);
        FittedNormalization fitted = norm.fit(data, cols, 0, rows, names(cols), seed % 2 == 0 ? null : "hash");
        FittedNormalization loaded = FittedNormalization.fromJson(fitted.toJson());
        assertThat(loaded).isEqualTo(fitted);

        float[] test = randomMatrix(rnd, rows, cols);
        float[] x = test.clone();
        float[] y = test.clone();
        fitted.applyAll(x, rows);
        loaded.applyAll(y, rows);
        float[] again = test.clone();
        fitted.applyAll(again, rows);
        for (int i = 0; i < x.length; i++) {
            assertThat(Float.floatToRawIntBits(y[i])).isEqualTo(Float.floatToRawIntBits(x[i]));
            assertThat(Float.floatToRawIntBits(again[i])).isEqualTo(Float.floatToRawIntBits(x[i]));
            if (clip > 0 && !Float.isNaN(x[i])) {
                assertThat(Math.abs(x[i])).isLessThanOrEqualTo(clip);
            }
            assertThat(Float.isNaN(x[i])).isEqualTo(Float.isNaN(test[i]) && !nanToZero);
        }
        // per-row apply into another array equals the in-place applyAll
        float[] row = new float[cols];
        for (int r = 0; r < rows; r++) {
            loaded.apply(test, r * cols, row, 0);
            for (int c = 0; c < cols; c++) {
                assertThat(Float.floatToRawIntBits(row[c])).isEqualTo(Float.floatToRawIntBits(x[r * cols + c]));
            }
        }
    }

    @Property(tries = 100)
    void zScoreOfTheFittedRowsHasMeanZeroAndUnitStd(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 60) int rows) {
        Random rnd = new Random(seed);
        float[] data = new float[rows];
        for (int i = 0; i < rows; i++) {
            data[i] = (float) (rnd.nextGaussian() * 10 + 100);
        }
        FittedNormalization n = Normalizer.zScore().fit(data, 1, 0, rows, List.of("x"), null);
        float[] out = data.clone();
        n.applyAll(out, rows);
        double sum = 0;
        double sq = 0;
        for (float v : out) {
            sum += v;
            sq += (double) v * v;
        }
        assertThat(sum / rows).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(sq / rows).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-4));
    }
}
