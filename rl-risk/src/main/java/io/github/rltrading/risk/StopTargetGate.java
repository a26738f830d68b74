package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.trading.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stop-target}: prices the stop-loss and take-profit of every entry, which the order planner
 * sends as a bracket (filled inside a bar by the broker, stop first when a bar touches both), and
 * optionally trails a stop behind the best price since entry.
 *
 * <pre>{@code
 * stop-target:
 *   stop-atr: 2.0          # or stop-ticks: 8, or stop-percent: 0.01
 *   target-atr: 3.0        # or target-ticks: 16, or target-percent: 0.02
 *   atr-bars: 14           # look-back of the average true range
 *   trail-ticks: 12        # optional: or trail-percent / trail-atr
 * }</pre>
 *
 * The ATR is the simple mean of the last {@code atr-bars} true ranges at decision time. The trailing
 * stop is checked on each bar's close (the gate demands an exit when the close falls
 * {@code trail} below the highest high since entry for a long, or above the lowest low for a
 * short), not intrabar, because it is not a resting order. Without enough bars for the ATR the gate
 * rejects entries: an entry without its stop must not go out.
 */
public final class StopTargetGate extends LimitGate<StopTargetGate.Settings> {

    /** How a distance is measured. */
    enum Unit { TICKS, PERCENT, ATR }

    /** A distance from the entry price; {@code value} NaN means none. */
    record Distance(Unit unit, double value) {
        static final Distance NONE = new Distance(Unit.TICKS, Double.NaN);

        boolean isSet() {
            return !Double.isNaN(value);
        }

        double price(double reference, double tick, double atr) {
            return switch (unit) {
                case TICKS -> value * tick;
                case PERCENT -> value * reference;
                case ATR -> value * atr;
            };
        }

        String describe() {
            return value + " " + unit.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Parsed settings. */
    record Settings(Distance stop, Distance target, Distance trail, int atrBars) implements LimitGate.Limits {
        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stop", stop.isSet() ? stop.describe() : "none");
            m.put("target", target.isSet() ? target.describe() : "none");
            m.put("trail", trail.isSet() ? trail.describe() : "none");
            m.put("atr-bars", atrBars);
            return m;
        }

        boolean needsAtr() {
            return stop.unit() == Unit.ATR && stop.isSet() || target.unit() == Unit.ATR && target.isSet()
                    || trail.unit() == Unit.ATR && trail.isSet();
        }
    }

    private double extreme = Double.NaN;
    private double heldSign;

    public StopTargetGate(Config settings) {
        super("stop-target", settings, StopTargetGate::parse);
    }

    private static Settings parse(ConfigValidator v) {
        return new Settings(distance(v, "stop"), distance(v, "target"), distance(v, "trail"),
                v.intValue("atr-bars", 14, 1, 10_000));
    }

    private static Distance distance(ConfigValidator v, String leg) {
        Distance found = Distance.NONE;
        for (Unit unit : Unit.values()) {
            String key = leg + "-" + unit.name().toLowerCase(java.util.Locale.ROOT);
            if (!v.config().has(key)) {
                continue;
            }
            double value = unit == Unit.PERCENT ? v.doubleInRange(key, 0.01, 1e-9, 1.0) : v.positiveDouble(key, 1);
            if (found.isSet()) {
                v.problem(key, value, "set only one of " + List.of(leg + "-ticks", leg + "-percent", leg + "-atr"));
            } else {
                found = new Distance(unit, value);
            }
        }
        return found;
    }

    @Override
    public RiskVerdict evaluate(TradeProposal p, RiskContext context) {
        Settings s = current();
        if (!s.needsAtr() || !p.increasesRisk()) {
            return approve();
        }
        double atr = context.history().meanTrueRange(s.atrBars());
        if (Double.isFinite(atr) && atr > 0) {
            return approve();
        }
        return RiskVerdict.reject(name(), "the ATR stop needs " + (s.atrBars() + 1) + " bars of history, "
                + context.history().size() + " seen" + (Double.isFinite(atr) ? " and the ATR is 0" : "")
                + "; no entry without its stop", Map.of("bars", (double) context.history().size()));
    }

    @Override
    public double stopPrice(TradeProposal approved, RiskContext context) {
        return level(current().stop(), approved, context, -1);
    }

    @Override
    public double targetPrice(TradeProposal approved, RiskContext context) {
        return level(current().target(), approved, context, +1);
    }

    /** Entry price ∓ distance: {@code direction} -1 for the stop (against the trade), +1 for the target. */
    private double level(Distance d, TradeProposal p, RiskContext context, int direction) {
        if (!d.isSet()) {
            return Double.NaN;
        }
        double ref = p.referencePrice();
        double atr = d.unit() == Unit.ATR ? context.history().meanTrueRange(current().atrBars()) : 0;
        double side = Math.signum(p.targetQuantity());
        return ref + direction * side * d.price(ref, p.instrument().tickSize(), atr);
    }

    @Override
    public RiskVerdict onBar(RiskContext context, double position) {
        Settings s = current();
        if (!s.trail().isSet() || context.history().isEmpty()) {
            return null;
        }
        BarSeries h = context.history();
        // Trail the filled position (working orders have no entry yet).
        Position held = context.portfolio().positions().get(h.symbol());
        double sign = held == null ? 0 : Math.signum(held.quantity());
        int i = h.size() - 1;
        if (sign == 0) {
            heldSign = 0;
            extreme = Double.NaN;
            return null;
        }
        if (sign != heldSign) {
            // A new position (or a reversal): trail from this bar on.
            heldSign = sign;
            extreme = sign > 0 ? h.high(i) : h.low(i);
        }
        extreme = sign > 0 ? Math.max(extreme, h.high(i)) : Math.min(extreme, h.low(i));
        double atr = s.trail().unit() == Unit.ATR ? h.meanTrueRange(s.atrBars()) : 0;
        if (!Double.isFinite(atr)) {
            return null;
        }
        double close = h.close(i);
        double stop = extreme - sign * s.trail().price(close, held.instrument().tickSize(), atr);
        if ((close - stop) * sign > 0) {
            return null;
        }
        return RiskVerdict.reduce(name(), 0, "trailing stop: the close " + fmt(close) + " crossed " + fmt(stop)
                + ", " + s.trail().describe() + " from the best price " + fmt(extreme) + " since entry",
                Map.of("close", close, "stop", stop, "extreme", extreme));
    }

    @Override
    public void reset() {
        extreme = Double.NaN;
        heldSign = 0;
    }
}
