package io.github.rltrading.learning.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous training: watches a NinjaTrader export directory and retrains when new or changed
 * export files have stopped changing.
 *
 * <pre>{@code
 * ContinuousTrainer trainer = ContinuousTrainer.builder()
 *         .directory(Path.of("C:/Users/me/Documents/NinjaTrader 8/export"))
 *         .instrument("ES")
 *         .job(request -> myRetrain(request))          // resumes from the production model
 *         .stateDirectory(Path.of("runs/state"))
 *         .catchUpOnStart(true)
 *         .build();
 * trainer.start();
 * ...
 * System.out.println(trainer.status().describe());
 * trainer.close();                                     // waits for a running retrain, up to closeTimeout
 * }</pre>
 *
 * <p>How it decides (see {@code docs/continuous-training.md}):
 * <ul>
 *   <li>Only the directory itself is watched, not its subfolders; only export files count
 *       ({@code .txt} and {@code .csv} by default, any case), never hidden ({@code .name}), lock
 *       ({@code ~name}) or partial ({@code .tmp}, {@code .part}) files.</li>
 *   <li>Every change restarts the debounce period (30 s by default); when it passes with no change,
 *       one {@link RetrainRequest} carries every file changed since the last one.</li>
 *   <li>Requests run one at a time in a {@link RetrainQueue}: a request arriving during a retrain
 *       waits, coalesced with any other waiting one; a running retrain is never interrupted.</li>
 *   <li>With a state directory, a successful retrain records its files (size and modification time
 *       as the run started) in a marker; with {@link Builder#catchUpOnStart(boolean)}, files not
 *       recorded there count as changed at {@link #start()}, so exports made while the program was
 *       down are trained on, once.</li>
 * </ul>
 *
 * <p>All timing uses the builder's {@link Clock}; {@link #poll()} makes the decision at once, so
 * tests move a clock forward instead of waiting. Thread-safe.
 */
public final class ContinuousTrainer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContinuousTrainer.class);

    private final Path stateDirectory;
    private final boolean catchUpOnStart;
    private final Duration closeTimeout;
    private final RetrainJob job;
    private final RetrainQueue queue;
    private final ExportDirectoryWatcher watcher;
    private ProcessedExports marker; // loaded at first use (start, or the first successful run), guarded by this

    private ContinuousTrainer(Builder b) {
        this.stateDirectory = b.stateDirectory == null ? null : b.stateDirectory.toAbsolutePath().normalize();
        this.catchUpOnStart = b.catchUpOnStart;
        this.closeTimeout = b.closeTimeout;
        this.job = b.job;
        this.queue = new RetrainQueue(this::runAndMark, b.clock);
        this.watcher = new ExportDirectoryWatcher(b.directory, ExportFileFilter.of(b.extensions), b.debounce, b.clock,
                b.instrument, queue::submit);
    }

    /** A builder; {@link Builder#directory} and {@link Builder#job} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts watching the directory in real time (and catches up, when asked). Without it, nothing
     * is watched, but {@link #fileChanged}, {@link #rescan()}, {@link #poll()} and
     * {@link #submit} still work.
     *
     * @throws java.io.UncheckedIOException when the directory is missing or cannot be watched, or
     *         the marker exists but cannot be read
     * @throws IllegalStateException when already started or closed
     */
    public void start() {
        ProcessedExports catchUp = catchUpOnStart ? marker() : null;
        watcher.start(catchUp);
    }

    /**
     * Records a change to an export file as if the file system had reported it: for directories
     * where events do not arrive (many network shares) and for tests. A relative path is taken in
     * the directory.
     *
     * @return whether it was recorded (false for a file that is not an export file or not there)
     * @throws IllegalArgumentException when the file is not directly in the watched directory
     * @throws IllegalStateException when closed
     */
    public boolean fileChanged(Path file) {
        Objects.requireNonNull(file, "file");
        return watcher.fileChanged(file);
    }

    /**
     * Compares the directory with what was last seen and records every new or changed export file;
     * call it on a schedule where file-system events do not arrive.
     *
     * @return how many changes it recorded
     * @throws IllegalStateException when closed
     */
    public int rescan() {
        return watcher.rescan();
    }

    /**
     * Takes in the file-system events that have arrived and, when the debounce period has passed
     * by the clock, submits one request for the files changed since the last one. The watcher's
     * thread does this on its own; call it to decide now (tests, after moving their clock).
     *
     * @return the request submitted, if one was
     */
    public Optional<RetrainRequest> poll() {
        return watcher.poll();
    }

    /**
     * Submits a request from elsewhere (by hand, drift detection) to the same one-at-a-time queue,
     * so it never runs alongside a retrain on new files.
     *
     * @throws IllegalStateException when closed
     */
    public void submit(RetrainRequest request) {
        queue.submit(request);
    }

    /** The watched directory, absolute. */
    public Path directory() {
        return watcher.directory();
    }

    /**
     * Where continuous training stands. The debounce part and the queue part are each read
     * consistently; a change between the two reads may show in one and not yet in the other.
     */
    public TrainingStatus status() {
        ExportDirectoryWatcher.Pending pending = watcher.pending();
        TrainingStatus q = queue.status();
        boolean running = q.currentRun() != null;
        return new TrainingStatus(TrainingStatus.State.of(running, !q.queued().isEmpty(), !pending.files().isEmpty()),
                pending.watching(), pending.files(), pending.lastChangeAt(), pending.firesAt(), q.currentRun(), q.queued(),
                q.lastRun(), q.runs(), q.failures());
    }

    /**
     * Stops watching (changes not yet requested are dropped), starts no queued request, and waits
     * up to {@code timeout} for a running retrain; one still running after that is not
     * interrupted and ends on its own.
     *
     * @return whether no retrain was running when this returned
     */
    public boolean close(Duration timeout) {
        watcher.close();
        return queue.close(timeout);
    }

    /** {@link #close(Duration)} with the builder's {@link Builder#closeTimeout(Duration) closeTimeout}. */
    @Override
    public void close() {
        close(closeTimeout);
    }

    /** The job, plus the marker: a successful run records the files as they were when it started. */
    private RetrainOutcome runAndMark(RetrainRequest request) throws Exception {
        List<FileChange> consumed = new ArrayList<>();
        if (stateDirectory != null) {
            for (Path file : request.files()) {
                try {
                    FileChange.read(file).ifPresent(consumed::add);
                } catch (IOException e) {
                    LOG.warn("Cannot read the size and time of {} before retraining: {}; it will not be recorded as "
                            + "processed", file, e.toString());
                }
            }
        }
        RetrainOutcome outcome = job.run(request);
        if (outcome == null || !outcome.success() || stateDirectory == null) {
            return outcome;
        }
        try {
            marker().markProcessed(consumed);
            return outcome;
        } catch (RuntimeException e) {
            LOG.error("The retrain succeeded but its files could not be recorded as processed; a catch-up start would "
                    + "retrain on them again", e);
            return new RetrainOutcome(outcome.summary() + " (but the processed-exports marker was not written: "
                    + e.getMessage() + ")", true);
        }
    }

    private synchronized ProcessedExports marker() {
        if (marker == null) {
            marker = ProcessedExports.load(stateDirectory, watcher.directory());
        }
        return marker;
    }

    /** The options of continuous training. */
    public static final class Builder {

        /** The debounce period unless told otherwise. */
        public static final Duration DEFAULT_DEBOUNCE = Duration.ofSeconds(30);

        private Path directory;
        private RetrainJob job;
        private String instrument = "";
        private Duration debounce = DEFAULT_DEBOUNCE;
        private List<String> extensions = ExportFileFilter.DEFAULT_EXTENSIONS;
        private Path stateDirectory;
        private boolean catchUpOnStart;
        private Clock clock = Clock.systemUTC();
        private Duration closeTimeout = RetrainQueue.DEFAULT_CLOSE_TIMEOUT;

        private Builder() {
        }

        /** Required: the folder the export files arrive in (only it, not its subfolders, is watched). */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** Required: the retrain to run for each request. */
        public Builder job(RetrainJob job) {
            this.job = job;
            return this;
        }

        /** The instrument the requests name; "" (the default) lets the job decide. */
        public Builder instrument(String instrument) {
            this.instrument = instrument;
            return this;
        }

        /** How long the directory must be quiet after the last change before a request; 30 s by default. */
        public Builder debounce(Duration debounce) {
            this.debounce = debounce;
            return this;
        }

        /** The export files' extensions, with or without dot, any case; {@code txt} and {@code csv} by default. */
        public Builder extensions(Collection<String> extensions) {
            this.extensions = extensions == null ? null : new ArrayList<>(extensions);
            return this;
        }

        /** The export files' extensions; see {@link #extensions(Collection)}. */
        public Builder extensions(String... extensions) {
            return extensions(extensions == null ? null : List.of(extensions));
        }

        /**
         * Where the processed-exports marker is kept; without one, nothing is recorded and
         * {@link #catchUpOnStart(boolean)} cannot be used. Several trainers may share one: the marker
         * is named after the watched directory.
         */
        public Builder stateDirectory(Path stateDirectory) {
            this.stateDirectory = stateDirectory;
            return this;
        }

        /**
         * Whether {@link ContinuousTrainer#start()} counts as changed the export files the marker does
         * not record as processed (false by default). Needs a {@link #stateDirectory(Path)}. With no
         * marker yet (the first start), every export file present counts.
         */
        public Builder catchUpOnStart(boolean catchUpOnStart) {
            this.catchUpOnStart = catchUpOnStart;
            return this;
        }

        /** The time source of every decision and of the status; the system clock (UTC) by default. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How long {@link ContinuousTrainer#close()} waits for a running retrain; one minute by default. */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
            return this;
        }

        /**
         * The trainer, not started.
         *
         * @throws IllegalArgumentException listing every unusable option at once
         */
        public ContinuousTrainer build() {
            List<String> problems = new ArrayList<>();
            if (directory == null) {
                problems.add("directory is not set; give the folder the export files arrive in, e.g. "
                        + "directory(Path.of(\"C:/Users/me/Documents/NinjaTrader 8/export\"))");
            }
            if (job == null) {
                problems.add("job is not set; give the retrain to run, e.g. job(request -> retrain(request))");
            }
            if (instrument == null) {
                problems.add("instrument is null; give a symbol such as \"ES\", or \"\" to let the job decide");
            }
            if (debounce == null || debounce.isNegative() || debounce.isZero()) {
                problems.add("debounce is " + debounce + "; give a positive quiet period, e.g. Duration.ofSeconds(30)");
            }
            problems.addAll(ExportFileFilter.problems(extensions));
            if (catchUpOnStart && stateDirectory == null) {
                problems.add("catchUpOnStart is true but stateDirectory is not set; give a state directory to keep the "
                        + "processed-exports marker in, or turn catch-up off");
            }
            if (clock == null) {
                problems.add("clock is null; give Clock.systemUTC() or a test clock");
            }
            if (closeTimeout == null || closeTimeout.isNegative()) {
                problems.add("closeTimeout is " + closeTimeout + "; give zero or more, e.g. Duration.ofMinutes(1)");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("continuous training options are not usable: " + String.join("; ", problems));
            }
            return new ContinuousTrainer(this);
        }
    }
}
