package io.github.rltrading.core.util;

import java.time.Instant;

/**
 * Formats instants exactly as {@link Instant#toString()} does, several times faster, for text
 * written on every bar (journals, CSV files). A property test holds it to {@code Instant.toString()}.
 */
public final class IsoTime {

    private IsoTime() {}

    /** The same text as {@code instant.toString()}. */
    public static String format(Instant instant) {
        return format(instant.getEpochSecond(), instant.getNano());
    }

    /** The same text as {@code Instant.ofEpochMilli(epochMillis).toString()}. */
    public static String formatMillis(long epochMillis) {
        return format(Math.floorDiv(epochMillis, 1000L), (int) Math.floorMod(epochMillis, 1000L) * 1_000_000);
    }

    private static String format(long epochSecond, int nanos) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        // Howard Hinnant's civil_from_days.
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            return Instant.ofEpochSecond(epochSecond, nanos).toString(); // signs and long years: the JDK's rules
        }
        char[] c = new char[30];
        int i = 0;
        i = digits(c, i, (int) year, 4);
        c[i++] = '-';
        i = digits(c, i, month, 2);
        c[i++] = '-';
        i = digits(c, i, day, 2);
        c[i++] = 'T';
        i = digits(c, i, secondOfDay / 3600, 2);
        c[i++] = ':';
        i = digits(c, i, secondOfDay / 60 % 60, 2);
        c[i++] = ':';
        i = digits(c, i, secondOfDay % 60, 2);
        if (nanos != 0) {
            c[i++] = '.';
            if (nanos % 1_000_000 == 0) {
                i = digits(c, i, nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                i = digits(c, i, nanos / 1000, 6);
            } else {
                i = digits(c, i, nanos, 9);
            }
        }
        c[i++] = 'Z';
        return new String(c, 0, i);
    }

    private static int digits(char[] c, int at, int value, int width) {
        for (int k = width - 1; k >= 0; k--) {
            c[at + k] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    /**
     * Appends instants given in epoch milliseconds as {@link #formatMillis} would, reusing the date
     * part while consecutive times fall on the same UTC day (a CSV of bars: one date per 1,440
     * minutes). Not thread-safe: one per writer.
     */
    public static final class Appender {
        private long day = Long.MIN_VALUE;
        private String datePart;

        /** Appends {@code IsoTime.formatMillis(epochMillis)} to {@code out}. */
        public void appendMillis(StringBuilder out, long epochMillis) {
            long d = Math.floorDiv(epochMillis, 86_400_000L);
            int msOfDay = (int) Math.floorMod(epochMillis, 86_400_000L);
            if (d != day) {
                String full = formatMillis(d * 86_400_000L);
                // The fast path needs the plain form "yyyy-MM-ddT00:00:00Z"; other years go the slow way.
                datePart = full.length() == 20 ? full.substring(0, 11) : null;
                day = d;
            }
            if (datePart == null || msOfDay % 1000 != 0) {
                out.append(formatMillis(epochMillis));
                return;
            }
            int s = msOfDay / 1000;
            out.append(datePart);
            two(out, s / 3600);
            out.append(':');
            two(out, s / 60 % 60);
            out.append(':');
            two(out, s % 60);
            out.append('Z');
        }

        private static void two(StringBuilder out, int v) {
            out.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
        }
    }
}
