package com.example.rlbroker;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.spi.BrokerProvider;

/**
 * Makes {@link PaperBroker} available as {@code broker: paper-example}. The SDK finds this class
 * through the line {@code com.example.rlbroker.PaperBrokerProvider} in
 * {@code META-INF/services/io.github.rltrading.core.spi.BrokerProvider}. Options:
 * {@code slippage-ticks} (0): ticks a market order pays beyond the next bar's open.
 *
 * <p>A provider's constructor must be cheap and free of side effects: the loader instantiates
 * every provider on the class path. Do I/O in {@link #create}.
 */
public final class PaperBrokerProvider implements BrokerProvider {

    @Override
    public String name() {
        return "paper-example";
    }

    /** Below the built-in brokers: never chosen unless asked for by name. */
    @Override
    public int rank() {
        return -10;
    }

    @Override
    public Broker create(Config config) {
        ConfigValidator v = config.validator();
        int slippage = v.intValue("slippage-ticks", 0, 0, 1000);
        v.throwIfInvalid("broker: paper-example");
        return new PaperBroker(slippage);
    }
}
