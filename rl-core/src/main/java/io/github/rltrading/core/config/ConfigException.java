package io.github.rltrading.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration is invalid; {@link #problems()} lists every problem found, not just the first. */
public final class ConfigException extends IllegalArgumentException {

    private final List<ConfigProblem> problems;

    public ConfigException(String source, List<ConfigProblem> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    static ConfigException single(String key, Object value, String reason) {
        return new ConfigException(null, List.of(new ConfigProblem(key, value, reason)));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String message(String source, List<ConfigProblem> problems) {
        String where = source == null ? "configuration" : "configuration " + source;
        if (problems.size() == 1) {
            return "invalid " + where + ": " + problems.get(0);
        }
        return "invalid " + where + ", " + problems.size() + " problems:"
                + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
    }
}
