package io.github.rltrading.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable tree of settings. Keys are dotted paths ({@code risk.maxPosition}); values are
 * strings, numbers, booleans, lists or nested sections, as they come from JSON or YAML.
 *
 * <pre>{@code
 * Config config = Config.of(Map.of("broker", "sim", "risk", Map.of("maxPosition", 2)));
 * String broker = config.getString("broker").orElse("sim");
 * Config risk = config.section("risk");
 * int max = risk.getInt("maxPosition", 1);
 * }</pre>
 *
 * <p>Accessors that take a default return it when the key is absent, and throw
 * {@link ConfigException} when the key is present with a value of the wrong type; use
 * {@link ConfigValidator} to check many keys and report every problem at once.
 */
public final class Config {

    private static final Config EMPTY = new Config("", Map.of());

    private final String prefix;
    private final Map<String, Object> root;

    private Config(String prefix, Map<String, Object> root) {
        this.prefix = prefix;
        this.root = root;
    }

    /** A config with no keys. */
    public static Config empty() {
        return EMPTY;
    }

    /**
     * A config over a nested map (as produced by a JSON/YAML parser). Nested maps become sections;
     * keys containing dots are split into sections, so {@code {"risk.maxPosition": 2}} and
     * {@code {"risk": {"maxPosition": 2}}} are the same.
     */
    public static Config of(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        return new Config("", deepCopy(values));
    }

    /** The full dotted path of {@code key} from the root, used in error messages. */
    public String path(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    /** The raw value at a dotted key: a String, Number, Boolean, List or Map; empty if absent. */
    public Optional<Object> get(String key) {
        Object node = root;
        for (String part : key.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            node = map.get(part);
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    public boolean has(String key) {
        return get(key).isPresent();
    }

    /** A nested section; empty if absent. Error messages from it keep the full path. */
    @SuppressWarnings("unchecked")
    public Config section(String key) {
        Optional<Object> v = get(key);
        if (v.isEmpty()) {
            return new Config(path(key), Map.of());
        }
        if (!(v.get() instanceof Map<?, ?> map)) {
            throw ConfigException.single(path(key), v.get(), "must be a section (an object), not a single value");
        }
        return new Config(path(key), (Map<String, Object>) map);
    }

    /** The value as a string (numbers and booleans are converted); empty if absent. */
    public Optional<String> getString(String key) {
        return get(key).map(v -> {
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw ConfigException.single(path(key), v, "must be a single value, not a section or list");
            }
            return v.toString();
        });
    }

    public String getString(String key, String defaultValue) {
        return getString(key).orElse(defaultValue);
    }

    /** The value as a double; a string holding a number is accepted. */
    public Optional<Double> getDouble(String key) {
        return get(key).map(v -> toDouble(key, v));
    }

    public double getDouble(String key, double defaultValue) {
        return getDouble(key).orElse(defaultValue);
    }

    /** The value as an int; it must be a whole number in the int range. */
    public Optional<Integer> getInt(String key) {
        return getLong(key).map(v -> {
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw ConfigException.single(path(key), get(key).orElse(null), "must be a whole number");
            }
            return v.intValue();
        });
    }

    public int getInt(String key, int defaultValue) {
        return getInt(key).orElse(defaultValue);
    }

    /** The value as a long; it must be a whole number. */
    public Optional<Long> getLong(String key) {
        return get(key).map(v -> {
            if (v instanceof Integer || v instanceof Long) {
                return ((Number) v).longValue();
            }
            double d = toDouble(key, v);
            if (d != Math.rint(d)) {
                throw ConfigException.single(path(key), v, "must be a whole number");
            }
            return (long) d;
        });
    }

    public long getLong(String key, long defaultValue) {
        return getLong(key).orElse(defaultValue);
    }

    /** The value as a boolean: {@code true}/{@code false} (any case) only. */
    public Optional<Boolean> getBoolean(String key) {
        return get(key).map(v -> {
            if (v instanceof Boolean b) {
                return b;
            }
            String s = v.toString().trim();
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false")) {
                return false;
            }
            throw ConfigException.single(path(key), v, "must be true or false");
        });
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return getBoolean(key).orElse(defaultValue);
    }

