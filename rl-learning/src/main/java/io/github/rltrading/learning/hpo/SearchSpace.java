package io.github.rltrading.learning.hpo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * The hyperparameters a study searches, each with its {@link Distribution}, in the order they were
 * added.
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.builder()
 *         .logUniform("learningRate", 1e-5, 1e-2)
 *         .uniform("gamma", 0.90, 0.999)
 *         .integer("batchSize", 32, 512, true)      // log scale
 *         .integer("layers", 1, 4)
 *         .categorical("activation", List.of("tanh", "relu"))
 *         .build();
 * }</pre>
 */
public final class SearchSpace {

    private final Map<String, Distribution> parameters;

    private SearchSpace(Map<String, Distribution> parameters) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The parameters by name, in the order they were added. */
    public Map<String, Distribution> parameters() {
        return parameters;
    }

    /** The distribution of {@code name}, if the space has it. */
    public Optional<Distribution> distribution(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /**
     * Checks that {@code params} holds exactly this space's parameters, each within its
     * distribution, and says what is wrong otherwise.
     *
     * @throws IllegalArgumentException naming the first parameter that is missing, extra or out of range
     */
    public void requireValid(Map<String, ?> params) {
        for (Map.Entry<String, Distribution> e : parameters.entrySet()) {
            if (!params.containsKey(e.getKey())) {
                throw new IllegalArgumentException("parameter \"" + e.getKey() + "\" is missing; the space has "
                        + parameters.keySet() + " and the values given are " + params);
            }
            Object value = params.get(e.getKey());
            if (!e.getValue().contains(value)) {
                throw new IllegalArgumentException("parameter \"" + e.getKey() + "\" = " + value
                        + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")") + " is not in "
                        + e.getValue().describe());
            }
        }
        for (String name : params.keySet()) {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("parameter \"" + name + "\" is not in the search space " + parameters.keySet());
            }
        }
    }

    /**
     * The first difference between this space and {@code other} as a sentence naming the parameter,
     * or empty when both search the same parameters over the same ranges (order does not matter).
     * {@code thisName} and {@code otherName} say which space is which, e.g. "the stored space".
     */
    Optional<String> firstDifference(SearchSpace other, String thisName, String otherName) {
        for (Map.Entry<String, Distribution> e : parameters.entrySet()) {
            Distribution theirs = other.parameters.get(e.getKey());
            if (theirs == null) {
                return Optional.of("parameter \"" + e.getKey() + "\" is " + e.getValue().describe() + " in " + thisName
                        + " but missing from " + otherName);
            }
            if (!theirs.equals(e.getValue())) {
                return Optional.of("parameter \"" + e.getKey() + "\" is " + e.getValue().describe() + " in " + thisName
                        + " but " + theirs.describe() + " in " + otherName);
            }
        }
        for (Map.Entry<String, Distribution> e : other.parameters.entrySet()) {
            if (!parameters.containsKey(e.getKey())) {
                return Optional.of("parameter \"" + e.getKey() + "\" is " + e.getValue().describe() + " in " + otherName
                        + " but missing from " + thisName);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchSpace s && s.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "SearchSpace{", "}");
        parameters.forEach((name, d) -> text.add(name + "=" + d.describe()));
        return text.toString();
    }

    /** Adds parameters one by one; every method checks its input and names the parameter if it is wrong. */
    public static final class Builder {
        private final Map<String, Distribution> parameters = new LinkedHashMap<>();

        private Builder() {}

        /** Real values in [lo, hi] on a linear scale. */
        public Builder uniform(String name, double lo, double hi) {
            return add(name, () -> new Distribution.Uniform(lo, hi));
        }

        /** Positive real values in [lo, hi] on a log scale. */
        public Builder logUniform(String name, double lo, double hi) {
            return add(name, () -> new Distribution.LogUniform(lo, hi));
        }

        /** Integers in [lo, hi] (both included) on a linear scale. */
        public Builder integer(String name, int lo, int hi) {
            return integer(name, lo, hi, false);
        }

        /** Integers in [lo, hi] (both included); on a log scale when {@code log} (then lo &gt;= 1). */
        public Builder integer(String name, int lo, int hi, boolean log) {
            return add(name, () -> new Distribution.IntRange(lo, hi, log));
        }

        /** One of {@code choices}. */
        public Builder categorical(String name, List<String> choices) {
            return add(name, () -> new Distribution.Categorical(choices));
        }

        /** A distribution built elsewhere (for example read back from storage). */
        public Builder add(String name, Distribution distribution) {
            Objects.requireNonNull(distribution, "distribution");
            return add(name, () -> distribution);
        }

        private Builder add(String name, Supplier<Distribution> distribution) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("search space parameter name must not be blank, got " + (name == null ? "null" : "\"" + name + "\""));
            }
            if (parameters.containsKey(name)) {
                throw new IllegalArgumentException("search space parameter \"" + name + "\" is added twice (first as "
                        + parameters.get(name).describe() + "); give each parameter one distribution");
            }
            try {
                parameters.put(name, distribution.get());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("search space parameter \"" + name + "\": " + e.getMessage(), e);
            }
            return this;
        }

        public SearchSpace build() {
            if (parameters.isEmpty()) {
                throw new IllegalArgumentException("search space has no parameters; add at least one (uniform, logUniform, integer or categorical)");
            }
            return new SearchSpace(parameters);
        }
    }
}
