package io.github.rltrading.learning.experience;

import io.github.rltrading.learning.store.LearningDatabase;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link ExperienceStoreCrashTest}: appends experiences to the store at
 * {@code args[0]} forever, printing each id once its commit has returned, until it is killed.
 */
public final class ExperienceWriterChild {

    private ExperienceWriterChild() {}

    public static void main(String[] args) {
        try (LearningDatabase db = LearningDatabase.open(Path.of(args[0]))) {
            ExperienceStore store = ExperienceStore.open(db);
            for (int i = 0; ; i++) {
                long id = store.append(ExperienceStoreTest.sample(i % 2 == 0 ? "ES" : "MES", i)).id();
                System.out.println(id);
                System.out.flush();
            }
        }
    }
}
