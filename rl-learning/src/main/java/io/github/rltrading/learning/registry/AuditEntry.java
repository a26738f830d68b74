package io.github.rltrading.learning.registry;

import java.time.Instant;

/**
 * One change to the registry, kept for ever.
 *
 * @param id         sequence number
 * @param time       when
 * @param action     what
 * @param instrument the instrument whose pointer changed (or the registered model's)
 * @param version    the version registered, or the new production version
 * @param previous   the production version before the change, "" when there was none
 * @param actor      who did it ({@code continuous-learning}, {@code cli:alice})
 * @param reason     why
 */
public record AuditEntry(long id, Instant time, Action action, String instrument, String version, String previous, String actor,
        String reason) {

    /** What a registry change did. */
    public enum Action {
        REGISTER,
        PROMOTE,
        ROLLBACK,
        /** A challenger that passed the backtest rule starts shadowing production before promotion. */
        CANDIDATE,
        /** A candidate did not do better than production in the shadow run (or was withdrawn). */
        REJECT
    }
}
