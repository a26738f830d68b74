package io.github.rltrading.learning.watch;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for another thread by polling a condition until a generous deadline; never a fixed sleep. */
final class Waits {

    /** Far above what any wait here needs (milliseconds), so a slow machine does not fail the tests. */
    static final Duration DEADLINE = Duration.ofSeconds(15);

    private Waits() {
    }

    static void until(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + DEADLINE + " waiting until " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}
