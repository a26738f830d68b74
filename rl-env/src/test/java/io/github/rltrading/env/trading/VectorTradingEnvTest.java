package io.github.rltrading.env.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.env.features.FeatureMatrix;
import io.github.rltrading.env.rewards.Rewards;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VectorTradingEnvTest {

    static BarSeries walk(int n) {
        return io.github.rltrading.env.RandomBars.build(java.util.Collections.nCopies(n, 1), 3);
    }

    static FeatureMatrix closes(BarSeries b) {
        float[] d = new float[b.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) b.close(i);
        }
        return FeatureMatrix.of("close", "c", java.util.List.of("close"), d, b.size());
    }

    static VectorTradingEnv vec(BarSeries b, FeatureMatrix m) {
        return VectorTradingEnv.create(4, i -> TradingEnv.builder(m, b, TradingEnvTest.ES).window(8).episodeLength(20 + i)
                .reward(Rewards.differentialSharpe(100_000, 0.05)).build());
    }

    @Test
    void copiesShareTheMatrixBatchObservationsAutoResetAndAreDeterministic() {
        BarSeries b = walk(2000);
        FeatureMatrix m = closes(b);
        VectorTradingEnv a = vec(b, m);
        VectorTradingEnv c = vec(b, m);
        float[] oa = a.reset(9).clone();
        float[] oc = c.reset(9).clone();
        assertThat(oa).hasSize(4 * a.observationSize()).isEqualTo(oc);
        assertThat(a.env(0).barIndex()).as("copies start at different rows").isNotEqualTo(a.env(1).barIndex());
        float[] actions = {1, -1, 0.5f, 0};
        int episodesEnded = 0;
        for (int step = 0; step < 200; step++) {
            a.step(actions);
            c.step(actions);
            assertThat(a.observations()).isEqualTo(c.observations());
            assertThat(a.rewards()).isEqualTo(c.rewards());
            for (int i = 0; i < 4; i++) {
                if (a.dones()[i]) {
                    episodesEnded++;
                    assertThat(a.env(i).isDone()).as("auto-reset").isFalse();
                }
            }
        }
        // 200 steps of 20..23-step episodes: every copy finished several.
        assertThat(episodesEnded).isGreaterThanOrEqualTo(4 * 8);
        float[] again = vec(b, m).reset(9);
        assertThat(again).isEqualTo(oa);
        assertThat(Arrays.equals(vec(b, m).reset(10), oa)).isFalse();
    }
}
