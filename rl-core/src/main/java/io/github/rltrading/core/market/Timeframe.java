package io.github.rltrading.core.market;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The length of a bar. Written and parsed as {@code 30s}, {@code 1m}, {@code 5m}, {@code 15m},
 * {@code 1h}, {@code 1d}.
 *
 * <p>A daily bar is a session, not 24 clock hours, but its nominal length is one day; aggregation
 * code decides where sessions start and end.
 *
 * @param length the nominal bar length, positive and a whole number of seconds
 */
public record Timeframe(Duration length) implements Comparable<Timeframe> {

    public static final Timeframe M1 = ofMinutes(1);
    public static final Timeframe M5 = ofMinutes(5);
    public static final Timeframe M15 = ofMinutes(15);
    public static final Timeframe H1 = new Timeframe(Duration.ofHours(1));
    public static final Timeframe D1 = new Timeframe(Duration.ofDays(1));

    private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*([smhd])");

    public Timeframe {
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero() || length.getNano() != 0) {
            throw new IllegalArgumentException(
                    "timeframe length must be a positive whole number of seconds, got " + length);
        }
    }

    public static Timeframe ofMinutes(int minutes) {
        return new Timeframe(Duration.ofMinutes(minutes));
    }

    /**
     * Parses {@code 30s}, {@code 5m}, {@code 1h} or {@code 1d} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    @JsonCreator
    public static Timeframe parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
        try {
            if (m != null && m.matches() && Long.parseLong(m.group(1)) != 0) {
                long n = Long.parseLong(m.group(1));
                Duration d = switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
                d.toMillis(); // a length whose millis() overflows is as unusable as a malformed one
                return new Timeframe(d);
            }
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            // a count beyond a long, a Duration or its milliseconds: refused below like any bad text
        }
        throw new IllegalArgumentException("timeframe '" + text
                + "' is not valid; write a positive count and a unit s, m, h or d, e.g. 1m, 5m, 15m, 1h, 1d");
    }

    /** Length in milliseconds. */
    public long millis() {
        return length.toMillis();
    }

    /** Whether {@code other} is a whole multiple of this timeframe (5m is a multiple of 1m). */
    public boolean divides(Timeframe other) {
        return other.length.getSeconds() % length.getSeconds() == 0;
    }

    @Override
    public int compareTo(Timeframe o) {
        return length.compareTo(o.length);
    }

    /** The short form, {@code 5m}; also how it is written to JSON. */
    @JsonValue
    @Override
    public String toString() {
        long s = length.getSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
