package io.github.rltrading.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Reads typed values from a {@link Config} while collecting every problem, so that one run reports
 * all mistakes in a config file at once:
 *
 * <pre>{@code
 * ConfigValidator v = config.validator();
 * double max = v.positiveDouble("risk.maxPosition", 1.0);
 * String broker = v.oneOf("broker", "sim", List.of("sim", "nt8", "ibkr"));
 * v.throwIfInvalid("session.yaml");   // ConfigException listing every problem
 * }</pre>
 *
 * Each accessor returns its default when the value is missing or invalid, so reading can go on.
 */
public final class ConfigValidator {

    private final Config config;
    private final List<ConfigProblem> problems = new ArrayList<>();

    ConfigValidator(Config config) {
        this.config = config;
    }

    /** Records a problem found by the caller's own checks. */
    public ConfigValidator problem(String key, Object value, String reason) {
        problems.add(new ConfigProblem(config.path(key), value, reason));
        return this;
    }

    public String string(String key, String defaultValue) {
        return read(key, defaultValue, () -> config.getString(key, defaultValue));
    }

    /** A required string: a missing key is a problem. */
    public String requiredString(String key) {
        if (!config.has(key)) {
            problem(key, null, "is required");
            return null;
        }
        return string(key, null);
    }

    public double doubleValue(String key, double defaultValue, DoublePredicate valid, String requirement) {
        double v = read(key, defaultValue, () -> config.getDouble(key, defaultValue));
        if (config.has(key) && !valid.test(v)) {
            problem(key, config.get(key).orElse(null), "must be " + requirement);
            return defaultValue;
        }
        return v;
    }

    public double positiveDouble(String key, double defaultValue) {
        return doubleValue(key, defaultValue, d -> d > 0 && Double.isFinite(d), "a number > 0");
    }

    public double nonNegativeDouble(String key, double defaultValue) {
        return doubleValue(key, defaultValue, d -> d >= 0 && Double.isFinite(d), "a number >= 0");
    }

    /** A number in {@code [min, max]}. */
    public double doubleInRange(String key, double defaultValue, double min, double max) {
        return doubleValue(key, defaultValue, d -> d >= min && d <= max, "a number between " + min + " and " + max);
    }

    public int intValue(String key, int defaultValue, int min, int max) {
        // The bounds are ints, so a value that passes them fits an int.
        return (int) longValue(key, defaultValue, min, max);
    }

    public long longValue(String key, long defaultValue, long min, long max) {
        long v = read(key, defaultValue, () -> config.getLong(key, defaultValue));
        if (config.has(key) && (v < min || v > max)) {
            problem(key, config.get(key).orElse(null), "must be a whole number between " + min + " and " + max);
            return defaultValue;
        }
        return v;
    }

    public boolean bool(String key, boolean defaultValue) {
        return read(key, defaultValue, () -> config.getBoolean(key, defaultValue));
    }

    /** One of {@code choices} (case-sensitive). */
    public String oneOf(String key, String defaultValue, Collection<String> choices) {
        String v = string(key, defaultValue);
        if (config.has(key) && v != null && !choices.contains(v)) {
            problem(key, v, "must be one of " + choices);
            return defaultValue;
        }
        return v;
    }

    /** Whether no problem has been found so far. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    public List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Throws a {@link ConfigException} listing every problem, if there is any.
     *
     * @param source where the config came from (a file name), or {@code null}
     */
    public void throwIfInvalid(String source) {
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
    }

    private <T> T read(String key, T defaultValue, java.util.function.Supplier<T> reader) {
        try {
            return reader.get();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return defaultValue;
        }
    }
}
