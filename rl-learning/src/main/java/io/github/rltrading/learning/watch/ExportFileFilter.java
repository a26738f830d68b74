package io.github.rltrading.learning.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which file names are export files: the extension is one of a set (compared without regard to
 * case, {@code ES.TXT} counts as {@code txt}), and the name is not a hidden, lock or partial file.
 *
 * <p>Why the second rule: writers commonly write {@code name.csv.tmp} or {@code name.part} and
 * rename when done, editors and Office leave {@code ~name} lock files, and tools keep
 * {@code .name} state; retraining on any of those would read half a file or a file that is not an
 * export.
 */
final class ExportFileFilter {

    /** The extensions watched unless told otherwise: NinjaTrader exports {@code .txt}; {@code .csv} for other tools. */
    static final List<String> DEFAULT_EXTENSIONS = List.of("txt", "csv");
    private static final List<String> PARTIAL_SUFFIXES = List.of(".tmp", ".part");

    private final Set<String> extensions;

    private ExportFileFilter(Set<String> extensions) {
        this.extensions = extensions;
    }

    /**
     * A filter for the given extensions, with or without the leading dot ({@code "csv"} or
     * {@code ".csv"}), in any case.
     *
     * @throws IllegalArgumentException naming every unusable extension
     */
    static ExportFileFilter of(Collection<String> extensions) {
        List<String> problems = problems(extensions);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new ExportFileFilter(normalise(extensions));
    }

    /** What is wrong with {@code extensions}, one sentence each; empty when they are usable. */
    static List<String> problems(Collection<String> extensions) {
        List<String> problems = new ArrayList<>();
        if (extensions == null || extensions.isEmpty()) {
            problems.add("extensions are empty; give at least one, e.g. \"txt\" or \"csv\"");
            return problems;
        }
        for (String extension : extensions) {
            String e = extension == null ? "" : strip(extension);
            if (e.isBlank()) {
                problems.add("extension \"" + extension + "\" is blank; give extensions such as \"txt\" or \"csv\"");
            } else if (e.contains(".") || e.contains("/") || e.contains("\\") || e.chars().anyMatch(Character::isWhitespace)) {
                problems.add("extension \"" + extension + "\" is not a single extension; give the part after the last dot, "
                        + "e.g. \"csv\"");
            } else if (PARTIAL_SUFFIXES.contains("." + e)) {
                problems.add("extension \"" + extension + "\" names partial files, which are always ignored; "
                        + "watch the extension of the finished file instead, e.g. \"csv\"");
            }
        }
        return problems;
    }

    /** The watched extensions, lower case, without dot, sorted. */
    Set<String> extensions() {
        return extensions;
    }

    /** Whether the file's name (its last path element) is an export file by these rules. */
    boolean accepts(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString();
        if (n.startsWith(".") || n.startsWith("~")) {
            return false;
        }
        String lower = n.toLowerCase(Locale.ROOT);
        for (String suffix : PARTIAL_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return false;
            }
        }
        int dot = lower.lastIndexOf('.');
        // A dot at 0 is a hidden file (refused above); a name that is only an extension has no base.
        return dot > 0 && extensions.contains(lower.substring(dot + 1));
    }

    private static Set<String> normalise(Collection<String> extensions) {
        Set<String> set = new TreeSet<>();
        for (String extension : extensions) {
            set.add(strip(extension));
        }
        return Collections.unmodifiableSet(set);
    }

    private static String strip(String extension) {
        String e = extension.strip().toLowerCase(Locale.ROOT);
        return e.startsWith(".") ? e.substring(1) : e;
    }
}
