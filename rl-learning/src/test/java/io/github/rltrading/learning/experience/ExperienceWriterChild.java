package io.github.rltrading.learning.experience;

import io.github.rltrading.learning.store.LearningDatabase;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link ExperienceStoreCrashTest}: appends experiences to the store at
 * {@code args[0]} forever, appending each id to the file {@code args[1]} once its commit has returned
 * (one unbuffered write per id: a completed write survives SIGKILL), until it is killed.
 */
public final class ExperienceWriterChild {

    private ExperienceWriterChild() {}

    public static void main(String[] args) throws java.io.IOException {
        try (LearningDatabase db = LearningDatabase.open(Path.of(args[0]));
                java.io.FileOutputStream reported = new java.io.FileOutputStream(args[1], true)) {
            ExperienceStore store = ExperienceStore.open(db);
            for (int i = 0; ; i++) {
                long id = store.append(ExperienceStoreTest.sample(i % 2 == 0 ? "ES" : "MES", i)).id();
                reported.write((id + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
    }
}
