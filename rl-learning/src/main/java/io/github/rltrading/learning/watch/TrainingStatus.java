package io.github.rltrading.learning.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where continuous training stands, for the API (a plain record: times are {@link Instant}s,
 * absent parts are {@code null}) and the CLI ({@link #describe()}).
 *
 * @param state           the one-word summary
 * @param watching        whether the export directory is being watched (started, not closed, and
 *                        still there)
 * @param pendingFiles    files changed since the last request, waiting for the directory to go
 *                        quiet; sorted
 * @param lastChangeAt    when the latest of them changed, or {@code null} when none is pending
 * @param debounceFiresAt when they become a request if nothing else changes, or {@code null}
 * @param currentRun      the retrain running now, or {@code null}
 * @param queued          requests waiting for the current run to end (coalesced: at most one per
 *                        instrument), oldest first
 * @param lastRun         the latest finished retrain, or {@code null} before the first
 * @param runs            retrains finished since start, failed ones included
 * @param failures        of those, the ones that failed
 */
public record TrainingStatus(State state, boolean watching, List<Path> pendingFiles, Instant lastChangeAt,
        Instant debounceFiresAt, CurrentRun currentRun, List<RetrainRequest> queued, FinishedRun lastRun, long runs,
        long failures) {

    /** The one-word summary, from the most to the least busy. */
    public enum State {
        /** A retrain is running and at least one more request waits for it. */
        RUNNING_WITH_QUEUED,
        /** A retrain is running; files may be debouncing meanwhile (see {@code pendingFiles}). */
        RUNNING,
        /** Nothing runs; changed files wait for the directory to go quiet. */
        DEBOUNCING,
        /** Nothing runs or waits. */
        IDLE;

        static State of(boolean running, boolean queued, boolean debouncing) {
            if (running) {
                return queued ? RUNNING_WITH_QUEUED : RUNNING;
            }
            return debouncing ? DEBOUNCING : IDLE;
        }
    }

    /**
     * The retrain running now.
     *
     * @param request   what it runs for
     * @param startedAt when it started
     */
    public record CurrentRun(RetrainRequest request, Instant startedAt) {
        public CurrentRun {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(startedAt, "startedAt");
        }
    }

    /**
     * A finished retrain.
     *
     * @param request    what it ran for
     * @param summary    the job's summary, or what went wrong when it threw
     * @param success    whether it succeeded
     * @param startedAt  when it started
     * @param finishedAt when it ended
     * @param duration   how long it took, by the same clock
     */
    public record FinishedRun(RetrainRequest request, String summary, boolean success, Instant startedAt,
            Instant finishedAt, Duration duration) {
        public FinishedRun {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(finishedAt, "finishedAt");
            Objects.requireNonNull(duration, "duration");
        }
    }

    public TrainingStatus {
        Objects.requireNonNull(state, "state");
        pendingFiles = List.copyOf(pendingFiles);
        queued = List.copyOf(queued);
    }

    /** A few lines for people, e.g. the CLI's {@code status} command. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(state).append(watching ? " (watching)" : " (not watching)")
                .append(", runs ").append(runs).append(", failures ").append(failures).append('\n');
        if (!pendingFiles.isEmpty()) {
            s.append("  pending: ").append(fileNames(pendingFiles)).append(", last change ").append(lastChangeAt)
                    .append(", fires at ").append(debounceFiresAt).append('\n');
        }
        if (currentRun != null) {
            s.append("  running since ").append(currentRun.startedAt()).append(": ")
                    .append(currentRun.request().reason()).append('\n');
        }
        for (RetrainRequest q : queued) {
            s.append("  queued since ").append(q.requestedAt()).append(": ").append(q.reason()).append('\n');
        }
        if (lastRun != null) {
            s.append("  last run ").append(lastRun.success() ? "succeeded" : "FAILED").append(" at ")
                    .append(lastRun.finishedAt()).append(" after ").append(lastRun.duration()).append(": ")
                    .append(lastRun.summary()).append('\n');
        }
        return s.toString();
    }

    private static String fileNames(List<Path> files) {
        return String.join(", ", files.stream().map(p -> String.valueOf(p.getFileName())).toList());
    }
}
