package io.github.rltrading.risk;

import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.util.ZoneOffsetCache;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * Local wall-clock arithmetic for gates, without allocation per call: the trading day an instant
 * belongs to (a day that starts at {@code dayStarts} local time, e.g. 18:00 New York for CME Globex,
 * so Sunday 18:00 to Monday 17:59 is Monday's session), the local time of day, and the weekday.
 *
 * <p>Not thread-safe (it caches the zone offset between transitions); each gate owns its own.
 */
final class TradingDay {

    static final String DEFAULT_ZONE = "America/New_York";
    static final String DEFAULT_DAY_START = "18:00";

    private final ZoneId zone;
    private final LocalTime dayStarts;
    private final ZoneOffsetCache offsets;

    /**
     * @param zone      the exchange's time zone
     * @param dayStarts the local time a trading day begins
     */
    TradingDay(ZoneId zone, LocalTime dayStarts) {
        this.zone = zone;
        this.dayStarts = dayStarts;
        this.offsets = new ZoneOffsetCache(zone);
    }

    ZoneId zone() {
        return zone;
    }

    LocalTime dayStarts() {
        return dayStarts;
    }

    /** Reads {@code zone} and {@code day-starts} from a gate's settings, recording any problem. */
    static TradingDay read(ConfigValidator v) {
        return new TradingDay(zone(v, "zone", DEFAULT_ZONE), localTime(v, "day-starts", DEFAULT_DAY_START));
    }

    static ZoneId zone(ConfigValidator v, String key, String fallback) {
        String name = v.string(key, fallback);
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            v.problem(key, name, "must be a time zone id such as America/New_York, Europe/London or UTC");
            return ZoneId.of(fallback);
        }
    }

    static LocalTime localTime(ConfigValidator v, String key, String fallback) {
        String text = v.string(key, fallback);
        try {
            return LocalTime.parse(text);
        } catch (DateTimeException e) {
            v.problem(key, text, "must be a local time HH:mm such as 09:30 or 18:00");
            return LocalTime.parse(fallback);
        }
    }

    /** Seconds since local midnight of {@code epochMillis}. */
    int secondOfDay(long epochMillis) {
        long local = localSeconds(epochMillis);
        return (int) Math.floorMod(local, 86_400L);
    }

    /** ISO weekday, 1 = Monday ... 7 = Sunday, in local time. */
    int dayOfWeek(long epochMillis) {
        long days = Math.floorDiv(localSeconds(epochMillis), 86_400L);
        return (int) Math.floorMod(days + 3, 7L) + 1; // 1970-01-01 was a Thursday
    }

    /**
     * The trading day of {@code epochMillis}, as a local epoch day: an instant at or after
     * {@code dayStarts} belongs to the next calendar day's session when the day starts in the
     * evening (after noon), to the same calendar day otherwise.
     */
    long dayOf(long epochMillis) {
        long local = localSeconds(epochMillis);
        long calendarDay = Math.floorDiv(local, 86_400L);
        int second = (int) Math.floorMod(local, 86_400L);
        int start = dayStarts.toSecondOfDay();
        boolean eveningStart = start >= 12 * 3600;
        if (eveningStart) {
            return second >= start ? calendarDay + 1 : calendarDay;
        }
        return second >= start ? calendarDay : calendarDay - 1;
    }

    private long localSeconds(long epochMillis) {
        // The offset is cached between zone transitions, so the per-bar path allocates nothing.
        return Math.floorDiv(offsets.toLocal(epochMillis), 1000L);
    }

    Map<String, Object> describe() {
        return Map.of("zone", zone.getId(), "day-starts", dayStarts.toString());
    }
}
