package io.github.rltrading.core.journal;

import java.util.Locale;

/**
 * How much of the per-bar flow a {@link io.github.rltrading.core.TradingSession} journals.
 *
 * <p>Orders, fills, risk verdicts, assessments, reflections, limit changes, errors and the session's
 * start and end are journalled at every level: they are what happened. The levels differ only in
 * the two events written for every bar, which make up almost all of a journal's bytes (about 600 bytes
 * a bar with a 64-feature observation):
 *
 * <ul>
 *   <li>{@link #ALL}: a {@code bar} event and a {@code decision} event (with the features the policy
 *       saw) for every bar. The default for live and paper trading, where the journal is the only
 *       record of what the market showed and what the policy said.</li>
 *   <li>{@link #CHANGES}: no {@code bar} events, and a {@code decision} event only for a decision
 *       that asks for a change (its target differs from the position and working orders), that a
 *       gate altered, or that went to the reasoner. The default for backtests: a backtest is
 *       deterministic, so the decisions left out (the policy keeping its position) can be rebuilt
 *       exactly by re-running it on the same data, whose hash the run's manifest records.
 *       {@code session_end} counts the decisions left out.</li>
 * </ul>
 */
public enum JournalDetail {
    /** Every bar and every decision. */
    ALL,
    /** Decisions that change something; no bar events. */
    CHANGES;

    /** Parses {@code all} or {@code changes} (any case); the message names the accepted values. */
    public static JournalDetail parse(String text) {
        for (JournalDetail d : values()) {
            if (d.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("journal.detail: unknown value '" + text + "'; use one of "
                + java.util.Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
    }
}
