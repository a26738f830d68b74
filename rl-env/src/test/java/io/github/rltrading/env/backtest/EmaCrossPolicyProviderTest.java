package io.github.rltrading.env.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.MarketFeatures;
import io.github.rltrading.env.bars.MarketHours;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmaCrossPolicyProviderTest {

    @Test
    void theRulesPolicyIsFoundByNameAndReadsTheSameColumnsWhateverTheMarketSetsOptions() {
        Policy policy = Plugins.load().policy(Config.of(Map.of("policy", "ema-cross")));
        List<String> defaults = new MarketFeatures(FeatureConfig.DEFAULT).names();
        for (FeatureConfig other : List.of(new FeatureConfig(List.of(), MarketHours.CME_GLOBEX, false),
                new FeatureConfig(List.of(Timeframe.M5, Timeframe.M15, Timeframe.H1), MarketHours.US_EQUITY_RTH, true))) {
            List<String> names = new MarketFeatures(other).names();
            assertThat(names.indexOf("1m_ema_10_dist")).isEqualTo(defaults.indexOf("1m_ema_10_dist"));
            assertThat(names.indexOf("1m_ema_50_dist")).isEqualTo(defaults.indexOf("1m_ema_50_dist"));
        }
        float[] row = new float[defaults.size()];
        row[defaults.indexOf("1m_ema_10_dist")] = -0.001f; // close below EMA 10 by less than below EMA 50: EMA 10 above
        row[defaults.indexOf("1m_ema_50_dist")] = 0.002f;
        assertThat(policy.decide(observation(row)).targetPosition()).isEqualTo(1.0);
        assertThatThrownBy(() -> policy.decide(observation(new float[3])))
                .hasMessage("policy ema-cross reads the market feature set's 1m EMA columns, but the session's features have only 3"
                        + " columns; set features: market");
    }

    private static Observation observation(float[] row) {
        return new Observation(Instant.parse("2026-11-20T14:31:00Z"), row, 0);
    }
}
