package io.github.rltrading.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
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

/**
 * Reads {@link Config} from JSON or YAML.
 *
 * <pre>{@code
 * Config config = ConfigLoader.load(Path.of("session.yaml"))
 *         .withFallback(ConfigLoader.parse(defaults, ConfigLoader.Format.YAML, "defaults"));
 * config = ConfigLoader.withOverrides(config, Map.copyOf((Map) System.getProperties()), "rl.");  // -Drl.maxPosition=2
 * }</pre>
 *
 * A syntax error becomes a {@link ConfigException} naming the source, line and column.
 */
public final class ConfigLoader {

    /** Supported file formats. */
    public enum Format { JSON, YAML }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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
                    where + "not valid " + format + " (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")")));
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
}
