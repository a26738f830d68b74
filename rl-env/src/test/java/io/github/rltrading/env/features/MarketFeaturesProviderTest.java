package io.github.rltrading.env.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigException;
import io.github.rltrading.core.spi.FeatureSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketFeaturesProviderTest {

    @Test
    void theMarketFeatureSetIsFoundThroughServiceLoaderWithItsOptions() {
        Config config = Config.of(Map.of("features",
                Map.of("name", "market", "timeframes", List.of("5m", "15m", "1h"), "hours", "rth", "order-flow", true)));
        FeatureSet features = Plugins.load().features(config);
        assertThat(features).isInstanceOf(MarketFeatures.class);
        MarketFeatures market = (MarketFeatures) features;
        assertThat(market.names()).contains("1h_rsi_14", "spread");
        assertThat(market.config().hours().name()).isEqualTo("US RTH");
    }

    @Test
    void columnsSelectWhatTheSessionComputesAndShows() {
        Config config = Config.of(Map.of("features", Map.of("name", "market", "columns", List.of("5m_rsi_14", "1m_ret_1"))));
        FeatureSet features = Plugins.load().features(config);
        assertThat(features.names()).containsExactly("5m_rsi_14", "1m_ret_1");
        assertThat(features.warmUpBars()).isEqualTo(new MarketFeatures(FeatureConfig.DEFAULT).warmUpBars());

        Config typo = Config.of(Map.of("columns", List.of("5m_rsi_41")));
        assertThatThrownBy(() -> new MarketFeaturesProvider().create(typo))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("columns")
                .hasMessageContaining("feature column '5m_rsi_41' is not in this feature set");
    }

    @Test
    void badOptionsAreReportedTogetherWithTheirPaths() {
        Config config = Config.of(Map.of("timeframes", List.of("5m", "7x"), "hours", "asia"));
        assertThatThrownBy(() -> new MarketFeaturesProvider().create(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("timeframes")
                .hasMessageContaining("7x")
                .hasMessageContaining("hours")
                .hasMessageContaining("asia");
    }
}
