package io.github.rltrading.learning.watch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A retrain job the test steers: it records each request, can be made to wait on a latch (so the
 * test decides when a run ends), and answers with what the test says.
 */
final class ControlledJob implements RetrainJob {

    /** What a run does once released. */
    @FunctionalInterface
    interface Behaviour {
        RetrainOutcome answer(RetrainRequest request) throws Exception;
    }

    final List<RetrainRequest> started = new CopyOnWriteArrayList<>();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile Behaviour behaviour = r -> RetrainOutcome.succeeded("trained on " + r.files().size() + " files");

    /** Runs from now on wait until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    void answer(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    int maxConcurrent() {
        return maxConcurrent.get();
    }

    @Override
    public RetrainOutcome run(RetrainRequest request) throws Exception {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try {
            started.add(request);
            if (!gate.await(Waits.DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the test never released the job within " + Waits.DEADLINE);
            }
            return behaviour.answer(request);
        } finally {
            concurrent.decrementAndGet();
        }
    }
}
