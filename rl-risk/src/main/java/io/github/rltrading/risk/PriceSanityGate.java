package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import java.util.Map;

/**
 * {@code price-sanity}: refuses new risk priced too far from the last traded price (a stale quote,
 * a bad tick, a unit mistake), or with no last price to compare against. Exits pass: refusing to
 * close on a bad price would add risk, not remove it.
 *
 * <pre>{@code
 * price-sanity:
 *   max-deviation: 0.02    # 2 % from the last close
 * }</pre>
 */
public final class PriceSanityGate extends LimitGate<PriceSanityGate.Settings> {

    /** Parsed limit, a fraction of the last price. */
    record Settings(double maxDeviation) implements LimitGate.Limits {
        @Override
        public Map<String, Object> describe() {
            return Map.of("max-deviation", maxDeviation);
        }
    }

    public PriceSanityGate(Config settings) {
        super("price-sanity", settings, PriceSanityGate::parse);
    }

    private static Settings parse(ConfigValidator v) {
        return new Settings(v.doubleInRange("max-deviation", 0.02, 0.0, 1.0));
    }

    @Override
    public RiskVerdict evaluate(TradeProposal p, RiskContext context) {
        if (!p.increasesRisk()) {
            return approve();
        }
        double price = p.referencePrice();
        if (context.history().isEmpty()) {
            return RiskVerdict.reject(name(), "no last price to check the order price " + fmt(price)
                    + " against (fail closed)", Map.of("price", price));
        }
        double last = context.history().close(context.history().size() - 1);
        double max = current().maxDeviation();
        double deviation = last > 0 ? Math.abs(price - last) / last : Double.POSITIVE_INFINITY;
        if (price > 0 && deviation <= max) {
            return approve();
        }
        return RiskVerdict.reject(name(), "order price " + fmt(price) + " is " + fmt(deviation * 100)
                + " % from the last price " + fmt(last) + "; at most " + fmt(max * 100) + " % is allowed",
                Map.of("price", price, "lastPrice", last, "deviation", deviation, "maxDeviation", max));
    }
}
