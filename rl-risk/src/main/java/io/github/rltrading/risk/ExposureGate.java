package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.trading.Position;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code max-leverage}: caps the account's gross exposure after the trade, as a multiple of equity
 * and/or an absolute notional. Exposure counts a leveraged ETF's factor (UPRO's 3× makes $10,000 of
 * shares $30,000 of exposure) and a future's point value (one ES at 4,000 is $200,000).
 *
 * <pre>{@code
 * max-leverage:
 *   max-leverage: 2.0       # gross exposure <= 2 x equity
 *   max-notional: 500000    # and <= $500,000 (optional)
 * }</pre>
 *
 * Exposure of other instruments in the account counts against the same limit. With equity at or
 * below zero no new risk passes.
 */
public final class ExposureGate extends LimitGate<ExposureGate.Settings> {

    /** Parsed limits; {@code maxNotional} is infinite when not set. */
    record Settings(double maxLeverage, double maxNotional) implements LimitGate.Limits {
        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("max-leverage", maxLeverage);
            if (Double.isFinite(maxNotional)) {
                m.put("max-notional", maxNotional);
            }
            return m;
        }
    }

    public ExposureGate(Config settings) {
        super("max-leverage", settings, ExposureGate::parse);
    }

    private static Settings parse(ConfigValidator v) {
        double leverage = v.positiveDouble("max-leverage", 1.0);
        double notional = v.positiveDouble("max-notional", Double.MAX_VALUE);
        return new Settings(leverage, notional == Double.MAX_VALUE ? Double.POSITIVE_INFINITY : notional);
    }

    /** Exposure of one unit (contract or share) at {@code price}, leverage factor included. */
    static double unitExposure(Instrument instrument, double price) {
        return Math.abs(price) * instrument.pointValue() * instrument.leverageFactor();
    }

    @Override
    public RiskVerdict evaluate(TradeProposal p, RiskContext context) {
        if (!p.increasesRisk()) {
            return approve();
        }
        Settings s = current();
        double equity = context.portfolio().equity();
        double unit = unitExposure(p.instrument(), p.referencePrice());
        Position own = context.portfolio().positions().get(p.instrument().symbol());
        double ownExposure = own == null ? 0 : Math.abs(own.quantity()) * unit;
        double others = Math.max(0, context.portfolio().grossExposure() - ownExposure);
        double allowedGross = Math.min(s.maxNotional(), s.maxLeverage() * Math.max(0, equity));
        double after = others + Math.abs(p.targetQuantity()) * unit;
        if (after <= allowedGross + 1e-6) {
            return approve();
        }
        Map<String, Double> numbers = Map.of("equity", equity, "exposureAfter", after, "allowedExposure", allowedGross,
                "otherExposure", others, "maxLeverage", s.maxLeverage());
        if (equity <= 0) {
            return RiskVerdict.reject(name(), "equity " + money(equity) + " is not positive: no new exposure", numbers);
        }
        double maxUnits = unit > 0 ? Math.floor((allowedGross - others) / unit + 1e-9) : Double.POSITIVE_INFINITY;
        String what = "the exposure limit " + money(allowedGross) + " (" + fmt(s.maxLeverage()) + "x equity "
                + money(equity) + (Double.isFinite(s.maxNotional()) ? ", at most " + money(s.maxNotional()) : "")
                + ", " + money(others) + " used by other positions, " + money(unit) + " per unit)";
        return capAbs(p, Math.max(0, maxUnits), what, numbers);
    }
}
