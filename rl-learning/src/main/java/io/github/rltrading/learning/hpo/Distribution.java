package io.github.rltrading.learning.hpo;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The range one hyperparameter is searched over. Values are {@link Double} for {@link Uniform} and
 * {@link LogUniform}, {@link Integer} for {@link IntRange} and {@link String} for
 * {@link Categorical}.
 *
 * <p>Build them through {@link SearchSpace.Builder}, which adds the parameter's name to any
 * validation message.
 */
public sealed interface Distribution {

    /** True when {@code value} is of this distribution's type and within its range. */
    boolean contains(Object value);

    /** A short, stable text such as {@code logUniform[1.0E-5, 0.1]}: for messages and logs. */
    String describe();

    /**
     * Real numbers in [low, high], searched on a linear scale.
     *
     * @param low  the smallest value, finite
     * @param high the largest value, finite and above {@code low}
     */
    record Uniform(double low, double high) implements Distribution {
        public Uniform {
            requireFiniteOrdered("uniform", low, high);
        }

        @Override
        public boolean contains(Object value) {
            return value instanceof Double d && d >= low && d <= high;
        }

        @Override
        public String describe() {
            return "uniform[" + low + ", " + high + "]";
        }
    }

    /**
     * Positive real numbers in [low, high], searched on a log scale (each decade as likely as the
     * next): learning rates, regularisation strengths.
     *
     * @param low  the smallest value, finite and above 0
     * @param high the largest value, finite and above {@code low}
     */
    record LogUniform(double low, double high) implements Distribution {
        public LogUniform {
            requireFiniteOrdered("logUniform", low, high);
            if (!(low > 0)) {
                throw new IllegalArgumentException("logUniform low must be above 0 (its logarithm is taken), got " + low
                        + "; use uniform for ranges that include 0 or negative values");
            }
        }

        @Override
        public boolean contains(Object value) {
            return value instanceof Double d && d >= low && d <= high;
        }

        @Override
        public String describe() {
            return "logUniform[" + low + ", " + high + "]";
        }
    }

    /**
     * Integers in [low, high] (both included), on a linear or, with {@code log}, a log scale (batch
     * sizes, layer widths).
     *
     * @param low  the smallest value
     * @param high the largest value, above {@code low}
     * @param log  whether to search on a log scale; then {@code low} must be at least 1
     */
    record IntRange(int low, int high, boolean log) implements Distribution {
        public IntRange {
            if (low >= high) {
                throw new IllegalArgumentException("integer range needs low < high, got low=" + low + ", high=" + high
                        + "; a parameter with one possible value is a constant, leave it out of the search space");
            }
            if (log && low < 1) {
                throw new IllegalArgumentException("log-scale integer range needs low >= 1, got " + low
                        + "; use a linear integer range for values below 1");
            }
        }

        @Override
        public boolean contains(Object value) {
            return value instanceof Integer i && i >= low && i <= high;
        }

        @Override
        public String describe() {
            return "integer[" + low + ", " + high + "]" + (log ? " log" : "");
        }
    }

    /**
     * One of a fixed list of strings (an activation function, an optimiser's name); the list's
     * order is kept, and stored trials refer to choices by value.
     *
     * @param choices the possible values: at least one, none blank, no duplicates
     */
    record Categorical(List<String> choices) implements Distribution {
        public Categorical {
            Objects.requireNonNull(choices, "choices");
            if (choices.isEmpty()) {
                throw new IllegalArgumentException("categorical needs at least one choice, got none");
            }
            Set<String> seen = new HashSet<>();
            for (String choice : choices) {
                if (choice == null || choice.isBlank()) {
                    throw new IllegalArgumentException("categorical choices must not be null or blank, got " + choices);
                }
                if (!seen.add(choice)) {
                    throw new IllegalArgumentException("categorical choice \"" + choice + "\" appears twice in " + choices
                            + "; list each choice once");
                }
            }
            choices = List.copyOf(choices);
        }

        @Override
        public boolean contains(Object value) {
            return value instanceof String s && choices.contains(s);
        }

        @Override
        public String describe() {
            return "categorical" + choices;
        }

        /** The position of {@code choice} in {@link #choices()}, or -1. */
        public int indexOf(String choice) {
            return choices.indexOf(choice);
        }
    }

    private static void requireFiniteOrdered(String kind, double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(kind + " bounds must be finite numbers, got low=" + low + ", high=" + high);
        }
        if (!(low < high)) {
            throw new IllegalArgumentException(kind + " needs low < high, got low=" + low + ", high=" + high
                    + (low == high ? "; a parameter with one possible value is a constant, leave it out of the search space"
                            : "; swap the bounds"));
        }
    }
}
