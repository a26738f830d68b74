package io.github.rltrading.learning.drift;

/**
 * Told of each drift event, on the thread that fed the observation that found it, after the
 * monitor's lock is released (so it may call back into the monitor). It should be quick; an exception
 * is logged and does not stop other listeners.
 */
@FunctionalInterface
public interface DriftListener {

    void onDrift(DriftEvent event);
}
