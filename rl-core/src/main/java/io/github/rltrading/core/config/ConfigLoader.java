package io.github.rltrading.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Reads {@link Config} from JSON or YAML.
 *
 * <pre>{@code
 * Config config = ConfigLoader.load(Path.of("session.yaml"))
 *         .withFallback(ConfigLoader.parse(defaults, ConfigLoader.Format.YAML, "defaults"));
 * config = ConfigLoader.withOverrides(config, System.getProperties(), "rl.");   // -Drl.risk.maxPosition=2
 * }</pre>
 *
 * A syntax error, or a key written twice in one mapping, becomes a {@link ConfigException} naming
 * the source, line and column. An empty file is an empty config.
 */
public final class ConfigLoader {

    /** Supported file formats. */
    public enum Format { JSON, YAML }

    // A key written twice is almost always a mistake (two "broker:" lines, the later one silently
    // winning), so duplicates are a syntax error rather than last-one-wins.
    private static final ObjectMapper JSON = new ObjectMapper(
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private ConfigLoader() {}

    /**
     * Loads a {@code .json}, {@code .yaml} or {@code .yml} file.
     *
     * @throws ConfigException for an unknown extension, a missing file or a syntax error
     */
    public static Config load(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        Format format;
        if (name.endsWith(".json")) {
            format = Format.JSON;
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            format = Format.YAML;
        } else {
            throw new ConfigException(file.toString(), List.of(new ConfigProblem("(file)", file.toString(),
                    "unknown config file type; use a .json, .yaml or .yml file")));
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigProblem("(file)", file.toAbsolutePath().toString(),
                    "does not exist; check the path")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, format, file.toString());
    }

    /**
     * Parses config text.
     *
     * @param sourceName where it came from, for error messages
     */
    public static Config parse(String text, Format format, String sourceName) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        if (text.isBlank()) {
            return Config.empty();
        }
        ObjectMapper mapper = format == Format.JSON ? JSON : YAML;
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new ConfigException(sourceName, List.of(new ConfigProblem("(syntax)", null,
                    where + "not valid " + format + " (" + complaint(e.getOriginalMessage()) + ")")));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Config.empty();
        }
        if (!root.isObject()) {
            throw new ConfigException(sourceName, List.of(new ConfigProblem("(root)", null,
                    "the top level must be an object of settings (key: value), not " + root.getNodeType()
                            .toString().toLowerCase(Locale.ROOT))));
        }
        Map<String, Object> values = mapper.convertValue(root, new TypeReference<LinkedHashMap<String, Object>>() {});
        return Config.of(values);
    }

    /**
     * The parser's complaint on one line. SnakeYAML spreads it over several: a context line ("while
     * parsing a flow sequence"), the problem ("expected ',' or ']'"), each followed by an indented
     * position, source excerpt and caret; keep the unindented lines, since the position is already
     * in the message.
     */
    private static String complaint(String parserMessage) {
        String text = String.valueOf(parserMessage);
        String joined = text.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip).collect(Collectors.joining("; "));
        return joined.isEmpty() ? text.strip() : joined;
    }

    /**
     * Lays {@code properties} whose keys start with {@code prefix} over {@code config}: with prefix
     * {@code rl.}, {@code rl.risk.maxPosition=3} sets {@code risk.maxPosition}. Values stay strings;
     * the typed getters convert them.
     */
    public static Config withOverrides(Config config, Map<String, String> properties, String prefix) {
        Config result = config;
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(properties).entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length()) {
                result = result.with(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        return result;
    }

    /**
     * {@link #withOverrides(Config, Map, String)} over {@link Properties}, typically
     * {@link System#getProperties()}; entries whose key or value is not a string are skipped.
     */
    public static Config withOverrides(Config config, Properties properties, String prefix) {
        Map<String, String> strings = new LinkedHashMap<>();
        // stringPropertyNames() also sees the defaults chain and snapshots the keys, so a property
        // set concurrently cannot break the iteration.
        for (String key : properties.stringPropertyNames()) {
            strings.put(key, properties.getProperty(key));
        }
        return withOverrides(config, strings, prefix);
    }
}
