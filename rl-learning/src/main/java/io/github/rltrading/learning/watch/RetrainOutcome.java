package io.github.rltrading.learning.watch;

import java.util.Objects;

/**
 * What a {@link RetrainJob} reports back.
 *
 * @param summary one short line for logs, the API and the CLI, e.g. {@code "v4 trained, not
 *                promoted: Sharpe 1.1 < 1.3"}
 * @param success whether the retrain did its work; a retrain that ran but whose model was not
 *                promoted is still a success
 */
public record RetrainOutcome(String summary, boolean success) {

    public RetrainOutcome {
        Objects.requireNonNull(summary, "summary");
    }

    /** A retrain that did its work. */
    public static RetrainOutcome succeeded(String summary) {
        return new RetrainOutcome(summary, true);
    }

    /** A retrain that could not do its work. */
    public static RetrainOutcome failed(String summary) {
        return new RetrainOutcome(summary, false);
    }
}
