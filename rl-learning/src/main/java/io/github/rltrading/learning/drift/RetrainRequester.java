package io.github.rltrading.learning.drift;

/**
 * Asks for a model to be retrained; {@link DriftMonitor} calls it when drift is found, at most once
 * per cooldown. It should only queue the request (retraining takes far longer than a bar): it runs
 * on the thread that fed the observation. An exception is logged and clears the cooldown, so the next
 * drift asks again.
 */
@FunctionalInterface
public interface RetrainRequester {

    /**
     * @param instrument the instrument whose model should be retrained ({@code ES})
     * @param reason     what drifted, for the audit log ({@code psi on atr = 0.41 >= 0.25; ...})
     */
    void requestRetrain(String instrument, String reason);
}
