package io.github.rltrading.core.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Where a session writes its events. Thread-safe.
 *
 * <pre>{@code
 * try (Journal journal = Journal.jsonLines(Path.of("runs/2026-11-22/journal"))
 *         .rotateEveryBytes(64 << 20).syncPolicy(SyncPolicy.flushEveryEvent()).open()) {
 *     journal.append(EventType.BAR, "session", Instant.now(), data);
 * }
 * try (Stream<JournalEvent> events = JournalReader.read(Path.of("runs/2026-11-22/journal"))) {
 *     events.filter(e -> e.type() == EventType.DECISION).forEach(System.out::println);
 * }
 * }</pre>
 */
public interface Journal extends AutoCloseable {

    /**
     * Appends one event and returns its sequence number.
     *
     * @throws java.io.UncheckedIOException if it cannot be written
     */
    long append(EventType type, String source, Instant time, ObjectNode data);

    @Override
    void close();

    /** A builder for a JSON Lines journal in {@code directory} (created if missing). */
    static JsonLinesJournal.Builder jsonLines(Path directory) {
        return JsonLinesJournal.builder(directory);
    }

    /** A journal that keeps nothing, for callers that want none. Sequence numbers still count up. */
    static Journal noop() {
        return new Journal() {
            private final java.util.concurrent.atomic.AtomicLong seq = new java.util.concurrent.atomic.AtomicLong();

            @Override
            public long append(EventType type, String source, Instant time, ObjectNode data) {
                return seq.incrementAndGet();
            }

            @Override
            public void close() {}
        };
    }
}
