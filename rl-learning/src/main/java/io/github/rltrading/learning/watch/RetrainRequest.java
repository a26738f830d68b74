package io.github.rltrading.learning.watch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request to retrain.
 *
 * @param instrument  the instrument to retrain, or "" when the job decides (one model for all)
 * @param files       the export files that triggered it, sorted and without duplicates; may be empty
 *                    for a retrain asked for by hand or by drift detection
 * @param reason      why, in words, for logs and the status
 * @param requestedAt when it was asked for; for coalesced requests, the earliest
 */
public record RetrainRequest(String instrument, List<Path> files, String reason, Instant requestedAt) {

    /** Separates the reasons of coalesced requests. */
    static final String REASON_SEPARATOR = "; ";

    public RetrainRequest {
        Objects.requireNonNull(instrument, "instrument (use \"\" when the job decides)");
        Objects.requireNonNull(files, "files (use List.of() when no file triggered the retrain)");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("retrain request reason is blank; say why the retrain is asked for, e.g. "
                    + "\"3 export files changed\"");
        }
        if (files.stream().anyMatch(Objects::isNull)) {
            throw new NullPointerException("retrain request files contain null: " + files + "; give only existing paths");
        }
        files = List.copyOf(new TreeSet<>(files));
    }

    /**
     * This request (queued earlier) and a later one as one request: the union of the files, both
     * reasons (each once, in order) and the earlier request time.
     *
     * @throws IllegalArgumentException when the instruments differ; such requests are queued apart
     */
    public RetrainRequest mergedWith(RetrainRequest later) {
        Objects.requireNonNull(later, "later");
        if (!instrument.equals(later.instrument)) {
            throw new IllegalArgumentException("cannot merge retrain requests for different instruments \"" + instrument
                    + "\" and \"" + later.instrument + "\"; queue them apart");
        }
        Set<Path> union = new TreeSet<>(files);
        union.addAll(later.files);
        Set<String> reasons = new LinkedHashSet<>(List.of(reason.split(REASON_SEPARATOR)));
        reasons.addAll(List.of(later.reason.split(REASON_SEPARATOR)));
        Instant earliest = requestedAt.isAfter(later.requestedAt) ? later.requestedAt : requestedAt;
        return new RetrainRequest(instrument, new ArrayList<>(union), String.join(REASON_SEPARATOR, reasons), earliest);
    }
}
