package io.github.rltrading.learning.watch;

import io.github.rltrading.learning.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.learning.watch.TrainingStatus.State;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetrainQueueTest {

    private static final Instant T0 = Instant.parse("2025-01-06T14:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final ControlledJob job = new ControlledJob();
    private final RetrainQueue queue = new RetrainQueue(job, clock);

    @AfterEach
    void close() {
        job.release();
        queue.close(Duration.ofSeconds(5));
    }

    private static RetrainRequest request(String instrument, String file, String reason) {
        return new RetrainRequest(instrument, List.of(Path.of("/exports", file)), reason, T0);
    }

    private void awaitRuns(long runs) {
        Waits.until(runs + " runs have finished", () -> queue.status().runs() >= runs);
        assertThat(queue.status().runs()).isEqualTo(runs);
    }

    @Test
    void waitingRequestsCoalescePerInstrumentAndRunInTheOrderTheyFirstCame() {
        job.hold();
        RetrainRequest running = request("ES", "es1.txt", "es export");
        queue.submit(running);
        Waits.until("the first run has started", () -> job.started.size() == 1);
        queue.submit(request("NQ", "nq1.txt", "nq export"));
        queue.submit(request("ES", "es2.txt", "es export"));
        queue.submit(request("NQ", "nq2.txt", "drift"));

        TrainingStatus status = queue.status();
        assertThat(status.state()).isEqualTo(State.RUNNING_WITH_QUEUED);
        assertThat(status.queued()).extracting(RetrainRequest::instrument).containsExactly("NQ", "ES");
        assertThat(status.queued().get(0).files()).containsExactly(Path.of("/exports/nq1.txt"), Path.of("/exports/nq2.txt"));
        assertThat(status.queued().get(0).reason()).isEqualTo("nq export; drift");

        job.release();
        awaitRuns(3);
        assertThat(job.started).extracting(RetrainRequest::instrument).containsExactly("ES", "NQ", "ES");
        assertThat(job.maxConcurrent()).isEqualTo(1);
        assertThat(queue.status().state()).isEqualTo(State.IDLE);
    }

    @Test
    void theDurationOfARunComesFromTheClock() {
        job.answer(r -> {
            clock.advance(Duration.ofMinutes(7));
            return RetrainOutcome.succeeded("v3 trained, promoted");
        });
        queue.submit(request("ES", "a.txt", "export"));
        awaitRuns(1);
        TrainingStatus.FinishedRun last = queue.status().lastRun();
        assertThat(last.startedAt()).isEqualTo(T0);
        assertThat(last.finishedAt()).isEqualTo(T0.plus(Duration.ofMinutes(7)));
        assertThat(last.duration()).isEqualTo(Duration.ofMinutes(7));
        assertThat(last.summary()).isEqualTo("v3 trained, promoted");
    }

    @Test
    void aJobThatReturnsNothingOrThrowsAnErrorIsAFailedRunAndTheQueueGoesOn() {
        job.answer(r -> null);
        queue.submit(request("ES", "a.txt", "first"));
        awaitRuns(1);
        assertThat(queue.status().lastRun().summary()).isEqualTo("the retrain job returned no outcome (null)");

        job.answer(r -> {
            throw new OutOfMemoryError("Java heap space");
        });
        queue.submit(request("ES", "b.txt", "second"));
        awaitRuns(2);
        assertThat(queue.status().lastRun().summary()).isEqualTo("OutOfMemoryError: Java heap space");

        job.answer(r -> RetrainOutcome.failed("not enough bars"));
        queue.submit(request("ES", "c.txt", "third"));
        awaitRuns(3);
        job.answer(r -> RetrainOutcome.succeeded("ok"));
        queue.submit(request("ES", "d.txt", "fourth"));
        awaitRuns(4);
        TrainingStatus status = queue.status();
        assertThat(status.failures()).isEqualTo(3);
        assertThat(status.lastRun().success()).isTrue();
    }

    @Test
    void closeFromInsideTheJobDoesNotWaitForItself() {
        job.answer(r -> RetrainOutcome.succeeded("closed from inside: " + queue.close(Duration.ofSeconds(30))));
        queue.submit(request("ES", "a.txt", "export"));
        awaitRuns(1);
        assertThat(queue.status().lastRun().summary()).isEqualTo("closed from inside: false");
    }

    @Test
    void anIdleQueueClosesAtOnce() {
        assertThat(queue.close(Duration.ZERO)).isTrue();
        assertThat(queue.status().state()).isEqualTo(State.IDLE);
    }
}