    /** The value as a list of strings; a single value becomes a one-element list. */
    public List<String> getStringList(String key) {
        return get(key).map(v -> {
            if (v instanceof List<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
            if (v instanceof Map<?, ?>) {
                throw ConfigException.single(path(key), v, "must be a list, not a section");
            }
            return List.of(v.toString());
        }).orElse(List.of());
    }

    /** Top-level keys of this section, sorted. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(new TreeSet<>(root.keySet()));
    }

    /** Every leaf as a flat dotted-key map, in a stable order (for manifests and logs). */
    public Map<String, Object> toFlatMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", root, out);
        return Collections.unmodifiableMap(out);
    }

    /** The nested values as an unmodifiable map (for serialisation). */
    public Map<String, Object> toMap() {
        return root;
    }

    /**
     * A config where this one's keys win over {@code fallback}'s; sections merge key by key.
     * Use it to lay user settings over defaults.
     */
    public Config withFallback(Config fallback) {
        return new Config(prefix, merge(fallback.root, root));
    }

    /** A copy with one key set (sections are created as needed). */
    public Config with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return new Config(prefix, merge(root, deepCopy(m)));
    }

    /**
     * A copy with {@code key} replaced by {@code value} as a whole: unlike {@link #with}, a section
     * is not merged with the one there (a new {@code policy} must not inherit the old one's keys).
     */
    public Config replacing(String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(root);
        out.remove(key);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return new Config(prefix, merge(out, deepCopy(m)));
    }

    /**
     * A copy with {@code key} set inside the plug-in section {@code section}. A plug-in chosen by a
     * plain name ({@code feed: nt8}) becomes a section that keeps the name
     * ({@code feed: {name: nt8, port: 8890}}), so a setting can be added without losing the choice;
     * it also keeps the settings the plug-in was reading from the top-level section of its name
     * ({@code nt8: {host: ..., instrument: MES}}), since once the choice is a section, the plug-in
     * reads that section instead.
     */
    public Config withSetting(String section, String key, Object value) {
        Object current = root.get(section);
        Map<String, Object> s = new LinkedHashMap<>();
        if (current instanceof Map<?, ?> existing) {
            existing.forEach((k, v) -> s.put(String.valueOf(k), v));
        } else if (current != null) {
            s.put("name", current);
            if (root.get(String.valueOf(current).trim()) instanceof Map<?, ?> named) {
                named.forEach((k, v) -> s.putIfAbsent(String.valueOf(k), v));
            }
        }
        s.put(key, value);
        return replacing(section, s);
    }

    /** A validator over this config; see {@link ConfigValidator}. */
    public ConfigValidator validator() {
        return new ConfigValidator(this);
    }

    private double toDouble(String key, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw ConfigException.single(path(key), v, "must be a number");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> e : over.entrySet()) {
            Object existing = out.get(e.getKey());
            if (existing instanceof Map<?, ?> a && e.getValue() instanceof Map<?, ?> b) {
                out.put(e.getKey(), merge((Map<String, Object>) a, (Map<String, Object>) b));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Object> deepCopy(Map<String, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Objects.requireNonNull(e.getKey(), "config key");
            Object v = copyValue(e.getValue());
            String[] parts = e.getKey().split("\\.", 2);
            if (parts.length == 2) {
                Map<String, Object> nested = new LinkedHashMap<>();
                nested.put(parts[1], v);
                v = deepCopy(nested);
            }
            Object existing = out.get(parts[0]);
            if (existing instanceof Map<?, ?> && v instanceof Map<?, ?>) {
                @SuppressWarnings("unchecked")
                Map<String, Object> merged = merge((Map<String, Object>) existing, (Map<String, Object>) v);
                out.put(parts[0], merged);
            } else {
                out.put(parts[0], v);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> typed = new LinkedHashMap<>();
            m.forEach((k, val) -> typed.put(String.valueOf(k), val));
            return deepCopy(typed);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Config::copyValue).toList();
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> node, Map<String, Object> out) {
        for (Map.Entry<String, Object> e : node.entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> m) {
                flatten(key, (Map<String, Object>) m, out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config c && c.prefix.equals(prefix) && c.root.equals(root);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, root);
    }

    @Override
    public String toString() {
        return "Config" + (prefix.isEmpty() ? "" : "[" + prefix + "]") + toFlatMap();
    }
}
