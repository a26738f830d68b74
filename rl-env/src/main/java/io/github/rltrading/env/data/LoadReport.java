package io.github.rltrading.env.data;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a load did: lines read, bars kept, rows skipped by reason (lenient mode), warnings, and
 * the first few problems with their lines, so that a lenient load is never silently lossy.
 *
 * @param source         the file or stream name
 * @param format         the format it was read as
 * @param linesRead      lines read, header and blank lines included
 * @param rowsRead       data rows (ticks for a tick file)
 * @param barsLoaded     bars in the result
 * @param skippedByReason rows skipped in lenient mode, by reason
 * @param warnings       counts of things that were kept but look wrong (e.g. prices off the tick grid), by kind
 * @param examples       the first problems and warnings in full, with their lines
 * @param firstBarEnd    end of the first bar, or null when none loaded
 * @param lastBarEnd     end of the last bar, or null when none loaded
 * @param elapsedNanos   time the load took
 */
public record LoadReport(String source, String format, long linesRead, long rowsRead, int barsLoaded,
        Map<String, Long> skippedByReason, Map<String, Long> warnings, List<String> examples,
        Instant firstBarEnd, Instant lastBarEnd, long elapsedNanos) {

    public LoadReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        skippedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(skippedByReason));
        warnings = Collections.unmodifiableMap(new LinkedHashMap<>(warnings));
        examples = List.copyOf(examples);
    }

    /** Rows skipped in lenient mode, all reasons together. */
    public long skipped() {
        return skippedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Number of warnings of one kind (0 when none). */
    public long warnings(String kind) {
        return warnings.getOrDefault(kind, 0L);
    }

    /** One line for logs: counts, range, skips and warnings. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(source).append(" (").append(format).append("): ").append(barsLoaded).append(" bars from ")
                .append(rowsRead).append(" rows");
        if (firstBarEnd != null) {
            sb.append(", ").append(firstBarEnd).append(" .. ").append(lastBarEnd);
        }
        if (!skippedByReason.isEmpty()) {
            sb.append(", skipped ").append(skipped()).append(' ').append(skippedByReason);
        }
        if (!warnings.isEmpty()) {
            sb.append(", warnings ").append(warnings);
        }
        sb.append(String.format(java.util.Locale.ROOT, ", %.1f ms", elapsedNanos / 1e6));
        return sb.toString();
    }
}
