package io.github.rltrading.broker.nt8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.spi.MarketDataFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code broker: nt8} and {@code feed: nt8} by name: one shared bridge, closed by the last user; clear config errors. */
class Nt8ProvidersTest {

    @Test
    void theBrokerAndTheFeedOfOneAddressShareABridgeThatTheLastCloses() throws Exception {
        Plugins plugins = Plugins.load();
        Config config = Config.of(Map.of(
                "broker", Map.of("name", "nt8", "instrument", "MES", "port", 0, "connect-timeout", "5s"),
                "feed", Map.of("name", "nt8", "instrument", "MES", "timeframe", "1m", "port", 0)));
        Nt8Broker broker = (Nt8Broker) plugins.broker(config);
        MarketDataFeed feed = plugins.feed(config);
        Nt8Bridge bridge = broker.bridge();
        assertThat(feed.timeframe()).isEqualTo(Timeframe.M1);
        try (FakeStrategy strategy = new FakeStrategy(bridge.port(), ContractSpecs.MES, "MES 12-26")) {
            strategy.connect();
            broker.connect();
            Bar bar = new Bar("MES", Timeframe.M1, Instant.parse("2026-11-20T14:31:00Z"), 5000, 5001, 4999, 5000.5, 10);
            strategy.publish(bar, false);
            assertThat(feed.next(Duration.ofSeconds(5))).as("the feed hears the broker's strategy: one bridge").contains(bar);
            broker.close();
            assertThat(bridge.isClosed()).as("the feed still uses it").isFalse();
            feed.close();
            assertThat(bridge.isClosed()).isTrue();
        }
    }

    @Test
    void aBrokerSectionWithoutAnInstrumentOrWithABareTimeoutIsRefusedWithEveryProblem() {
        Config config = Config.of(Map.of("broker", Map.of("name", "nt8", "connect-timeout", 30)));
        assertThatThrownBy(() -> Plugins.load().broker(config))
                .hasMessageContaining("broker: nt8")
                .hasMessageContaining("broker.instrument")
                .hasMessageContaining("is required")
                .hasMessageContaining("broker.connect-timeout");
    }
}
