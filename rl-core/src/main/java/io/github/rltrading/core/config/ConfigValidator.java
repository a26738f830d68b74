package io.github.rltrading.core.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConfigValidator.class);

    private final Config config;
    private final List<ConfigProblem> problems = new ArrayList<>();
    /** The top-level keys asked for so far, to tell a misspelt option from one nobody reads. */
    private final java.util.Set<String> asked = new java.util.HashSet<>();
    private final List<String> warnings = new ArrayList<>();

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
        ask(key);
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
        ask(key);
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
        ask(key);
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
        warnAboutMisspeltKeys(source);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
    }

    /**
     * Options that look like a misspelling of one that was read ({@code timeframs} next to
     * {@code timeframes}), found by {@link #throwIfInvalid}: such an option is ignored and its
     * default used, so each is logged as a warning. Keys nobody asked for that resemble nothing read
     * are not reported (a section may hold settings for another reader), nor are sections.
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void warnAboutMisspeltKeys(String source) {
        for (Map.Entry<String, Object> entry : config.toMap().entrySet()) {
            String key = entry.getKey();
            // Sections are left alone: at the top level they are plug-ins' settings, named after the
            // plug-in ("max-position" beside the session's own "maxPosition"), read by someone else.
            if (asked.contains(key) || key.equals("name") || entry.getValue() instanceof Map<?, ?>) {
                continue;
            }
            String closest = null;
            int best = Integer.MAX_VALUE;
            for (String known : asked) {
                int d = editDistance(key.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
                if (d < best || (d == best && closest != null && known.compareTo(closest) < 0)) {
                    best = d;
                    closest = known;
                }
            }
            // A typo is one or two edits away from a real option (and not a short word that is simply different).
            if (closest != null && best <= Math.min(2, Math.max(1, closest.length() / 4))) {
                String warning = (source == null ? "" : source + ": ") + "unknown option '" + config.path(key)
                        + "' is ignored; did you mean '" + config.path(closest) + "'?";
                if (!warnings.contains(warning)) {
                    warnings.add(warning);
                    LOG.warn(warning);
                }
            }
        }
    }

    /**
     * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring
     * letters as one edit (optimal string alignment), the usual typing mistakes.
     */
    private static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** Remembers the top-level key of a (possibly dotted) key as read. */
    private void ask(String key) {
        int dot = key.indexOf('.');
        asked.add(dot < 0 ? key : key.substring(0, dot));
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
        ask(key);
        try {
            return reader.get();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return defaultValue;
        }
    }
}
