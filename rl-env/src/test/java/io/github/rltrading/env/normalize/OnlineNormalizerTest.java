package io.github.rltrading.env.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class OnlineNormalizerTest {

    @Test
    void halfLifeGivesTheDocumentedAlpha() {
        double a = OnlineNormalizer.alphaForHalfLife(10);
        assertThat(Math.pow(1 - a, 10)).isCloseTo(0.5, within(1e-12));
        assertThat(OnlineNormalizer.exponentialHalfLife(1, 10).alpha()).isEqualTo(a);
        assertThat(OnlineNormalizer.alphaForHalfLife(1)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void exponentialModeWeightsRecentDataMore() {
        OnlineNormalizer ew = OnlineNormalizer.exponentialHalfLife(1, 10);
        OnlineNormalizer all = OnlineNormalizer.cumulative(1);
        float[] zero = {0};
        float[] ten = {10};
        for (int i = 0; i < 1000; i++) {
            ew.update(zero, 0);
            all.update(zero, 0);
        }
        for (int i = 0; i < 50; i++) {
            ew.update(ten, 0);
            all.update(ten, 0);
        }
        // 50 rows = 5 half-lives: the old level keeps weight 0.5^5
        assertThat(ew.mean(0)).isCloseTo(10 * (1 - Math.pow(0.5, 5)), within(1e-9));
        assertThat(all.mean(0)).isCloseTo(500.0 / 1050, within(1e-12));
        assertThat(ew.mean(0)).isGreaterThan(all.mean(0));
        // a value of 10 is unremarkable for the exponential one, an outlier for the cumulative one
        float[] out = new float[1];
        ew.apply(ten, 0, out, 0);
        float ewZ = out[0];
        all.apply(ten, 0, out, 0);
        assertThat(Math.abs(ewZ)).isLessThan(Math.abs(out[0]));
    }

    @Test
    void applyUsesRunningMeanAndStd() {
        OnlineNormalizer o = OnlineNormalizer.cumulative(2);
        float[] rows = {1, 5, 2, 5, 3, 5, 4, 5};
        for (int r = 0; r < 4; r++) {
            o.update(rows, r * 2);
        }
        assertThat(o.mean(0)).isCloseTo(2.5, within(1e-12));
        assertThat(o.variance(0)).isCloseTo(1.25, within(1e-12));
        assertThat(o.count(0)).isEqualTo(4);
        float[] out = new float[2];
        o.apply(rows, 6, out, 0);
        assertThat(out[0]).isCloseTo((float) (1.5 / Math.sqrt(1.25)), within(1e-6f));
        assertThat(out[1]).isEqualTo(0f); // constant column: std 0 -> scale 1, (5 - 5) / 1
        float[] six = {2.5f, 6};
        o.apply(six, 0, out, 0);
        assertThat(out[1]).isEqualTo(1f);
    }

    @Test
    void nanIsSkippedAndUnwarmedColumnsGiveNan() {
        OnlineNormalizer o = OnlineNormalizer.cumulative(2);
        float[] out = new float[2];
        float[] row = {1, Float.NaN};
        o.apply(row, 0, out, 0);
        assertThat(out[0]).isNaN();
        o.update(row, 0);
        o.update(new float[] {3, Float.NaN}, 0);
        assertThat(o.count(0)).isEqualTo(2);
        assertThat(o.count(1)).isZero();
        assertThat(o.mean(1)).isNaN();
        o.apply(new float[] {3, 7}, 0, out, 0);
        assertThat(out[0]).isEqualTo(1f);
        assertThat(out[1]).isNaN();
        o.withNanToZero(true).apply(new float[] {Float.NaN, 7}, 0, out, 0);
        assertThat(out).containsExactly(0f, 0f);
    }

    @Test
    void seedStartsFromTheFittedStatistics() {
        float[] data = {1, 10, 2, 20, 3, 30, 4, 100};
        FittedNormalization f = Normalizer.robust().fit(data, 2, 0, 4, List.of("a", "b"), null);
        OnlineNormalizer o = OnlineNormalizer.cumulative(2).seed(f);
        assertThat(o.count(0)).isEqualTo(4);
        assertThat(o.mean(1)).isCloseTo(40, within(1e-12));
        assertThat(o.variance(1)).isCloseTo(1250, within(1e-9));
        // continuing equals having seen all rows
        OnlineNormalizer full = OnlineNormalizer.cumulative(2);
        for (int r = 0; r < 4; r++) {
            full.update(data, 2 * r);
        }
        float[] next = {8, -3};
        o.update(next, 0);
        full.update(next, 0);
        assertThat(o.mean(1)).isCloseTo(full.mean(1), within(1e-9));
        assertThat(o.variance(1)).isCloseTo(full.variance(1), within(1e-9));

        OnlineNormalizer e = OnlineNormalizer.exponential(2, 0.1).seed(f);
        assertThat(e.mean(0)).isCloseTo(2.5, within(1e-12));
        assertThat(e.variance(0)).isCloseTo(1.25, within(1e-12));
        assertThatThrownBy(() -> OnlineNormalizer.cumulative(3).seed(f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fitted has 2 columns");
    }

    @Test
    void clipApplies() {
        OnlineNormalizer o = OnlineNormalizer.cumulative(1).withClip(3);
        o.update(new float[] {0}, 0);
        o.update(new float[] {2}, 0);
        float[] out = new float[1];
        o.apply(new float[] {100}, 0, out, 0);
        assertThat(out[0]).isEqualTo(3f);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> OnlineNormalizer.exponential(1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha is 0.0");
        assertThatThrownBy(() -> OnlineNormalizer.exponentialHalfLife(1, -2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("halfLifeRows is -2.0");
        assertThatThrownBy(() -> OnlineNormalizer.cumulative(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cols is 0");
        OnlineNormalizer o = OnlineNormalizer.cumulative(3);
        assertThatThrownBy(() -> o.update(new float[4], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset is 2", "length is 4");
        assertThatThrownBy(() -> o.mean(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column is 3");
    }
}
