package io.github.rltrading.env.features;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.core.spi.FeatureSetProvider;
import io.github.rltrading.env.bars.MarketHours;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes {@link MarketFeatures} available as {@code features: market}. Options:
 *
 * <pre>{@code
 * features:
 *   name: market
 *   timeframes: [5m, 15m]     # higher timeframes aligned to the 1m step
 *   hours: globex             # globex | rth | extended | utc
 *   order-flow: false         # spread and quote imbalance (needs bid/ask)
 *   columns: [1m_ema_10_dist, 1m_ema_50_dist]   # optional: only these, in this order
 * }</pre>
 *
 * With {@code columns}, the session computes and shows only those ({@link MarketFeatures#select}):
 * for a rules policy that reads a few columns. A trained model needs the columns it was trained on,
 * which is the whole set unless it was trained on a selection.
 */
public final class MarketFeaturesProvider implements FeatureSetProvider {

    /** Session names accepted by the {@code hours} option. */
    public static final Map<String, MarketHours> HOURS = Map.of("globex", MarketHours.CME_GLOBEX, "rth",
            MarketHours.US_EQUITY_RTH, "extended", MarketHours.US_EQUITY_EXTENDED, "utc", MarketHours.UTC_DAYS);

    @Override
    public String name() {
        return "market";
    }

    @Override
    public FeatureSet create(Config config) {
        ConfigValidator v = config.validator();
        List<String> tfText = v.stringList("timeframes", List.of("5m", "15m"));
        String hours = v.oneOf("hours", "globex", HOURS.keySet().stream().sorted().toList());
        boolean orderFlow = v.bool("order-flow", false);
        List<String> columns = v.stringList("columns", List.of());
        List<Timeframe> timeframes = new ArrayList<>();
        for (String t : tfText) {
            try {
                timeframes.add(Timeframe.parse(t));
            } catch (IllegalArgumentException e) {
                v.problem("timeframes", t, e.getMessage());
            }
        }
        v.throwIfInvalid("features: market");
        MarketFeatures all;
        try {
            all = new MarketFeatures(new FeatureConfig(timeframes, HOURS.get(hours), orderFlow));
        } catch (IllegalArgumentException e) {
            v.problem("timeframes", tfText, e.getMessage());
            v.throwIfInvalid("features: market");
            throw e;
        }
        if (columns.isEmpty()) {
            return all;
        }
        try {
            return all.select(columns);
        } catch (IllegalArgumentException e) {
            v.problem("columns", columns, e.getMessage());
            v.throwIfInvalid("features: market");
            throw e;
        }
    }
}
