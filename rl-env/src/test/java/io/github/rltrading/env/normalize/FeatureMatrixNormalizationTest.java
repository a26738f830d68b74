package io.github.rltrading.env.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.FeatureMatrix;
import io.github.rltrading.env.features.MarketFeatures;
import io.github.rltrading.env.synthetic.SyntheticMarket;
import io.github.rltrading.env.trading.RowRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fitting on the training range of a feature matrix and normalising the matrix for an environment. */
class FeatureMatrixNormalizationTest {

    @Test
    void fitOnTheTrainingRangeThenNormaliseACopyKeepingWarmUpInvalid() {
        FeatureMatrix m = MarketFeatures.compute(SyntheticMarket.builder().seed(4).sessions(12).build().generate().series(),
                FeatureConfig.DEFAULT.withHours(io.github.rltrading.env.bars.MarketHours.US_EQUITY_RTH));
        RowRange train = RowRange.walkForward(m.rows(), 0.6, 0.2)[0];
        FittedNormalization norm = Normalizer.zScore().withClip(5).fit(m, train.from(), train.to());
        assertThat(norm.featureSetHash()).isEqualTo(m.hash());
        FeatureMatrix z = norm.applyTo(m);
        assertThat(z.names()).isEqualTo(m.names());
        assertThat(z.firstValidRow()).isEqualTo(m.firstValidRow());
        assertThat(z.validRows()).isEqualTo(m.validRows());
        assertThat(m.data()).isNotSameAs(z.data());
        // Over the training rows each fitted column has mean about 0 (clipping aside).
        int col = m.column("1m_ret_1");
        double sum = 0;
        int n = 0;
        for (int r = Math.max(train.from(), m.firstValidRow()); r < train.to(); r++) {
            sum += z.get(r, col);
            n++;
        }
        assertThat(Math.abs(sum / n)).isLessThan(0.05);
        FeatureMatrix other = FeatureMatrix.of("x", "other-hash", m.names(), m.data(), m.rows());
        assertThatThrownBy(() -> norm.applyTo(other)).isInstanceOf(FeatureMismatchException.class)
                .hasMessageContaining("other-hash");
        assertThat(List.of(norm.names().get(0))).containsExactly(m.names().get(0));
    }
}
