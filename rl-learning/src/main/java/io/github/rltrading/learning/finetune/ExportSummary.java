package io.github.rltrading.learning.finetune;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an export wrote and what it left out.
 *
 * @param file      the JSONL file written
 * @param highValue examples labelled {@link ExampleLabel#HIGH_VALUE}
 * @param failed    examples labelled {@link ExampleLabel#FAILED}
 * @param skipped   experiences left out, by reason; every reason is present, 0 when none
 */
public record ExportSummary(Path file, int highValue, int failed, Map<SkipReason, Integer> skipped) {

    public ExportSummary {
        Objects.requireNonNull(file, "file");
        EnumMap<SkipReason, Integer> all = new EnumMap<>(SkipReason.class);
        for (SkipReason r : SkipReason.values()) {
            all.put(r, skipped.getOrDefault(r, 0));
        }
        skipped = Collections.unmodifiableMap(all);
    }

    /** Lines written. */
    public int written() {
        return highValue + failed;
    }

    /** Experiences left out, for any reason. */
    public int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Experiences left out for {@code reason}. */
    public int skipped(SkipReason reason) {
        return skipped.get(reason);
    }
}
