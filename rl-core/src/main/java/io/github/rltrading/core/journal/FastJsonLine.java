package io.github.rltrading.core.journal;

import io.github.rltrading.core.util.DecimalText;
import io.github.rltrading.core.util.IsoTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * A JSON line encoder for the journal's hot events (a bar and a decision on every bar of a
 * backtest): writes straight into a reused byte array. Numbers that are short decimals (prices on a
 * tick grid, fractions like 0.5) are printed digit by digit; any other number falls back to
 * {@link Double#toString}/{@link Float#toString}. Either way the text reads back to exactly the
 * same value. Not thread-safe: one per journal writer.
 */
final class FastJsonLine implements EventFields {

    private static final int MAX_DEPTH = 16;
    private static final double SCALE = 10_000.0;
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] buf = new byte[1024];
    private int len;
    /**
     * Encoded forms of recently written strings, by identity: field names, symbols, routes and most
     * rationales are the same String objects event after event, so each is encoded once.
     */
    private final String[] cachedStrings = new String[256];
    private final byte[][] cachedBytes = new byte[256][];
    private long cachedTimeSecond = Long.MIN_VALUE;
    private int cachedTimeNano = -1;
    private byte[] cachedTime;
    private final boolean[] first = new boolean[MAX_DEPTH];
    private int depth;

    /** Encodes one whole event line (envelope and data) ending in {@code \n}; returns a copy. */
    byte[] encode(long seq, Instant time, EventType type, String source, Journal.DataWriter data) {
        len = 0;
        depth = 0;
        raw('{');
        raw("\"seq\":");
        digits(seq);
        raw(",\"time\":");
        time(time);
        raw(",\"type\":");
        quotedAscii(type.wireName());
        raw(",\"source\":");
        quoted(source);
        raw(",\"data\":{");
        first[0] = true;
        depth = 0;
        data.writeFields(this);
        if (depth != 0) {
            throw new IllegalStateException("journal event " + seq + " (" + type.wireName() + "): " + depth
                    + " nested object(s) not ended; call end() for each object()");
        }
        raw("}}\n");
        return Arrays.copyOf(buf, len);
    }

    private void name(String name) {
        if (first[depth]) {
            first[depth] = false;
        } else {
            raw(',');
        }
        quoted(name);
        raw(':');
    }

    @Override
    public EventFields string(String name, String value) {
        name(name);
        if (value == null) {
            raw(NULL);
        } else {
            quoted(value);
        }
        return this;
    }

    @Override
    public EventFields number(String name, double value) {
        name(name);
        number(value);
        return this;
    }

    @Override
    public EventFields number(String name, long value) {
        name(name);
        digits(value);
        return this;
    }

    @Override
    public EventFields bool(String name, boolean value) {
        name(name);
        raw(value ? "true" : "false");
        return this;
    }

    @Override
    public EventFields numbers(String name, float[] values) {
        name(name);
        raw('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                raw(',');
            }
            number(values[i]);
        }
        raw(']');
        return this;
    }

    @Override
    public EventFields object(String name) {
        name(name);
        if (depth + 1 >= MAX_DEPTH) {
            throw new IllegalStateException("journal event data nested deeper than " + MAX_DEPTH + " objects");
        }
        raw('{');
        first[++depth] = true;
        return this;
    }

    @Override
    public EventFields end() {
        if (depth == 0) {
            throw new IllegalStateException("end() without a matching object()");
        }
        depth--;
        raw('}');
        return this;
    }

    // --- numbers ---------------------------------------------------------------------------------

    private void number(double v) {
        if (!Double.isFinite(v)) {
            raw(NULL);
            return;
        }
        long scaled = DecimalText.tenThousandths(v);
        if (scaled != DecimalText.NOT_SHORT) {
            // The decimal scaled / 10^4 reads back to exactly v: print it digit by digit.
            fixed(scaled, v < 0 || (v == 0 && 1 / v < 0));
            return;
        }
        ascii(Double.toString(v));
    }

    private void number(float f) {
        if (!Float.isFinite(f)) {
            raw(NULL);
            return;
        }
        if (Math.abs(f) < 1e7f) {
            long scaled = Math.round(f * SCALE);
            if ((float) (scaled / SCALE) == f) {
                fixed(scaled, f < 0 || (f == 0 && 1 / f < 0));
                return;
            }
        }
        ascii(Float.toString(f));
    }

    /** Writes scaled / 10^4 as {@code [-]int.frac} with trailing zeros trimmed (at least one digit after the point). */
    private void fixed(long scaled, boolean negative) {
        long a = Math.abs(scaled);
        if (negative) {
            raw('-');
        }
        digits(a / 10_000);
        int frac = (int) (a % 10_000);
        raw('.');
        if (frac == 0) {
            raw('0');
            return;
        }
        int places = 4;
        while (frac % 10 == 0) {
            frac /= 10;
            places--;
        }
        ensure(places);
        for (int i = places - 1; i >= 0; i--) {
            buf[len + i] = (byte) ('0' + frac % 10);
            frac /= 10;
        }
        len += places;
    }

    private void digits(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                ascii(Long.toString(v));
                return;
            }
            raw('-');
            v = -v;
        }
        ensure(20);
        int start = len;
        do {
            buf[len++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    // --- strings ---------------------------------------------------------------------------------

    private void time(Instant t) {
        if (t.getEpochSecond() != cachedTimeSecond || t.getNano() != cachedTimeNano) {
            String text = IsoTime.format(t);
            byte[] b = new byte[text.length() + 2];
            b[0] = '"';
            for (int i = 0; i < text.length(); i++) {
                b[i + 1] = (byte) text.charAt(i);
            }
            b[b.length - 1] = '"';
            cachedTime = b;
            cachedTimeSecond = t.getEpochSecond();
            cachedTimeNano = t.getNano();
        }
        raw(cachedTime);
    }

    /** A JSON string, from the identity cache when this very String was written recently. */
    private void quoted(String s) {
        int slot = System.identityHashCode(s) & (cachedStrings.length - 1);
        if (cachedStrings[slot] == s) {
            raw(cachedBytes[slot]);
            return;
        }
        int start = len;
        encodeQuoted(s);
        if (s.length() <= 256) {
            cachedStrings[slot] = s;
            cachedBytes[slot] = Arrays.copyOfRange(buf, start, len);
        }
    }

    /** A JSON string: quotes, escapes for '"', '\\' and control characters, UTF-8 for the rest. */
    private void encodeQuoted(String s) {
        int n = s.length();
        ensure(n + 2);
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                if (len == buf.length) {
                    ensure(1);
                }
                buf[len++] = (byte) c;
            } else {
                escapeOrEncode(s, i, c);
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                }
            }
        }
        ensure(1);
        buf[len++] = '"';
    }

    private void escapeOrEncode(String s, int i, char c) {
        switch (c) {
            case '"' -> raw("\\\"");
            case '\\' -> raw("\\\\");
            case '\n' -> raw("\\n");
            case '\r' -> raw("\\r");
            case '\t' -> raw("\\t");
            default -> {
                if (c < 0x20 || c == 0x7f) {
                    raw("\\u00");
                    raw((char) HEX[c >> 4]);
                    raw((char) HEX[c & 0xf]);
                } else {
                    int cp = Character.codePointAt(s, i);
                    raw(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** A string known to be plain ASCII without characters that need escaping (times, type names). */
    private void quotedAscii(String s) {
        ensure(s.length() + 2);
        buf[len++] = '"';
        copyAscii(s);
        buf[len++] = '"';
    }

    private void ascii(String s) {
        ensure(s.length());
        copyAscii(s);
    }

    /** Copies an ASCII string's chars as bytes; the caller has ensured room. */
    private void copyAscii(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            buf[len + i] = (byte) s.charAt(i);
        }
        len += n;
    }

    private void raw(String s) {
        ascii(s);
    }

    private void raw(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
