package io.github.rltrading.env.data;

/**
 * Parses the time stamps of data files from bytes without allocating. Results are "local millis"
 * (the wall-clock time written as if it were UTC) plus, for ISO-8601 text with an offset, that
 * offset; the caller turns local times into instants with the file's zone.
 */
final class Timestamps {

    static final long DAY = 86_400_000L;

    /** Parse result; reused. */
    long localMillis;
    boolean hasOffset;
    long offsetMillis;
    boolean dateOnly;
    /** Nanoseconds beyond the millisecond (tick times have 100 ns resolution). */
    long subMillisNanos;
    /** Why the last parse failed, for the error message. */
    String problem;

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int mp = (month + 9) % 12;
        int doy = (153 * mp + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097L + doe - 719468L;
    }

    private boolean date(int year, int month, int day) {
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            problem = "is not a valid calendar date";
            return false;
        }
        localMillis = epochDay(year, month, day) * DAY;
        return true;
    }

    private boolean time(int hour, int minute, int second, long nanos) {
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            problem = "is not a valid time of day";
            return false;
        }
        localMillis += hour * 3_600_000L + minute * 60_000L + second * 1000L + nanos / 1_000_000L;
        subMillisNanos = nanos % 1_000_000L;
        return true;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private void reset() {
        hasOffset = false;
        offsetMillis = 0;
        dateOnly = false;
        subMillisNanos = 0;
        problem = null;
    }

    /** {@code yyyyMMdd HHmmss} (NinjaTrader minute export). */
    boolean nt8Minute(byte[] b, int s, int e) {
        reset();
        if (e - s != 15 || b[s + 8] != ' ') {
            problem = "is not in NinjaTrader's 'yyyyMMdd HHmmss' form";
            return false;
        }
        int ymd = Numbers.digits(b, s, 8);
        int hms = Numbers.digits(b, s + 9, 6);
        if (ymd < 0 || hms < 0) {
            problem = "is not in NinjaTrader's 'yyyyMMdd HHmmss' form";
            return false;
        }
        return date(ymd / 10000, ymd / 100 % 100, ymd % 100) && time(hms / 10000, hms / 100 % 100, hms % 100, 0);
    }

    /** {@code yyyyMMdd HHmmss fffffff} (NinjaTrader tick export: seven digits of a second). */
    boolean nt8Tick(byte[] b, int s, int e) {
        reset();
        if (e - s != 23 || b[s + 8] != ' ' || b[s + 15] != ' ') {
            problem = "is not in NinjaTrader's 'yyyyMMdd HHmmss fffffff' form";
            return false;
        }
        int ymd = Numbers.digits(b, s, 8);
        int hms = Numbers.digits(b, s + 9, 6);
        int frac = Numbers.digits(b, s + 16, 7);
        if (ymd < 0 || hms < 0 || frac < 0) {
            problem = "is not in NinjaTrader's 'yyyyMMdd HHmmss fffffff' form";
            return false;
        }
        return date(ymd / 10000, ymd / 100 % 100, ymd % 100)
                && time(hms / 10000, hms / 100 % 100, hms % 100, frac * 100L);
    }

    /** {@code yyyyMMdd} (NinjaTrader daily export, compact dates). */
    boolean compactDate(byte[] b, int s, int e) {
        reset();
        int ymd = e - s == 8 ? Numbers.digits(b, s, 8) : -1;
        if (ymd < 0) {
            problem = "is not a 'yyyyMMdd' date";
            return false;
        }
        dateOnly = true;
        return date(ymd / 10000, ymd / 100 % 100, ymd % 100);
    }

    /**
     * ISO-8601 style: {@code yyyy-MM-dd}, optionally followed by {@code T} or a space,
     * {@code HH:mm[:ss[.fraction]]} and an offset {@code Z}, {@code +HH:mm}, {@code +HHmm} or
     * {@code +HH}. Without a time it is a date; without an offset a local time.
     */
    boolean iso(byte[] b, int s, int e) {
        reset();
        if (e - s < 10 || b[s + 4] != '-' || b[s + 7] != '-') {
            problem = "is not an ISO-8601 date or time (expected yyyy-MM-dd[THH:mm[:ss][offset]])";
            return false;
        }
        int y = Numbers.digits(b, s, 4);
        int mo = Numbers.digits(b, s + 5, 2);
        int d = Numbers.digits(b, s + 8, 2);
        if (y < 0 || mo < 0 || d < 0) {
            problem = "is not an ISO-8601 date or time (expected yyyy-MM-dd[THH:mm[:ss][offset]])";
            return false;
        }
        if (!date(y, mo, d)) {
            return false;
        }
        int i = s + 10;
        if (i == e) {
            dateOnly = true;
            return true;
        }
        if ((b[i] != 'T' && b[i] != ' ') || e - i < 6 || b[i + 3] != ':') {
            problem = "is not an ISO-8601 date or time (expected yyyy-MM-dd[THH:mm[:ss][offset]])";
            return false;
        }
        int h = Numbers.digits(b, i + 1, 2);
        int mi = Numbers.digits(b, i + 4, 2);
        int sec = 0;
        long nanos = 0;
        i += 6;
        if (i < e && b[i] == ':') {
            if (e - i < 3) {
                problem = "has an incomplete seconds field";
                return false;
            }
            sec = Numbers.digits(b, i + 1, 2);
            i += 3;
            if (i < e && (b[i] == '.' || b[i] == ',')) {
                i++;
                long scale = 100_000_000L;
                int start = i;
                while (i < e && b[i] >= '0' && b[i] <= '9') {
                    if (scale > 0) {
                        nanos += (b[i] - '0') * scale;
                        scale /= 10;
                    }
                    i++;
                }
                if (i == start) {
                    problem = "has an empty fraction of a second";
                    return false;
                }
            }
        }
        if (h < 0 || mi < 0 || sec < 0 || !time(h, mi, sec, nanos)) {
            if (problem == null) {
                problem = "is not a valid time of day";
            }
            return false;
        }
        if (i == e) {
            return true;
        }
        if (b[i] == 'Z' && i + 1 == e) {
            hasOffset = true;
            return true;
        }
        if (b[i] == '+' || b[i] == '-') {
            int sign = b[i] == '-' ? -1 : 1;
            int oh = -1;
            int om = 0;
            int len = e - i - 1;
            if (len == 2) {
                oh = Numbers.digits(b, i + 1, 2);
            } else if (len == 4) {
                oh = Numbers.digits(b, i + 1, 2);
                om = Numbers.digits(b, i + 3, 2);
            } else if (len == 5 && b[i + 3] == ':') {
                oh = Numbers.digits(b, i + 1, 2);
                om = Numbers.digits(b, i + 4, 2);
            }
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                problem = "has an offset that is not Z, +HH:mm, +HHmm or +HH";
                return false;
            }
            hasOffset = true;
            offsetMillis = sign * (oh * 3_600_000L + om * 60_000L);
            return true;
        }
        problem = "has unexpected text after the time (expected nothing, Z or an offset like -05:00)";
        return false;
    }
}
