package io.github.rltrading.learning.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one export directory (not its subfolders) and turns bursts of changed export files into
 * one {@link RetrainRequest} each, once the directory has been quiet for the debounce period.
 *
 * <p>Two parts, so the timing can be tested without waiting: the {@link WatchService} only reports
 * which files changed; whether a request is due is decided by {@link ChangeWindow} against the
 * injected {@link Clock}, in {@link #poll()}. The watcher's own thread calls {@code poll()} when
 * the debounce should fire by its clock and at least every {@link #MAX_WAIT} (so a clock that a
 * test moves forward is noticed too); a test may also call it directly.
 *
 * <p>A change is a file's size or modification time differing from the last sighting: a
 * file-system event that leaves both alone (a permission change, the same event reported twice)
 * does not restart the window. {@link #fileChanged} always counts.
 *
 * <p>Thread-safe: one lock guards the state; the sink is called holding it, so it must be quick
 * ({@link RetrainQueue#submit} is).
 */
final class ExportDirectoryWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExportDirectoryWatcher.class);
    /** The longest the watcher's thread waits before asking the clock again. */
    static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private final Path directory;
    private final ExportFileFilter filter;
    private final Clock clock;
    private final String instrument;
    private final Consumer<RetrainRequest> sink;

    private final ReentrantLock lock = new ReentrantLock();
    private final ChangeWindow window;
    /** The last sighting of each export file, to tell a real change from a repeated event. */
    private final Map<Path, FileChange> known = new HashMap<>();
    /** Pending files that the start-up catch-up found (for the request's reason). */
    private final Set<Path> foundOnStart = new HashSet<>();
    private WatchService watchService;
    private Thread thread;
    private boolean started;
    private boolean closed;
    private volatile boolean watching;

    ExportDirectoryWatcher(Path directory, ExportFileFilter filter, Duration debounce, Clock clock, String instrument,
            Consumer<RetrainRequest> sink) {
        this.directory = directory.toAbsolutePath().normalize();
        this.filter = Objects.requireNonNull(filter, "filter");
        this.window = new ChangeWindow(debounce);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** The watched directory, absolute. */
    Path directory() {
        return directory;
    }

    /**
     * Starts watching: registers with the file system's {@link WatchService}, notes every export
     * file present, and, when {@code catchUp} is given, counts as changed the files it has not
     * recorded as processed (they arrived or changed while the program was down).
     *
     * @param catchUp the processed-exports marker, or {@code null} for no catch-up
     * @throws UncheckedIOException when the directory is missing or cannot be watched
     * @throws IllegalStateException when started before or closed
     */
    void start(ProcessedExports catchUp) {
        lock.lock();
        try {
            if (closed || started) {
                throw new IllegalStateException("the watcher of " + directory + " is " + (closed ? "closed" : "already started")
                        + "; build a new one to watch again");
            }
            if (!Files.isDirectory(directory)) {
                throw new UncheckedIOException(new IOException("export directory " + directory + " does not exist or is not "
                        + "a folder; create it, or give the folder NinjaTrader exports to"));
            }
            try {
                watchService = directory.getFileSystem().newWatchService();
                // Registered before the scan: a file written in between is seen twice (the second sighting is
                // unchanged and ignored) rather than not at all.
                directory.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            } catch (IOException e) {
                closeWatchService();
                throw new UncheckedIOException("cannot watch export directory " + directory + ": " + e.getMessage()
                        + "; check that it is readable (on a network share, call rescan() on a schedule instead)", e);
            }
            Instant now = clock.instant();
            int present = 0;
            try {
                for (Path file : listExportFiles()) {
                    Optional<FileChange> seen = read(file);
                    if (seen.isEmpty()) {
                        continue;
                    }
                    present++;
                    known.put(file, seen.get());
                    if (catchUp != null && !catchUp.isProcessed(seen.get())) {
                        window.record(seen.get(), now);
                        foundOnStart.add(file);
                    }
                }
            } catch (RuntimeException e) { // leave it as it was before start, so nothing half-started lingers
                closeWatchService();
                watchService = null;
                known.clear();
                foundOnStart.clear();
                window.clear();
                throw e;
            }
            started = true;
            watching = true;
            thread = Thread.ofPlatform().name("export-watch").daemon(true).start(this::watchLoop);
            LOG.info("Watching {} for {} files (not subfolders), debounce {}; {} export files present{}", directory,
                    filter.extensions(), window.quiet(), present,
                    catchUp == null ? "" : ", " + foundOnStart.size() + " not processed before (marker " + catchUp.file() + ")");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records a change to {@code file} as if the file system had reported it, whatever its last
     * sighting: for folders where file-system events do not arrive (many network shares) and for
     * tests. A relative path is taken inside the directory.
     *
     * @return whether it was recorded: false for a name that is not an export file, or a file that
     *         is not there
     * @throws IllegalArgumentException when the file is not directly in the watched directory
     */
    boolean fileChanged(Path file) {
        Path f = directory.resolve(file).normalize();
        if (!directory.equals(f.getParent())) {
            throw new IllegalArgumentException("file " + file + " is not directly in the watched directory " + directory
                    + " (subfolders are not watched); move it there, or watch its folder");
        }
        if (!filter.accepts(f)) {
            LOG.debug("Ignoring {}: not an export file ({} only; hidden, lock and partial files never)", f,
                    filter.extensions());
            return false;
        }
        lock.lock();
        try {
            checkOpen();
            return observe(f, false, clock.instant());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Compares the directory with the last sightings and records every export file that is new or
     * changed (all of them when nothing was seen yet), forgetting those that are gone.
     *
     * @return how many changes it recorded
     */
    int rescan() {
        lock.lock();
        try {
            checkOpen();
            return rescanLocked(clock.instant());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes in the file-system events that have arrived, then, when the directory has been quiet
     * for the debounce period, hands one request for every file changed since the last request to
     * the sink.
     *
     * @return the request handed on, if one was
     */
    Optional<RetrainRequest> poll() {
        lock.lock();
        try {
            if (closed) {
                return Optional.empty();
            }
            drainEvents();
            return fireIfDue(clock.instant());
        } finally {
            lock.unlock();
        }
    }

    /** What is pending, for the status. */
    Pending pending() {
        lock.lock();
        try {
            return new Pending(window.pending().stream().map(FileChange::path).sorted().toList(),
                    window.lastChangeAt().orElse(null), window.firesAt().orElse(null), watching);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The debounce part of the status.
     *
     * @param files        pending files, sorted
     * @param lastChangeAt when the latest changed, or null
     * @param firesAt      when they fall due, or null
     * @param watching     whether the file system is being watched
     */
    record Pending(List<Path> files, Instant lastChangeAt, Instant firesAt, boolean watching) {
    }

    /** Stops watching; changes not yet handed on are dropped (and logged). */
    @Override
    public void close() {
        Thread t;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            watching = false;
            if (!window.isEmpty()) {
                LOG.info("Watcher of {} closed with {} changed files not yet requested: {}", directory,
                        window.pending().size(), window.pending().stream().map(c -> c.path().getFileName()).toList());
                window.clear();
                foundOnStart.clear();
            }
            closeWatchService();
            t = thread;
        } finally {
            lock.unlock();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(MAX_WAIT.multipliedBy(5).toMillis()); // it wakes at once: its WatchService is closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void watchLoop() {
        while (true) {
            Duration wait;
            WatchService service;
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                service = watchService;
                wait = window.firesAt().map(t -> Duration.between(clock.instant(), t)).orElse(MAX_WAIT);
            } finally {
                lock.unlock();
            }
            if (wait.isNegative()) {
                wait = Duration.ZERO;
            } else if (wait.compareTo(MAX_WAIT) > 0) {
                wait = MAX_WAIT;
            }
            try {
                WatchKey key = service.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
                lock.lock();
                try {
                    if (closed) {
                        return;
                    }
                    if (key != null) {
                        handle(key);
                    }
                    drainEvents();
                    fireIfDue(clock.instant());
                } finally {
                    lock.unlock();
                }
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // One bad event or a failing sink must not end the watching; the next event may well be fine.
                LOG.error("Watcher of {} failed while handling changes; it goes on watching", directory, e);
            }
        }
    }

    private void drainEvents() {
        if (watchService == null) {
            return;
        }
        WatchKey key;
        while ((key = watchService.poll()) != null) {
            handle(key);
        }
    }

    private void handle(WatchKey key) {
        Instant now = clock.instant();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                LOG.warn("Too many changes in {} at once for the file system to report each; rescanning it", directory);
                rescanLocked(now);
                continue;
            }
            Path file = directory.resolve((Path) event.context());
            if (!filter.accepts(file)) {
                LOG.trace("Ignoring {} on {}: not an export file", event.kind(), file);
                continue;
            }
            if (event.kind() == ENTRY_DELETE) {
                forget(file);
            } else {
                observe(file, true, now);
            }
        }
        if (!key.reset()) {
            watching = false;
            LOG.error("Export directory {} can no longer be watched (deleted, renamed or unmounted); new files are not "
                    + "noticed until it is back and continuous training is restarted", directory);
        }
    }

    private int rescanLocked(Instant now) {
        int changes = 0;
        Set<Path> present = new HashSet<>();
        for (Path file : listExportFiles()) {
            present.add(file);
            if (observe(file, true, now)) {
                changes++;
            }
        }
        for (Path gone : Set.copyOf(known.keySet())) {
            if (!present.contains(gone)) {
                forget(gone);
            }
        }
        return changes;
    }

    /** Records a sighting of {@code file} when it is a change (or always, unless {@code onlyIfChanged}). */
    private boolean observe(Path file, boolean onlyIfChanged, Instant now) {
        Optional<FileChange> seen;
        try {
            seen = FileChange.read(file);
        } catch (IOException e) {
            // Not "gone": keep what is pending for it; the writer's next change brings another event.
            LOG.warn("Cannot read the size and time of {}: {}; this sighting is skipped", file, e.toString());
            return false;
        }
        if (seen.isEmpty()) {
            forget(file);
            return false;
        }
        FileChange change = seen.get();
        if (onlyIfChanged && change.equals(known.get(file))) {
            return false;
        }
        // A change seen after the window passed starts a new request, even when nobody polled in between.
        fireIfDue(now);
        known.put(file, change);
        boolean first = window.isEmpty();
        window.record(change, now);
        LOG.debug("Export file changed: {} ({} bytes, modified {}); request due at {}", file, change.size(),
                change.lastModified(), window.firesAt().orElse(null));
        if (first) {
            LOG.info("Export files changing in {}; a retrain is requested once it has been quiet until {}", directory,
                    window.firesAt().orElse(null));
        }
        return true;
    }

    private void forget(Path file) {
        known.remove(file);
        foundOnStart.remove(file);
        window.forget(file);
    }

    private Optional<RetrainRequest> fireIfDue(Instant now) {
        List<FileChange> due = window.takeIfDue(now);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        long fromStart = due.stream().filter(c -> foundOnStart.contains(c.path())).count();
        foundOnStart.clear();
        String reason = due.size() + (due.size() == 1 ? " export file" : " export files") + " changed in " + directory
                + (fromStart == 0 ? "" : " (" + fromStart + " found on start, not processed before)");
        RetrainRequest request = new RetrainRequest(instrument, due.stream().map(FileChange::path).toList(), reason, now);
        LOG.info("Export directory quiet: requesting a retrain on {} files", due.size());
        sink.accept(request);
        return Optional.of(request);
    }

    private Optional<FileChange> read(Path file) {
        try {
            return FileChange.read(file);
        } catch (IOException e) {
            LOG.warn("Cannot read the size and time of {}: {}; this sighting is skipped, the next change is seen", file,
                    e.toString());
            return Optional.empty();
        }
    }

    private List<Path> listExportFiles() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(filter::accepts).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list export directory " + directory + ": " + e.getMessage()
                    + "; check that it exists and is readable", e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the watcher of " + directory + " is closed; build a new one to watch again");
        }
    }

    private void closeWatchService() {
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                LOG.warn("Closing the watch service of {} failed: {}", directory, e.toString());
            }
        }
    }
}
