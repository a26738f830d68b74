package io.github.rltrading.learning.experience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.learning.store.LearningDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

    @Test
    void aWriterKilledMidStreamLosesAtMostTheExperienceInFlight(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crash.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        long reported = 0;
        for (int round = 0; round < 3; round++) {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ExperienceWriterChild.class.getName(), file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<Long> ids = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                // Kill at a different count each round so the kill lands at different points of a commit.
                while (ids.size() < 150 + 37 * round && (line = out.readLine()) != null) {
                    ids.add(Long.parseLong(line.trim()));
                }
                child.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no close()
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
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
                assertThat(stored).isBetween(reported, reported + round + 1);
                reported = stored;
            }
        }
    }
}
