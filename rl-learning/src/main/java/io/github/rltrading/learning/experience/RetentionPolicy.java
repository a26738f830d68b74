package io.github.rltrading.learning.experience;

import java.time.Duration;
import java.util.Objects;

/**
 * How much experience a partition keeps. The oldest rows go first; annotated experiences (those
 * with a reasoner's reflection, the fine-tuning data) are kept past the capacity when
 * {@code keepAnnotated} is set, though never past {@code maxAge}.
 *
 * @param capacity      the most experiences a partition holds (default 1,000,000)
 * @param maxAge        experiences older than this (by bar time, against the newest one) are
 *                      removed; {@link Duration#ZERO} keeps them regardless of age (the default)
 * @param keepAnnotated whether annotated experiences are spared by the capacity limit (default true)
 */
public record RetentionPolicy(long capacity, Duration maxAge, boolean keepAnnotated) {

    public RetentionPolicy {
        if (capacity < 1) {
            throw new IllegalArgumentException("retention capacity must be at least 1 experience, got " + capacity);
        }
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("retention maxAge must not be negative, got " + maxAge
                    + "; use Duration.ZERO to keep experiences of any age");
        }
    }

    /** 1,000,000 experiences a partition, any age, annotated ones spared. */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(1_000_000, Duration.ZERO, true);
    }

    public RetentionPolicy withCapacity(long value) {
        return new RetentionPolicy(value, maxAge, keepAnnotated);
    }

    public RetentionPolicy withMaxAge(Duration value) {
        return new RetentionPolicy(capacity, value, keepAnnotated);
    }
}
