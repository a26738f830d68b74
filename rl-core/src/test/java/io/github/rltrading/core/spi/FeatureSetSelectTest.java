package io.github.rltrading.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Timeframe;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FeatureSet#select}'s default, for feature sets that do not override it. */
class FeatureSetSelectTest {

    /** Three columns that tell the bar and the column apart: 10·index + column. */
    static final class Numbered implements FeatureSet {
        int computed;

        @Override
        public List<String> names() {
            return List.of("a", "b", "c");
        }

        @Override
        public int warmUpBars() {
            return 7;
        }

        @Override
        public void compute(BarSeries series, int index, float[] out, int offset) {
            computed++;
            for (int k = 0; k < 3; k++) {
                out[offset + k] = 10 * index + k;
            }
        }
    }

    static final BarSeries BARS = new BarSeries("X", Timeframe.M1, 4);

    @Test
    void writesTheChosenColumnsInTheChosenOrderAndKeepsTheWarmUp() {
        Numbered all = new Numbered();
        FeatureSet ca = all.select(List.of("c", "a"));
        assertThat(ca.names()).containsExactly("c", "a");
        assertThat(ca.size()).isEqualTo(2);
        assertThat(ca.warmUpBars()).isEqualTo(7);
        float[] out = {-1, -1, -1, -1};
        ca.compute(BARS, 3, out, 1);
        assertThat(out).containsExactly(-1f, 32f, 30f, -1f);
        assertThat(all.computed).as("the default computes the whole row once").isEqualTo(1);

        FeatureSet none = all.select(List.of());
        assertThat(none.size()).isZero();
        none.compute(BARS, 2, new float[0], 0);
    }

    @Test
    void aSelectionOfASelectionSelectsFromTheSetBehindIt() {
        FeatureSet ca = new Numbered().select(List.of("c", "a"));
        FeatureSet a = ca.select(List.of("a"));
        float[] out = new float[1];
        a.compute(BARS, 2, out, 0);
        assertThat(out).containsExactly(20f);
        assertThatThrownBy(() -> ca.select(List.of("b")))
                .hasMessage("feature column 'b' is not in this feature set; its 2 columns are [c, a]");
    }

    @Test
    void refusesUnknownAndRepeatedColumnsByName() {
        assertThatThrownBy(() -> new Numbered().select(List.of("a", "z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature column 'z' is not in this feature set; its 3 columns are [a, b, c]");
        assertThatThrownBy(() -> new Numbered().select(List.of("b", "b")))
                .hasMessage("feature column 'b' is selected twice; list each column once");
    }
}
