package io.github.rltrading.learning.watch;

import io.github.rltrading.learning.watch.TrainingStatus.CurrentRun;
import io.github.rltrading.learning.watch.TrainingStatus.FinishedRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs retrains one at a time on a thread of its own, so a retrain is never interrupted and two
 * never compete for the same machine:
 *
 * <pre>{@code
 * RetrainQueue queue = new RetrainQueue(request -> trainer.retrain(request), Clock.systemUTC());
 * queue.submit(new RetrainRequest("ES", files, "3 export files changed", Instant.now()));
 * ...
 * queue.close(Duration.ofMinutes(5)); // lets a running retrain finish, starts no queued one
 * }</pre>
 *
 * <p>A request submitted while a retrain runs waits. Requests that wait for the same instrument are
 * coalesced into one (the union of their files, all their reasons, the earliest request time):
 * after a long retrain, one retrain on everything that arrived meanwhile is what is wanted, not
 * one per export. Requests for different instruments wait apart, in the order they first came.
 *
 * <p>A retrain that throws, or reports failure, is logged and recorded in {@link #status()}; the
 * queue goes on with the next request.
 *
 * <p>The thread is a platform daemon thread named {@code retrain-queue}, started at the first
 * request: a retrain still running when the JVM exits is cut off, so call {@link #close(Duration)}
 * to let it finish. Thread-safe.
 */
public final class RetrainQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetrainQueue.class);
    /** How long {@link #close()} waits for a running retrain. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofMinutes(1);

    private final RetrainJob job;
    private final Clock clock;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a run is handed to the worker, when one ends, and on close. */
    private final Condition changed = lock.newCondition();
    private final Map<String, RetrainRequest> queued = new LinkedHashMap<>();
    private CurrentRun running;
    /** The current run while the worker has not picked it up yet (it is dropped if the queue closes first). */
    private CurrentRun toStart;
    private FinishedRun lastRun;
    private long runs;
    private long failures;
    private boolean closed;
    private Thread worker;

    /**
     * A queue that runs {@code job}, timing runs with {@code clock}.
     *
     * @param job   the retrain
     * @param clock the time of starts and ends (inject a fixed or test clock for repeatable status)
     */
    public RetrainQueue(RetrainJob job, Clock clock) {
        this.job = Objects.requireNonNull(job, "job");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs the request now if nothing runs, otherwise queues it (coalesced with a waiting request
     * for the same instrument). Returns at once.
     *
     * @throws IllegalStateException when the queue is closed
     */
    public void submit(RetrainRequest request) {
        Objects.requireNonNull(request, "request");
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the retrain queue is closed; the request \"" + request.reason()
                        + "\" was not accepted (submit before close, or build a new queue)");
            }
            if (running == null) {
                running = new CurrentRun(request, clock.instant());
                toStart = running;
                startWorkerIfNeeded();
                changed.signalAll();
                LOG.info("Retrain requested ({} files): {}", request.files().size(), request.reason());
            } else {
                RetrainRequest merged = queued.merge(request.instrument(), request, RetrainRequest::mergedWith);
                LOG.info("Retrain queued behind the running one (started {}): {}; waiting now: {} files for instrument \"{}\"",
                        running.startedAt(), request.reason(), merged.files().size(), request.instrument());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Where the queue stands; the debounce fields are empty (the queue does not watch files). */
    public TrainingStatus status() {
        lock.lock();
        try {
            return new TrainingStatus(TrainingStatus.State.of(running != null, !queued.isEmpty(), false), false, List.of(),
                    null, null, running, new ArrayList<>(queued.values()), lastRun, runs, failures);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the queue: accepts no more requests, drops the waiting ones (they are logged), and
     * waits up to {@code timeout} for a running retrain to finish. A retrain still running after
     * the timeout is not interrupted: it goes on on the queue's thread, and its outcome is still
     * recorded, until it ends or the JVM exits.
     *
     * @return whether no retrain was running when this returned
     */
    public boolean close(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                if (toStart != null) { // accepted but not begun: as good as queued
                    LOG.info("Retrain queue closed before it began: {}", toStart.request().reason());
                    running = null;
                    toStart = null;
                }
                for (RetrainRequest dropped : queued.values()) {
                    LOG.info("Retrain queue closed; not starting the queued request: {}", dropped.reason());
                }
                queued.clear();
                changed.signalAll();
            }
            if (worker == Thread.currentThread()) {
                return running == null; // called from the job itself: waiting for itself would never end
            }
            long nanos = timeout.isNegative() ? 0 : timeout.toNanos();
            while (running != null && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            if (running != null) {
                LOG.warn("Retrain still running after waiting {} on close (started {}: {}); it is not interrupted and "
                        + "goes on until it ends or the JVM exits", timeout, running.startedAt(), running.request().reason());
            }
            return running == null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** {@link #close(Duration)} with {@link #DEFAULT_CLOSE_TIMEOUT}. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    private void startWorkerIfNeeded() {
        if (worker == null) {
            worker = Thread.ofPlatform().name("retrain-queue").daemon(true).start(this::work);
        }
    }

    private void work() {
        while (true) {
            CurrentRun run;
            lock.lock();
            try {
                while (toStart == null && !closed) {
                    changed.awaitUninterruptibly();
                }
                if (toStart == null) {
                    return;
                }
                run = toStart;
                toStart = null;
            } finally {
                lock.unlock();
            }
            RetrainOutcome outcome = execute(run.request());
            Instant finishedAt = clock.instant();
            Duration took = Duration.between(run.startedAt(), finishedAt);
            lock.lock();
            try {
                lastRun = new FinishedRun(run.request(), outcome.summary(), outcome.success(), run.startedAt(), finishedAt,
                        took);
                runs++;
                if (!outcome.success()) {
                    failures++;
                }
                running = null;
                if (!closed && !queued.isEmpty()) {
                    Iterator<RetrainRequest> next = queued.values().iterator();
                    running = new CurrentRun(next.next(), finishedAt);
                    next.remove();
                    toStart = running;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            if (outcome.success()) {
                LOG.info("Retrain done in {}: {}", took, outcome.summary());
            } else {
                LOG.warn("Retrain failed after {}: {} (request: {}); the queue goes on", took, outcome.summary(),
                        run.request().reason());
            }
        }
    }

    /** Runs the job, turning whatever it throws into a failed outcome so one bad run does not stop the queue. */
    private RetrainOutcome execute(RetrainRequest request) {
        LOG.info("Retrain starting: {} ({} files)", request.reason(), request.files().size());
        try {
            RetrainOutcome outcome = job.run(request);
            return outcome != null ? outcome : RetrainOutcome.failed("the retrain job returned no outcome (null)");
        } catch (Throwable e) { // an Error (say OutOfMemoryError in a large training) is one failed run, not the end of the queue
            LOG.error("Retrain job threw on request: {}", request.reason(), e);
            return RetrainOutcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
