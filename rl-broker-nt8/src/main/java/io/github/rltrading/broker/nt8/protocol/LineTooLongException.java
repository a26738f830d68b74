package io.github.rltrading.broker.nt8.protocol;

import java.io.IOException;

/** A line was longer than the limit; it was read to its end and dropped, and the stream can go on. */
public final class LineTooLongException extends IOException {
    private final long length;
    private final int limit;

    public LineTooLongException(long length, int limit) {
        super("line of " + length + " bytes is over the limit of " + limit + " bytes; it was skipped");
        this.length = length;
        this.limit = limit;
    }

    public long length() {
        return length;
    }

    public int limit() {
        return limit;
    }
}
