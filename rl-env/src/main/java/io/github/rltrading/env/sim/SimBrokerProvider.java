package io.github.rltrading.env.sim;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.spi.BrokerProvider;

/**
 * {@code broker: sim}. Options: {@code slippage-ticks} (1), {@code slippage-range-fraction} (0: fixed
 * ticks only; above 0 adds that share of the bar's range scaled by participation),
 * {@code use-quotes} (true: market orders pay half the spread when quotes are known).
 */
public final class SimBrokerProvider implements BrokerProvider {

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public Broker create(Config config) {
        ConfigValidator v = config.validator();
        double ticks = v.nonNegativeDouble("slippage-ticks", 1);
        double range = v.nonNegativeDouble("slippage-range-fraction", 0);
        boolean quotes = v.bool("use-quotes", true);
        v.throwIfInvalid("broker: sim");
        Slippage slippage = range > 0 ? Slippage.volatilityAndVolume(ticks, range) : Slippage.fixedTicks(ticks);
        return new SimBroker(new ExecutionModel(slippage, quotes));
    }
}
