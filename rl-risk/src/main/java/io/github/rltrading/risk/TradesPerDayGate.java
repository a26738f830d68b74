package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code max-trades-per-day}: at most {@code limit} entries (position changes that add risk) per
 * trading day; exits are not counted and always pass.
 *
 * <pre>{@code
 * max-trades-per-day:
 *   limit: 10
 *   zone: America/New_York
 *   day-starts: "18:00"
 * }</pre>
 */
public final class TradesPerDayGate extends LimitGate<TradesPerDayGate.Settings> {

    /** Parsed limits. */
    record Settings(int limit, TradingDay day) implements LimitGate.Limits {
        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("limit", limit);
            m.putAll(day.describe());
            return m;
        }
    }

    private long day = Long.MIN_VALUE;
    private int entries;

    public TradesPerDayGate(Config settings) {
        super("max-trades-per-day", settings, TradesPerDayGate::parse);
    }

    private static Settings parse(ConfigValidator v) {
        return new Settings(v.intValue("limit", 10, 0, Integer.MAX_VALUE), TradingDay.read(v));
    }

    private void roll(RiskContext context) {
        long today = current().day().dayOf(context.time().toEpochMilli());
        if (today != day) {
            day = today;
            entries = 0;
        }
    }

    @Override
    public RiskVerdict evaluate(TradeProposal p, RiskContext context) {
        roll(context);
        int limit = current().limit();
        if (entries < limit || !p.increasesRisk()) {
            return approve();
        }
        return RiskVerdict.reject(name(), entries + " entries today reached the limit " + limit
                + "; exits still pass", Map.of("entries", (double) entries, "limit", (double) limit));
    }

    @Override
    public void onAccepted(TradeProposal accepted, RiskContext context) {
        roll(context);
        if (accepted.increasesRisk()) {
            entries++;
        }
    }

    /** The trading day and the entries taken in it: a restart the same day keeps counting. */
    @Override
    public Map<String, Object> saveState() {
        return day == Long.MIN_VALUE ? Map.of() : Map.of("day", day, "entries", entries);
    }

    @Override
    public void restoreState(Map<String, Object> state) {
        if (state.get("day") instanceof Number d && state.get("entries") instanceof Number n) {
            day = d.longValue();
            entries = n.intValue();
        }
    }

    @Override
    public void reset() {
        day = Long.MIN_VALUE;
        entries = 0;
    }
}
