package io.github.rltrading.broker.nt8.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * Reads {@code \n}-terminated lines (a trailing {@code \r} is dropped) with a hard length limit, so
 * a peer cannot make the reader buffer without bound. A line over the limit is consumed to its end
 * without being kept, then reported as a {@link LineTooLongException}; the next call reads the next
 * line. A socket read timeout ({@link SocketTimeoutException}) leaves the partial line in place, so
 * the caller can use timeouts to do periodic work and call again. Not thread-safe: one reader thread.
 */
public final class LineReader {

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[8192];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[256];
    private int lineLen;
    private long skipped; // > 0 while discarding an over-long line

    public LineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 16) {
            throw new IllegalArgumentException("maxLineBytes must be >= 16, got " + maxLineBytes);
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * The next line's bytes (without the terminator), or null at the end of the stream (a partial
     * last line without {@code \n} is returned first).
     *
     * @throws LineTooLongException after skipping a line over the limit
     * @throws SocketTimeoutException when the socket's read timeout passes; call again to go on
     */
    public byte[] readLine() throws IOException {
        while (true) {
            if (chunkPos == chunkEnd) {
                int n = in.read(chunk, 0, chunk.length); // may throw SocketTimeoutException, state kept
                if (n < 0) {
                    if (skipped > 0) {
                        long length = skipped;
                        skipped = 0;
                        throw new LineTooLongException(length, maxLineBytes);
                    }
                    if (lineLen > 0) {
                        return take();
                    }
                    return null;
                }
                chunkPos = 0;
                chunkEnd = n;
            }
            int nl = -1;
            for (int i = chunkPos; i < chunkEnd; i++) {
                if (chunk[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl < 0 ? chunkEnd : nl;
            int count = end - chunkPos;
            if (skipped > 0) {
                skipped += count;
            } else if (lineLen + count > maxLineBytes) {
                skipped = lineLen + count;
                lineLen = 0;
                if (line.length > 4096) {
                    line = new byte[256]; // do not keep a big buffer for one big line
                }
            } else {
                append(chunk, chunkPos, count);
            }
            chunkPos = nl < 0 ? chunkEnd : nl + 1;
            if (nl >= 0) {
                if (skipped > 0) {
                    long length = skipped;
                    skipped = 0;
                    throw new LineTooLongException(length, maxLineBytes);
                }
                return take();
            }
        }
    }

    private void append(byte[] src, int from, int count) {
        if (lineLen + count > line.length) {
            line = Arrays.copyOf(line, Math.max(lineLen + count, Math.min(maxLineBytes, line.length * 2)));
        }
        System.arraycopy(src, from, line, lineLen, count);
        lineLen += count;
    }

    private byte[] take() {
        int len = lineLen;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        byte[] out = Arrays.copyOf(line, len);
        lineLen = 0;
        return out;
    }
}
