package io.github.rltrading.core.decision;

import java.util.Arrays;
import java.util.Objects;

/** One action: a choice index ({@link Discrete}) or a vector ({@link Continuous}). */
public sealed interface Action {

    static Discrete discrete(int index) {
        return new Discrete(index);
    }

    static Continuous continuous(float... values) {
        return new Continuous(values);
    }

    /** Choice number {@code index}. */
    record Discrete(int index) implements Action {}

    /** A vector of finite values. */
    record Continuous(float[] values) implements Action {
        public Continuous {
            Objects.requireNonNull(values, "values");
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new IllegalArgumentException("continuous action element " + i + " is not finite: " + values[i]);
                }
            }
            values = values.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        /** Element {@code i} without copying. */
        public float get(int i) {
            return values[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Continuous c && Arrays.equals(c.values, values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Continuous" + Arrays.toString(values);
        }
    }
}
