package io.github.rltrading.env;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code ../shared/data} (the real market data beside the checkout). Tests that need it call
 * {@link #file}, which skips the test with a visible message when it is absent, so that a user's
 * own clone still passes; CI always has it.
 */
public final class SharedData {

    private SharedData() {}

    /**
     * The shared data folder beside the checkout ({@code <checkout>/../shared/data}), or null when
     * there is none. The checkout is the nearest folder above the working directory that holds
     * {@code .ci/run}; nothing further up is looked at.
     */
    public static Path dir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve(".ci").resolve("run"))) {
            p = p.getParent();
        }
        if (p == null) {
            return null;
        }
        Path candidate = p.resolveSibling("shared").resolve("data");
        return Files.isDirectory(candidate) ? candidate : null;
    }

    /** A file in the shared data folder; skips the calling test when it is absent. */
    public static Path file(String relative) {
        Path dir = dir();
        assumeTrue(dir != null, "../shared/data is absent: skipping a test that reads real market data");
        Path f = dir.resolve(relative);
        assumeTrue(Files.exists(f), "../shared/data/" + relative + " is absent: skipping a test that reads it");
        return f;
    }
}
