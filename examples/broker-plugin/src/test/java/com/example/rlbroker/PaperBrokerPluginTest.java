package com.example.rlbroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.trading.Bracket;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.OrderState;
import io.github.rltrading.core.trading.Side;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SDK finds the plug-in by name through META-INF/services, and its settings are checked. */
class PaperBrokerPluginTest {

    @Test
    void theLoaderFindsThePlugInByName() {
        Plugins plugins = Plugins.load();
        assertThat(plugins.provider(io.github.rltrading.core.PluginKind.BROKER, "paper-example")).get()
                .isInstanceOf(PaperBrokerProvider.class);
        try (Broker broker = plugins.broker(Config.of(Map.of("broker", Map.of("name", "paper-example", "slippage-ticks", 1))))) {
            assertThat(broker).isInstanceOf(PaperBroker.class);
            broker.connect();
            Order bracketed = broker.submit(OrderRequest.builder("b-1", ContractSpecs.MES, Side.BUY, 1)
                    .bracket(Bracket.of(4990, 5010)).build());
            assertThat(bracketed.state()).isEqualTo(OrderState.REJECTED);
            assertThat(bracketed.reason()).startsWith("paper-example has no bracket orders");
        }
    }

    @Test
    void aBadSettingIsRefusedWithItsNameAndValue() {
        Config config = Config.of(Map.of("broker", Map.of("name", "paper-example", "slippage-ticks", -1)));
        assertThatThrownBy(() -> Plugins.load().broker(config))
                .hasMessageContaining("broker: paper-example").hasMessageContaining("slippage-ticks").hasMessageContaining("-1");
    }
}
