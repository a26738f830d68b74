package io.github.rltrading.broker.testkit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * For tests that drive a program outside the JVM (a broker's gateway, the C# client on Mono):
 * find it, and when it is missing skip the test with a message saying how to install it, or fail
 * when the environment variable that CI sets says the tool must be there.
 *
 * <pre>{@code
 * Path mono = ExternalTools.require("mono", "install Debian's mono-runtime", "RL_REQUIRE_CSHARP");
 * }</pre>
 */
public final class ExternalTools {

    private ExternalTools() {}

    /** The executable {@code name} on the {@code PATH}, if there is one. */
    public static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Continues only when {@code available}: otherwise fails the test when the environment variable
     * {@code requiredBy} is {@code 1} (CI installed the tool, so its absence is a bug), else skips it
     * with {@code why} as the visible reason.
     */
    public static void requireThat(boolean available, String why, String requiredBy) {
        if (available) {
            return;
        }
        if ("1".equals(System.getenv(requiredBy))) {
            fail(why + " (" + requiredBy + "=1)");
        }
        assumeTrue(false, why);
    }

    /** The executable {@code name} on the {@code PATH}; skips or fails as {@link #requireThat} when missing. */
    public static Path require(String name, String howToInstall, String requiredBy) {
        Optional<Path> found = onPath(name);
        requireThat(found.isPresent(), name + " is not installed: " + howToInstall, requiredBy);
        return found.orElseThrow();
    }
}
