package io.github.rltrading.learning.experience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.learning.store.LearningDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM appending experiences is killed with SIGKILL mid-stream: every experience whose commit it
 * reported is still there, at most the one in flight is lost, and the file passes SQLite's
 * integrity check. Run three times to hit different points of the write.
 */
class ExperienceStoreCrashTest {

    private static long reportedLines(Path progress) throws java.io.IOException {
        if (!Files.exists(progress)) {
            return 0;
        }
        try (var lines = Files.lines(progress, StandardCharsets.US_ASCII)) {
            return lines.count();
        }
    }

    @Test
    void aWriterKilledMidStreamLosesAtMostTheExperienceInFlight(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crash.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        long reported = 0;
        for (int round = 0; round < 3; round++) {
            Path progress = dir.resolve("reported-" + round + ".txt");
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ExperienceWriterChild.class.getName(), file.toString(), progress.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            // Kill at a different count each round so the kill lands at different points of a commit.
            int killAt = 150 + 37 * round;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (reportedLines(progress) < killAt && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            child.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no close()
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<Long> ids = new ArrayList<>();
            for (String line : Files.readAllLines(progress, StandardCharsets.US_ASCII)) {
                if (line.matches("\\d+")) { // a last line cut by the kill is not a reported commit
                    ids.add(Long.parseLong(line));
                }
            }
            assertThat(ids).as("the child must have written before it was killed").hasSizeGreaterThan(100);
            reported += ids.size();
            try (LearningDatabase db = LearningDatabase.open(file)) {
                String integrity = db.transaction(c -> {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                        rs.next();
                        return rs.getString(1);
                    }
                });
                assertThat(integrity).isEqualTo("ok");
                ExperienceStore store = ExperienceStore.open(db);
                for (long id : ids) {
                    assertThat(store.get(id)).as("committed experience %d", id).isPresent();
                }
                long stored = store.stats("ES").count() + store.stats("MES").count();
                // Every reported commit is there; at most one more (committed, killed before it printed the id).
                assertThat(stored).isBetween(reported, reported + 1);
                reported = stored;
            }
        }
    }
}
