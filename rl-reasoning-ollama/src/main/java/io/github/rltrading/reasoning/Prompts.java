package io.github.rltrading.reasoning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasoner's prompt templates: {@code system}, {@code pre-trade}, {@code post-trade},
 * {@code risk} and {@code regime}, read from this module's resources, or from a directory of files
 * with the same names ({@code pre-trade.txt}, ...) that replace them one by one. Placeholders are
 * written {@code {{name}}}; rendering fails on a placeholder without a value, so a custom template
 * with a typo is caught on the first call rather than sent to the model.
 */
public final class Prompts {

    /** The template names. */
    public static final List<String> NAMES = List.of("system", "pre-trade", "post-trade", "risk", "regime");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final Map<String, String> templates;

    private Prompts(Map<String, String> templates) {
        this.templates = Map.copyOf(templates);
    }

    /** The built-in templates. */
    public static Prompts defaults() {
        return overriddenFrom(null);
    }

    /**
     * The built-in templates with those present in {@code directory} replacing them (null: none).
     *
     * @throws UncheckedIOException naming the file when one cannot be read
     */
    public static Prompts overriddenFrom(Path directory) {
        Map<String, String> t = new LinkedHashMap<>();
        for (String name : NAMES) {
            Path custom = directory == null ? null : directory.resolve(name + ".txt");
            if (custom != null && Files.isRegularFile(custom)) {
                try {
                    t.put(name, Files.readString(custom, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read prompt template " + custom + ": " + e.getMessage(), e);
                }
            } else {
                t.put(name, builtIn(name));
            }
        }
        return new Prompts(t);
    }

    private static String builtIn(String name) {
        String resource = "prompts/" + name + ".txt";
        try (InputStream in = Prompts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in prompt " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw template. */
    public String template(String name) {
        String t = templates.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no prompt template '" + name + "'; templates: " + NAMES);
        }
        return t;
    }

    /**
     * Fills the template's placeholders.
     *
     * @throws IllegalArgumentException naming the template and the placeholder that has no value
     */
    public String render(String name, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template(name));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("prompt template '" + name + "' uses {{" + m.group(1)
                        + "}}, which has no value; available: " + values.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().strip();
    }
}
