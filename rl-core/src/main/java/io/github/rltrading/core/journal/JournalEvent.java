package io.github.rltrading.core.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One journal line: {@code {"seq":1,"time":"2020-01-02T14:31:00Z","type":"bar","source":"session","data":{...}}}.
 *
 * @param sequence position in the journal, starting at 1, gap-free across rotated files
 * @param time     when it happened (the session's clock)
 * @param type     what it records
 * @param source   which component wrote it
 * @param data     the payload
 */
public record JournalEvent(long sequence, Instant time, EventType type, String source, ObjectNode data) {
    public JournalEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(data, "data");
    }
}
