package io.github.rltrading.core.journal;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the journal works to put each event on disk. Stronger policies cost throughput.
 *
 * <ul>
 *   <li>{@link #everyEvent()}: flush and {@code fsync} after every event: survives a power cut.</li>
 *   <li>{@link #flushEveryEvent()} (default): hand each event to the operating system at once:
 *       survives a crash of the JVM (including {@code kill -9}), not of the machine.</li>
 *   <li>{@link #syncEvery(int)} / {@link #syncInterval(Duration)}: flush each event, {@code fsync}
 *       every n events or after an interval.</li>
 *   <li>{@link #onClose()}: buffer in memory; write and {@code fsync} on rotation and close. A JVM
 *       crash can lose the buffer.</li>
 *   <li>{@link #buffered()}: buffer in memory and never {@code fsync}: the operating system writes
 *       the files back in its own time. For runs that can simply be repeated (backtests): forcing a
 *       backtest's journal to disk costs more than the backtest (0.6 KB per bar; the device's write
 *       speed, not the CPU, sets the pace). A machine crash can lose or tear any of its files.</li>
 * </ul>
 */
public sealed interface SyncPolicy {

    static SyncPolicy everyEvent() {
        return new EveryEvent();
    }

    static SyncPolicy flushEveryEvent() {
        return new FlushEveryEvent();
    }

    static SyncPolicy syncEvery(int events) {
        return new SyncEvery(events);
    }

    static SyncPolicy syncInterval(Duration interval) {
        return new SyncInterval(interval);
    }

    static SyncPolicy onClose() {
        return new OnClose();
    }

    static SyncPolicy buffered() {
        return new Buffered();
    }

    /** fsync after each event. */
    record EveryEvent() implements SyncPolicy {}

    /** Write through to the OS after each event; fsync on rotation and close. */
    record FlushEveryEvent() implements SyncPolicy {}

    /** Write through after each event; fsync every {@code events} events. */
    record SyncEvery(int events) implements SyncPolicy {
        public SyncEvery {
            if (events < 1) {
                throw new IllegalArgumentException("syncEvery needs events >= 1, got " + events);
            }
        }
    }

    /**
     * Write through after each event; fsync when {@code interval} has passed since the last one.
     * The clock is checked at each append (there is no background thread), so a quiet journal is
     * forced by the next event, a rotation or close.
     */
    record SyncInterval(Duration interval) implements SyncPolicy {
        public SyncInterval {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("syncInterval needs a positive interval, got " + interval);
            }
        }
    }

    /** Buffer; write and fsync on rotation and close. */
    record OnClose() implements SyncPolicy {}

    /** Buffer; write on rotation and close; never fsync (an explicit {@code flush()} still does). */
    record Buffered() implements SyncPolicy {}
}
