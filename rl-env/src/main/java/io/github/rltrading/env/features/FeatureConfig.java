package io.github.rltrading.env.features;

import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.env.bars.MarketHours;
import java.util.List;
import java.util.Objects;

/**
 * Options of the {@link MarketFeatures} set.
 *
 * @param higherTimeframes the longer timeframes whose indicator block is added, aligned to the
 *                         1-minute step (5m and 15m by default)
 * @param hours            the trading session: it bounds session high/low/VWAP and the higher
 *                         timeframes' bars (CME Globex by default)
 * @param orderFlow        whether to add spread and quote-size imbalance (needs bid/ask columns)
 */
public record FeatureConfig(List<Timeframe> higherTimeframes, MarketHours hours, boolean orderFlow) {

    /** 1m + 5m + 15m, CME Globex sessions, no order flow. */
    public static final FeatureConfig DEFAULT = new FeatureConfig(List.of(Timeframe.M5, Timeframe.M15), MarketHours.CME_GLOBEX, false);

    public FeatureConfig {
        higherTimeframes = List.copyOf(higherTimeframes);
        Objects.requireNonNull(hours, "hours");
        for (Timeframe tf : higherTimeframes) {
            if (tf.millis() <= Timeframe.M1.millis() || tf.millis() % Timeframe.M1.millis() != 0
                    || 86_400_000L % tf.millis() != 0) {
                throw new IllegalArgumentException("feature timeframe " + tf
                        + " is not usable: higher timeframes must be whole minutes above 1m that divide a day, e.g. 5m, 15m, 1h");
            }
        }
    }

    public FeatureConfig withHours(MarketHours hours) {
        return new FeatureConfig(higherTimeframes, hours, orderFlow);
    }

    public FeatureConfig withOrderFlow(boolean orderFlow) {
        return new FeatureConfig(higherTimeframes, hours, orderFlow);
    }

    public FeatureConfig withHigherTimeframes(List<Timeframe> timeframes) {
        return new FeatureConfig(timeframes, hours, orderFlow);
    }
}
