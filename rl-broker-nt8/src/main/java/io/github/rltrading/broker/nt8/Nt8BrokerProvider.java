package io.github.rltrading.broker.nt8;

import io.github.rltrading.core.SessionConfig;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.spi.BrokerProvider;
import java.time.Duration;

/**
 * {@code broker: {name: nt8, instrument: ES, port: 8888}}. Options: {@code instrument} (required,
 * as in the session), {@code host} (127.0.0.1), {@code port} (8888), {@code token},
 * {@code connect-timeout} (30s), {@code request-timeout} (5s), {@code heartbeat-interval} (5s),
 * {@code idle-timeout} (20s), {@code max-line-bytes} (1 MiB). The {@code nt8} feed with the same
 * host and port shares the bridge.
 */
public final class Nt8BrokerProvider implements BrokerProvider {

    @Override
    public String name() {
        return "nt8";
    }

    @Override
    public Broker create(Config config) {
        ConfigValidator v = config.validator();
        Instrument instrument = SessionConfig.instrument(config, v);
        Nt8Bridge.Builder settings = SharedBridges.settings(v);
        Duration connectTimeout = v.duration("connect-timeout", Duration.ofSeconds(30));
        v.throwIfInvalid("broker: nt8");
        Nt8Bridge bridge = SharedBridges.acquire(settings);
        Nt8Broker broker = bridge.broker(instrument).connectTimeout(connectTimeout);
        broker.afterClose(() -> SharedBridges.release(bridge));
        return broker;
    }
}
