package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code trading-hours}: entries only inside the session, and optionally flat some minutes before
 * it closes. Times are the bar's end in the exchange's zone. A session that crosses midnight
 * ({@code open} after {@code close}, as CME Globex 18:00 to 17:00) is supported.
 *
 * <pre>{@code
 * trading-hours:
 *   zone: America/New_York
 *   open: "09:30"
 *   close: "16:00"
 *   flatten-before-close: 5     # minutes; 0 = never flatten
 *   weekdays: [MON, TUE, WED, THU, FRI]
 * }</pre>
 *
 * Entries stop {@code flatten-before-close} minutes before the close too, so the gate never opens
 * a position it would have to close on the next bar.
 */
public final class TradingHoursGate extends LimitGate<TradingHoursGate.Settings> {

    private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    /** Parsed limits; {@code weekdays} bit i set = ISO day i+1 trades. */
    record Settings(TradingDay clock, LocalTime open, LocalTime close, int flattenMinutes, int weekdays)
            implements LimitGate.Limits {
        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("zone", clock.zone().getId());
            m.put("open", open.toString());
            m.put("close", close.toString());
            m.put("flatten-before-close", flattenMinutes);
            List<String> days = new java.util.ArrayList<>();
            for (int i = 0; i < 7; i++) {
                if ((weekdays & (1 << i)) != 0) {
                    days.add(DAYS.get(i));
                }
            }
            m.put("weekdays", days);
            return m;
        }
    }

    public TradingHoursGate(Config settings) {
        super("trading-hours", settings, TradingHoursGate::parse);
    }

    private static Settings parse(ConfigValidator v) {
        var zone = TradingDay.zone(v, "zone", TradingDay.DEFAULT_ZONE);
        LocalTime open = TradingDay.localTime(v, "open", "09:30");
        LocalTime close = TradingDay.localTime(v, "close", "16:00");
        if (open.equals(close)) {
            v.problem("close", close.toString(), "must differ from open " + open);
        }
        int flatten = v.intValue("flatten-before-close", 0, 0, 24 * 60);
        int mask = 0;
        List<String> days = v.config().has("weekdays") ? v.config().getStringList("weekdays") : DAYS.subList(0, 5);
        for (String d : days) {
            int i = DAYS.indexOf(d.toUpperCase(java.util.Locale.ROOT));
            if (i < 0) {
                v.problem("weekdays", d, "must be a list of MON, TUE, WED, THU, FRI, SAT, SUN");
            } else {
                mask |= 1 << i;
            }
        }
        return new Settings(new TradingDay(zone, open), open, close, flatten, mask);
    }

    /** Seconds from the session's open to {@code epochMillis}, or -1 when outside the session. */
    private static int intoSession(Settings s, long epochMillis) {
        int second = s.clock().secondOfDay(epochMillis);
        int open = s.open().toSecondOfDay();
        int close = s.close().toSecondOfDay();
        int length = Math.floorMod(close - open, 86_400);
        int into = Math.floorMod(second - open, 86_400);
        // A bar ending exactly at the close belongs to the session; one ending exactly at the open does not.
        if (into == 0 || into > length) {
            return -1;
        }
        // The weekday of the session is the weekday its open falls on.
        int dow = s.clock().dayOfWeek(epochMillis - into * 1000L);
        return (s.weekdays() & (1 << (dow - 1))) != 0 ? into : -1;
    }

    private static int secondsToClose(Settings s, int into) {
        return Math.floorMod(s.close().toSecondOfDay() - s.open().toSecondOfDay(), 86_400) - into;
    }

    @Override
    public RiskVerdict onBar(RiskContext context, double position) {
        Settings s = current();
        if (position == 0 || s.flattenMinutes() == 0) {
            return null;
        }
        int into = intoSession(s, context.time().toEpochMilli());
        if (into >= 0 && secondsToClose(s, into) > s.flattenMinutes() * 60) {
            return null;
        }
        return RiskVerdict.reduce(name(), 0, (into < 0 ? "outside trading hours " : "within "
                + s.flattenMinutes() + " min of the close ") + s.open() + "-" + s.close() + " " + s.clock().zone()
                + ": flattening", Map.of("position", position));
    }

    @Override
    public RiskVerdict evaluate(TradeProposal p, RiskContext context) {
        if (!p.increasesRisk()) {
            return approve();
        }
        Settings s = current();
        int into = intoSession(s, context.time().toEpochMilli());
        if (into >= 0 && secondsToClose(s, into) > s.flattenMinutes() * 60) {
            return approve();
        }
        return RiskVerdict.reject(name(), (into < 0 ? "outside trading hours " : "too close to the close of ")
                + s.open() + "-" + s.close() + " " + s.clock().zone() + " (" + context.time() + "): no new entries",
                Map.of());
    }
}
