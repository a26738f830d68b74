package io.github.rltrading.core.util;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;

/**
 * Converts between epoch milliseconds and local wall-clock milliseconds of one time zone, caching
 * the offset for the whole period between two transitions, so that converting millions of bar
 * times costs a comparison each instead of a {@link ZoneRules} lookup.
 *
 * <p>"Local millis" are the wall-clock time written as if it were UTC: {@code 2020-03-08 03:00}
 * New York is the local millis of {@code 2020-03-08T03:00Z}. Not thread-safe: one per reader.
 */
public final class ZoneOffsetCache {

    private final ZoneId zone;
    private final ZoneRules rules;
    private final boolean fixed;
    private final long fixedOffsetMillis;

    // Instant side: offset valid for utc millis in [utcFrom, utcTo).
    private long utcFrom = Long.MAX_VALUE;
    private long utcTo = Long.MIN_VALUE;
    private long utcOffset;

    public ZoneOffsetCache(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        this.fixedOffsetMillis = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : 0;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Wall-clock millis of {@code utcMillis} in this zone. */
    public long toLocal(long utcMillis) {
        return utcMillis + offsetAt(utcMillis);
    }

    /** The zone's offset (ms) at the instant {@code utcMillis}. */
    public long offsetAt(long utcMillis) {
        if (fixed) {
            return fixedOffsetMillis;
        }
        if (utcMillis < utcFrom || utcMillis >= utcTo) {
            Instant at = Instant.ofEpochMilli(utcMillis);
            utcOffset = rules.getOffset(at).getTotalSeconds() * 1000L;
            ZoneOffsetTransition prev = rules.previousTransition(at.plusMillis(1));
            ZoneOffsetTransition next = rules.nextTransition(at);
            utcFrom = prev == null ? Long.MIN_VALUE : prev.getInstant().toEpochMilli();
            utcTo = next == null ? Long.MAX_VALUE : next.getInstant().toEpochMilli();
        }
        return utcOffset;
    }

    /**
     * The instant of a wall-clock time. For a time that occurs twice (the hour repeated when clocks
     * go back), {@code preferLater} picks the second occurrence; for a time that does not exist (the
     * hour skipped when clocks go forward) the result is {@link Long#MIN_VALUE}.
     */
    public long toUtc(long localMillis, boolean preferLater) {
        if (fixed) {
            return localMillis - fixedOffsetMillis;
        }
        // Fast path: the cached period's offset gives an instant inside that period.
        long guess = localMillis - utcOffset;
        if (guess >= utcFrom && guess < utcTo && !nearTransition(guess)) {
            return guess;
        }
        LocalDateTime ldt = LocalDateTime.ofEpochSecond(Math.floorDiv(localMillis, 1000L),
                (int) Math.floorMod(localMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
        List<ZoneOffset> offsets = rules.getValidOffsets(ldt);
        if (offsets.isEmpty()) {
            return Long.MIN_VALUE;
        }
        ZoneOffset chosen = offsets.size() > 1 && preferLater ? offsets.get(offsets.size() - 1) : offsets.get(0);
        long utc = localMillis - chosen.getTotalSeconds() * 1000L;
        offsetAt(utc); // move the cache to the period of this instant
        return utc;
    }

    /** Whether the instant is within a day of either end of the cached period (where local times may be ambiguous). */
    private boolean nearTransition(long utcMillis) {
        final long day = 86_400_000L;
        return (utcFrom != Long.MIN_VALUE && utcMillis - utcFrom < day)
                || (utcTo != Long.MAX_VALUE && utcTo - utcMillis < day);
    }

    /** Whether a wall-clock time falls in the repeated hour when clocks go back. */
    public boolean isAmbiguous(long localMillis) {
        if (fixed) {
            return false;
        }
        LocalDateTime ldt = LocalDateTime.ofEpochSecond(Math.floorDiv(localMillis, 1000L),
                (int) Math.floorMod(localMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
        return rules.getValidOffsets(ldt).size() > 1;
    }
}
