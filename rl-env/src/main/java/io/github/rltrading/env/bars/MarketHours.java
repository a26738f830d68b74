package io.github.rltrading.env.bars;

import io.github.rltrading.core.util.ZoneOffsetCache;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a market trades: a daily session in a time zone, on some trading days. A session either
 * runs within one day ({@code open < close}, e.g. US equities 09:30–16:00) or overnight from the
 * evening before ({@code open >= close}, e.g. CME Globex 18:00–17:00, where Sunday evening opens
 * Monday's session). {@code open == close} is a 24-hour session.
 *
 * <p>A bar belongs to the session whose {@code (open, close]} interval contains the bar's end
 * time; the session is named by its <em>trading date</em>, the local date on which it closes.
 *
 * <pre>{@code
 * MarketHours rth = MarketHours.US_EQUITY_RTH;
 * long date = rth.tradingDate(barEndMillis); // epoch day, or NO_SESSION outside 09:30-16:00 ET
 * }</pre>
 *
 * @param name        a label for messages and reports
 * @param zone        the exchange's time zone
 * @param open        local time the session opens
 * @param close       local time the session closes
 * @param tradingDays the weekdays of trading dates (the day a session closes)
 */
public record MarketHours(String name, ZoneId zone, LocalTime open, LocalTime close, Set<DayOfWeek> tradingDays) {

    /** {@link #tradingDate} of a time outside every session. */
    public static final long NO_SESSION = Long.MIN_VALUE;

    private static final DayOfWeek[] DAYS = DayOfWeek.values();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** US equities and ETFs, regular trading hours: 09:30–16:00 New York, Monday to Friday. */
    public static final MarketHours US_EQUITY_RTH =
            new MarketHours("US RTH", NEW_YORK, LocalTime.of(9, 30), LocalTime.of(16, 0), WEEKDAYS);

    /** US equities including extended hours: 04:00–20:00 New York, Monday to Friday. */
    public static final MarketHours US_EQUITY_EXTENDED =
            new MarketHours("US extended", NEW_YORK, LocalTime.of(4, 0), LocalTime.of(20, 0), WEEKDAYS);

    /** CME Globex equity index futures (ES, MES, NQ…): 18:00 the evening before to 17:00 New York, trading dates Monday to Friday. */
    public static final MarketHours CME_GLOBEX =
            new MarketHours("CME Globex", NEW_YORK, LocalTime.of(18, 0), LocalTime.of(17, 0), WEEKDAYS);

    /** Around the clock in UTC, every day: sessions are UTC calendar days. */
    public static final MarketHours UTC_DAYS =
            new MarketHours("UTC days", ZoneId.of("UTC"), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, EnumSet.allOf(DayOfWeek.class));

    public MarketHours {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        if (tradingDays == null || tradingDays.isEmpty()) {
            throw new IllegalArgumentException("market hours '" + name + "' need at least one trading day");
        }
        // An EnumSet: tradingDateOfLocal asks it on every bar, and a bit test is the cheapest answer.
        java.util.EnumSet<DayOfWeek> days = java.util.EnumSet.noneOf(DayOfWeek.class);
        days.addAll(tradingDays);
        tradingDays = java.util.Collections.unmodifiableSet(days);
    }

    /** Whether the session starts the evening before its trading date (or lasts 24 hours from an evening open). */
    public boolean overnight() {
        return !open.isBefore(close) && !calendarDays();
    }

    /** Whether sessions are whole calendar days (open and close at midnight). */
    private boolean calendarDays() {
        return open.equals(LocalTime.MIDNIGHT) && close.equals(LocalTime.MIDNIGHT);
    }

    /** Session length in milliseconds. */
    public long lengthMillis() {
        long o = open.toSecondOfDay() * 1000L;
        long c = close.toSecondOfDay() * 1000L;
        return overnight() || calendarDays() ? c + 86_400_000L - o : c - o;
    }

    /**
     * The trading date (epoch day) of the session containing a bar that ends at {@code endMillis},
     * or {@link #NO_SESSION}.
     */
    public long tradingDate(long endMillis, ZoneOffsetCache offsets) {
        return tradingDateOfLocal(offsets.toLocal(endMillis));
    }

    /** As {@link #tradingDate(long, ZoneOffsetCache)} for a local wall-clock time in millis. */
    public long tradingDateOfLocal(long localEndMillis) {
        long day = Math.floorDiv(localEndMillis, 86_400_000L);
        long ms = Math.floorMod(localEndMillis, 86_400_000L);
        if (ms == 0) { // midnight is the end of the previous day
            day -= 1;
            ms = 86_400_000L;
        }
        long o = open.toSecondOfDay() * 1000L;
        long c = close.toSecondOfDay() * 1000L;
        long date;
        if (calendarDays()) {
            date = day;
        } else if (!overnight()) {
            if (ms <= o || ms > c) {
                return NO_SESSION;
            }
            date = day;
        } else if (ms > o) {
            date = day + 1;
        } else if (ms <= c) {
            date = day;
        } else {
            return NO_SESSION;
        }
        // 1970-01-01 was a Thursday: (epochDay + 3) mod 7 is 0 on Mondays (DayOfWeek.MONDAY.ordinal()).
        DayOfWeek dow = DAYS[(int) Math.floorMod(date + 3, 7L)];
        return tradingDays.contains(dow) ? date : NO_SESSION;
    }

    /** Local wall-clock millis at which the session of a trading date opens. */
    public long localOpenMillis(long tradingDate) {
        long o = open.toSecondOfDay() * 1000L;
        return (overnight() ? tradingDate - 1 : tradingDate) * 86_400_000L + o;
    }

    /** Local wall-clock millis at which the session of a trading date closes. */
    public long localCloseMillis(long tradingDate) {
        long c = close.toSecondOfDay() * 1000L;
        return tradingDate * 86_400_000L + (c == 0 ? 86_400_000L : c);
    }

    @Override
    public String toString() {
        return name + " " + open + "-" + close + " " + zone;
    }
}
