package io.github.rltrading.core.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values from a {@link Config} while collecting every problem, so that one run reports
 * all mistakes in a config file at once:
 *
 * <pre>{@code
 * ConfigValidator v = config.validator();
 * double max = v.positiveDouble("risk.maxPosition", 1.0);
 * String broker = v.oneOf("broker", "sim", List.of("sim", "nt8", "ibkr"));
 * Duration deadline = v.positiveDuration("decisionGate.deadline", Duration.ofSeconds(2));   // "500ms", "PT2S"
 * v.throwIfInvalid("session.yaml");   // ConfigException listing every problem
 * }</pre>
 *
 * Each accessor returns its default when the value is missing or invalid, so reading can go on.
 */
public final class ConfigValidator {

    /** A number and a unit: {@code 500ms}, {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 1d}. */
    private static final Pattern DURATION = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

    private final Config config;
    private final List<ConfigProblem> problems = new ArrayList<>();

    ConfigValidator(Config config) {
        this.config = config;
    }

    /** The config being read, for sections whose keys are data (symbols, names). */
    public Config config() {
        return config;
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

    /**
     * A duration, written {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d} (a whole or
     * decimal number and a unit) or ISO-8601 ({@code PT1M30S}); it must not be negative. A bare number
     * is a problem, not seconds or milliseconds by guess: a wrong guess is off by a factor of 1000.
     */
    public Duration duration(String key, Duration defaultValue) {
        return durationAtLeast(key, defaultValue, Duration.ZERO, "must not be negative");
    }

    /** A {@link #duration duration} greater than zero, e.g. a timeout or a deadline. */
    public Duration positiveDuration(String key, Duration defaultValue) {
        return durationAtLeast(key, defaultValue, Duration.ofNanos(1), "must be greater than zero");
    }

    /**
     * A required section (an object); a missing key or a single value is a problem. Returns the
     * section, or an empty one when there is a problem, so reading can go on.
     */
    public Config requiredSection(String key) {
        if (!config.has(key)) {
            problem(key, null, "is required (a section of settings)");
            return config.section(key);   // empty, but keeps the path for messages from it
        }
        return read(key, Config.empty(), () -> config.section(key));
    }

    /**
     * A list of strings ({@code [a, b]}); a single value is a one-element list, a section is a
     * problem. Returns {@code defaultValue} when the key is absent or invalid.
     */
    public List<String> stringList(String key, List<String> defaultValue) {
        if (!config.has(key)) {
            return defaultValue;
        }
        return read(key, defaultValue, () -> config.getStringList(key));
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

    private Duration durationAtLeast(String key, Duration defaultValue, Duration min, String requirement) {
        Optional<String> text = read(key, Optional.empty(), () -> config.getString(key));
        if (text.isEmpty()) {
            return defaultValue;
        }
        Optional<Duration> parsed = parseDuration(text.get());
        if (parsed.isEmpty()) {
            problem(key, config.get(key).orElse(null),
                    "must be a duration with a unit, e.g. 500ms, 5s, 2m, 1h or PT1M30S");
            return defaultValue;
        }
        if (parsed.get().compareTo(min) < 0) {
            problem(key, config.get(key).orElse(null), requirement);
            return defaultValue;
        }
        return parsed.get();
    }

    /** {@code 500ms}, {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601; empty if neither. */
    private static Optional<Duration> parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            long nanosPerUnit = switch (m.group(2)) {
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> 86_400_000_000_000L;
            };
            try {
                // BigDecimal keeps 1.5s exact and overflow detectable; sub-nanosecond digits are cut.
                BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit));
                return Optional.of(Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact()));
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        }
        if (t.startsWith("p") || t.startsWith("-p")) {
            try {
                return Optional.of(Duration.parse(text.trim()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
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
