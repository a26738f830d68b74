package io.github.rltrading.learning.finetune;

import java.util.Locale;

/** Why an experience became a training example. */
public enum ExampleLabel {
    /** A winning trade at or above the exporter's high-value P&amp;L threshold: learn what went right. */
    HIGH_VALUE,
    /** A losing trade (net P&amp;L below 0): learn what was missed. */
    FAILED;

    /** The name written to the metadata: {@code high_value}, {@code failed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
