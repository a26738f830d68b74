package io.github.rltrading.env.backtest;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.spi.PolicyProvider;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.MarketFeatures;
import java.util.List;

/**
 * {@code policy: ema-cross}: the EMA-cross rules policy of the baselines ({@link Baselines#emaCross})
 * as a plug-in, for sessions that want a transparent rule instead of a trained model (the live
 * reference app uses it when no model is given). It reads the 1-minute EMA columns of the
 * {@code market} feature set, which come first whatever its options, so the session must use
 * {@code features: market}. No options.
 */
public final class EmaCrossPolicyProvider implements PolicyProvider {

    @Override
    public String name() {
        return "ema-cross";
    }

    @Override
    public Policy create(Config config) {
        config.validator().throwIfInvalid("policy: ema-cross");
        List<String> names = new MarketFeatures(FeatureConfig.DEFAULT).names();
        Policy rule = Baselines.emaCross(names);
        int needed = Math.max(names.indexOf("1m_ema_10_dist"), names.indexOf("1m_ema_50_dist")) + 1;
        return observation -> {
            if (observation.features().length < needed) {
                throw new IllegalStateException("policy ema-cross reads the market feature set's 1m EMA columns, but the session's"
                        + " features have only " + observation.features().length + " columns; set features: market");
            }
            return rule.decide(observation);
        };
    }
}
