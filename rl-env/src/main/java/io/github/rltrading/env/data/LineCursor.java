package io.github.rltrading.env.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a stream line by line into one reused byte buffer and splits lines into fields by
 * position, so that reading millions of lines creates no objects. Accepts LF and CRLF line ends and
 * skips a UTF-8 byte-order mark.
 */
final class LineCursor implements AutoCloseable {

    private final InputStream in;
    private byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean first = true;

    /** The current line is {@code buf[lineStart, lineEnd)}, without its line end. */
    int lineStart;
    int lineEnd;
    long lineNumber;
    final int[] fieldStart = new int[64];
    final int[] fieldEnd = new int[64];
    int fieldCount;

    LineCursor(InputStream in) {
        this.in = in;
    }

    byte[] buffer() {
        return buf;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        while (true) {
            int nl = indexOf((byte) '\n', pos, limit);
            if (nl >= 0) {
                setLine(pos, nl);
                pos = nl + 1;
                return true;
            }
            if (eof) {
                if (pos < limit) {
                    setLine(pos, limit);
                    pos = limit;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void setLine(int start, int end) {
        if (end > start && buf[end - 1] == '\r') {
            end--;
        }
        if (first) {
            first = false;
            if (end - start >= 3 && (buf[start] & 0xff) == 0xEF && (buf[start + 1] & 0xff) == 0xBB
                    && (buf[start + 2] & 0xff) == 0xBF) {
                start += 3;
            }
        }
        lineStart = start;
        lineEnd = end;
        lineNumber++;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    boolean lineIsBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits the current line at {@code separator}, trimming spaces and one level of double quotes
     * around each field. Returns the field count (at most 64; more are merged into the last).
     */
    int split(byte separator) {
        int n = 0;
        int s = lineStart;
        for (int i = lineStart; i <= lineEnd; i++) {
            if (i == lineEnd || (buf[i] == separator && n < fieldStart.length - 1)) {
                int a = s;
                int b = i;
                while (a < b && buf[a] == ' ') {
                    a++;
                }
                while (b > a && buf[b - 1] == ' ') {
                    b--;
                }
                if (b - a >= 2 && buf[a] == '"' && buf[b - 1] == '"') {
                    a++;
                    b--;
                }
                fieldStart[n] = a;
                fieldEnd[n] = b;
                n++;
                s = i + 1;
            }
        }
        fieldCount = n;
        return n;
    }

    String field(int i) {
        return new String(buf, fieldStart[i], fieldEnd[i] - fieldStart[i], StandardCharsets.UTF_8);
    }

    String line() {
        return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    }

    boolean fieldEmpty(int i) {
        return fieldEnd[i] == fieldStart[i];
    }

    double number(int i) {
        return Numbers.parseDouble(buf, fieldStart[i], fieldEnd[i]);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
