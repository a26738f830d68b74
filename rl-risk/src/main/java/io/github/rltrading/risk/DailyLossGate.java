package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code daily-loss}: a circuit breaker. Once equity has fallen {@code limit} (currency) or
 * {@code limit-percent} (a fraction of the equity the trading day began with) below the day's
 * start, no new risk passes for the rest of that trading day; with {@code flatten: true} it also
 * closes the position. It re-arms only when the next trading day begins.
 *
 * <pre>{@code
 * daily-loss:
 *   limit: 2000              # or limit-percent: 0.02
 *   flatten: true
 *   zone: America/New_York   # the trading day starts at day-starts local time
 *   day-starts: "18:00"      # CME Globex; use "00:00" with the stock market's zone for stocks
 * }</pre>
 */
public final class DailyLossGate extends LimitGate<DailyLossGate.Settings> {

    /** Parsed limits; one of {@code limit} and {@code limitPercent} is NaN. */
    record Settings(double limit, double limitPercent, boolean flatten, TradingDay day) implements LimitGate.Limits {
        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            if (!Double.isNaN(limit)) {
                m.put("limit", limit);
            }
            if (!Double.isNaN(limitPercent)) {
                m.put("limit-percent", limitPercent);
            }
            m.put("flatten", flatten);
            m.putAll(day.describe());
            return m;
        }

        double lossLimit(double dayStartEquity) {
            return Double.isNaN(limit) ? limitPercent * dayStartEquity : limit;
        }
    }

    private long day = Long.MIN_VALUE;
    private double dayStartEquity = Double.NaN;
    private double lastEquity = Double.NaN;
    private boolean tripped;
    private Instant trippedAt;
    /** The day's loss carried over from an earlier process, applied at the first bar of that day. */
    private double restoredLoss = Double.NaN;

    public DailyLossGate(Config settings) {
        super("daily-loss", settings, DailyLossGate::parse);
    }

    private static Settings parse(ConfigValidator v) {
        double[] limit = amountOrFraction(v, "the day's starting equity");
        return new Settings(limit[0], limit[1], v.bool("flatten", false), TradingDay.read(v));
    }

    /** Tracks the trading day and the day's starting equity; trips the breaker. */
    private void track(RiskContext context) {
        Settings s = current();
        long millis = context.time().toEpochMilli();
        long today = s.day().dayOf(millis);
        double equity = context.portfolio().equity();
        if (today != day) {
            day = today;
            // The equity at the last close before the new day began, or now for the first bar seen.
            dayStartEquity = Double.isNaN(lastEquity) ? equity : lastEquity;
            tripped = false;
            trippedAt = null;
            restoredLoss = Double.NaN;
        } else if (!Double.isNaN(restoredLoss)) {
            // Same trading day as before the restart: the day began restoredLoss above today's equity then.
            dayStartEquity = equity + restoredLoss;
            restoredLoss = Double.NaN;
        }
        lastEquity = equity;
        if (!tripped && dayStartEquity - equity >= s.lossLimit(dayStartEquity) - 1e-9) {
            tripped = true;
            trippedAt = context.time();
        }
    }

    @Override
    public RiskVerdict onBar(RiskContext context, double position) {
        track(context);
        if (tripped && current().flatten() && position != 0) {
            return RiskVerdict.reduce(name(), 0, reason() + "; flattening", numbers(context));
        }
        return null;
    }

    @Override
    public RiskVerdict evaluate(TradeProposal p, RiskContext context) {
        track(context);
        if (!tripped || !p.increasesRisk()) {
            return approve();
        }
        return RiskVerdict.reject(name(), reason() + "; no new risk until the next trading day (starts "
                + current().day().dayStarts() + " " + current().day().zone() + ")", numbers(context));
    }

    private String reason() {
        double loss = dayStartEquity - lastEquity;
        return "daily loss " + money(loss) + " reached the limit " + money(current().lossLimit(dayStartEquity))
                + " at " + trippedAt;
    }

    private Map<String, Double> numbers(RiskContext context) {
        return Map.of("dayStartEquity", dayStartEquity, "equity", context.portfolio().equity(),
                "limit", current().lossLimit(dayStartEquity));
    }

    /** Whether the breaker is tripped for the current trading day. */
    public boolean isTripped() {
        return tripped;
    }

    /** The trading day, its loss so far and whether the breaker tripped: a restart the same day keeps them. */
    @Override
    public Map<String, Object> saveState() {
        if (day == Long.MIN_VALUE || Double.isNaN(dayStartEquity)) {
            return Map.of();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", day);
        m.put("loss", dayStartEquity - lastEquity);
        saveTrip(m, tripped, trippedAt);
        return m;
    }

    @Override
    public void restoreState(Map<String, Object> state) {
        if (!(state.get("day") instanceof Number d) || !(state.get("loss") instanceof Number loss)) {
            return;
        }
        day = d.longValue();
        dayStartEquity = Double.NaN;
        restoredLoss = loss.doubleValue();
        tripped = restoredTripped(state);
        trippedAt = restoredTripTime(state);
    }

    @Override
    public void reset() {
        restoredLoss = Double.NaN;
        day = Long.MIN_VALUE;
        dayStartEquity = Double.NaN;
        lastEquity = Double.NaN;
        tripped = false;
        trippedAt = null;
    }
}
