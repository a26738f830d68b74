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

    /**
     * Writes the fields of an event's data object (what goes between its braces) straight to the
     * output, for events written on every bar: no tree is built. An asynchronous journal may call it
     * later on its writer thread, so capture only values that do not change afterwards.
     */
    @FunctionalInterface
    interface DataWriter {
        void writeFields(EventFields out);
    }

    /**
     * Appends one event whose data is written by {@code data}. The default builds the data as a tree
     * and calls {@link #append(EventType, String, Instant, ObjectNode)}; the JSON Lines journal
     * streams it instead.
     */
    default long append(EventType type, String source, Instant time, DataWriter data) {
        return append(type, source, time, JournalFiles.tree(data));
    }

    /**
     * Whether appended events are kept. Writers may skip building an event's data when this is
     * false (the {@link #noop()} journal), which makes journal-less backtests much faster.
     */
    default boolean isEnabled() {
        return true;
    }

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
            public boolean isEnabled() {
                return false;
            }

            @Override
            public void close() {}
        };
    }
}
