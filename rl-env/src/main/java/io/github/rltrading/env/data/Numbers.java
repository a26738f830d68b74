package io.github.rltrading.env.data;

import java.nio.charset.StandardCharsets;

/** Allocation-free parsing of decimal numbers and digit runs from bytes. */
final class Numbers {

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Numbers() {}

    /**
     * Parses a decimal number, or returns NaN when the text is not one. Plain decimals with up to
     * 15 significant digits take an exact fast path (an integer below 2^53 divided by an exact power
     * of ten is correctly rounded by IEEE division); anything else (exponents, long mantissas,
     * "NaN", "Infinity") goes through {@link Double#parseDouble}, so results always equal it.
     */
    static double parseDouble(byte[] b, int s, int e) {
        if (s >= e) {
            return Double.NaN;
        }
        int i = s;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = 0;
        boolean dot = false;
        for (; i < e; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    if (dot) {
                        fraction++;
                    }
                } else {
                    return slow(b, s, e);
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return slow(b, s, e);
            }
        }
        if (i == s || (i - s == 1 && (dot || negative || b[s] == '+'))) {
            return slow(b, s, e);
        }
        if (mantissa >= (1L << 53) || fraction >= POW10.length) {
            return slow(b, s, e);
        }
        double v = fraction == 0 ? mantissa : mantissa / POW10[fraction];
        return negative ? -v : v;
    }

    private static double slow(byte[] b, int s, int e) {
        try {
            return Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    /** The value of {@code n} ASCII digits at {@code s}, or -1 if any is not a digit. */
    static int digits(byte[] b, int s, int n) {
        int v = 0;
        for (int i = s; i < s + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** A run of digits with an optional minus sign as a long, or {@link Long#MIN_VALUE} if not one. */
    static long parseLong(byte[] b, int s, int e) {
        if (s >= e || e - s > 19) {
            return Long.MIN_VALUE;
        }
        boolean negative = b[s] == '-';
        int i = negative ? s + 1 : s;
        if (i == e) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return Long.MIN_VALUE;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }
}
