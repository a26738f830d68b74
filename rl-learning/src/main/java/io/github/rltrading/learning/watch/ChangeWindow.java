package io.github.rltrading.learning.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The debounce decision, apart from any thread or file system so it can be tested with made-up
 * instants: changes collect while they keep coming; once {@code quiet} has passed since the last
 * one, they are due, all together.
 *
 * <p>Why restart on every change rather than fire a fixed time after the first: an export of many
 * files (or one large file written in pieces) takes longer than any fixed delay one could pick;
 * waiting for the directory to go quiet is what tells that the export is finished.
 *
 * <p>Not thread-safe: {@link ExportDirectoryWatcher} holds its lock around every call.
 */
final class ChangeWindow {

    private final Duration quiet;
    private final Map<Path, FileChange> pending = new LinkedHashMap<>();
    private Instant lastChangeAt;

    ChangeWindow(Duration quiet) {
        Objects.requireNonNull(quiet, "quiet");
        if (quiet.isNegative() || quiet.isZero()) {
            throw new IllegalArgumentException("debounce is " + quiet + "; give a positive quiet period, e.g. 30 s");
        }
        this.quiet = quiet;
    }

    /** The quiet period. */
    Duration quiet() {
        return quiet;
    }

    /**
     * Records a change seen at {@code at} and restarts the window from there. The latest
     * {@link FileChange} of a file replaces an earlier one.
     */
    void record(FileChange change, Instant at) {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(at, "at");
        pending.remove(change.path()); // re-insert so the map keeps the order of the latest changes
        pending.put(change.path(), change);
        // Always from the latest record, even if the clock went back: the window is "quiet since the last change seen".
        lastChangeAt = at;
    }

    /** Drops a file that is gone; when it was the only one, nothing is pending any more. */
    void forget(Path file) {
        pending.remove(file);
        if (pending.isEmpty()) {
            lastChangeAt = null;
        }
    }

    /** Drops everything pending. */
    void clear() {
        pending.clear();
        lastChangeAt = null;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** The changes waiting for the window to pass, in order of their latest change. */
    List<FileChange> pending() {
        return List.copyOf(pending.values());
    }

    /** When the latest change was recorded; empty when nothing is pending. */
    Optional<Instant> lastChangeAt() {
        return Optional.ofNullable(lastChangeAt);
    }

    /** When the pending changes fall due if nothing else changes; empty when nothing is pending. */
    Optional<Instant> firesAt() {
        return lastChangeAt().map(t -> t.plus(quiet));
    }

    /** Whether, at {@code now}, the window has passed with changes pending. */
    boolean isDue(Instant now) {
        return firesAt().map(t -> !now.isBefore(t)).orElse(false);
    }

    /**
     * The pending changes when due at {@code now}, which then start afresh; empty (and nothing
     * changes) otherwise.
     */
    List<FileChange> takeIfDue(Instant now) {
        if (!isDue(now)) {
            return List.of();
        }
        List<FileChange> due = new ArrayList<>(pending.values());
        pending.clear();
        lastChangeAt = null;
        return due;
    }
}
