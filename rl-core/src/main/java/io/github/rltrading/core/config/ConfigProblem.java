package io.github.rltrading.core.config;

/**
 * One thing wrong with a configuration.
 *
 * @param key    the full dotted key, e.g. {@code risk.maxPosition}
 * @param value  the offending value as written, or {@code null} when the key is missing
 * @param reason what is wrong and what would be right, e.g. {@code must be a number > 0}
 */
public record ConfigProblem(String key, Object value, String reason) {

    @Override
    public String toString() {
        return value == null
                ? key + ": " + reason
                : key + " = " + (value instanceof String s ? "\"" + s + "\"" : value) + ": " + reason;
    }
}
