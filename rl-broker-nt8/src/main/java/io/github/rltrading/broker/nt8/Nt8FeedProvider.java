package io.github.rltrading.broker.nt8;

import io.github.rltrading.core.SessionConfig;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.MarketDataFeed;
import io.github.rltrading.core.spi.MarketDataFeedProvider;

/**
 * {@code feed: {name: nt8, instrument: ES, timeframe: 1m, port: 8888}}: the bars RlBridgeStrategy
 * sends for that series. The bridge options are those of the {@code nt8} broker (see
 * {@link Nt8BrokerProvider}); a broker and a feed with the same host and port share one bridge.
 */
public final class Nt8FeedProvider implements MarketDataFeedProvider {

    @Override
    public String name() {
        return "nt8";
    }

    @Override
    public MarketDataFeed create(Config config) {
        ConfigValidator v = config.validator();
        Instrument instrument = SessionConfig.instrument(config, v);
        String tfText = v.string("timeframe", "1m");
        Timeframe timeframe = Timeframe.M1;
        try {
            timeframe = Timeframe.parse(tfText);
        } catch (IllegalArgumentException e) {
            v.problem("timeframe", tfText, e.getMessage());
        }
        Nt8Bridge.Builder settings = SharedBridges.settings(v);
        v.throwIfInvalid("feed: nt8");
        Nt8Bridge bridge = SharedBridges.acquire(settings);
        Nt8Feed feed = bridge.feed(instrument, timeframe);
        feed.afterClose(() -> SharedBridges.release(bridge));
        return feed;
    }
}
