package io.github.rltrading.cli;

import io.github.rltrading.learning.registry.ModelRegistry;
import io.github.rltrading.learning.store.LearningDatabase;
import io.github.rltrading.learning.store.LearningStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The learning database and the model registry's folder, a picocli mixin shared by learn and registry. */
final class StoreOptions {

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "runs/learning/learning.db",
            description = "The learning database (experiences, registry index, learning runs). Default: ${DEFAULT-VALUE}.")
    Path db;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "runs/learning/models",
            description = "The model registry's folder. Default: ${DEFAULT-VALUE}.")
    Path models;

    /**
     * Opens the database; with {@code mustExist}, a missing file is a usage error instead of a new
     * empty database (commands that only read must not create one by a typo).
     */
    LearningDatabase open(boolean mustExist) {
        if (mustExist && !Files.isRegularFile(db)) {
            throw new UsageError("--db " + db + ": no learning database there; give the --db that 'rl learn' or 'rl registry "
                    + "register' used (default runs/learning/learning.db)");
        }
        try {
            return LearningDatabase.open(db);
        } catch (LearningStoreException e) {
            throw new UsageError("--db " + db + ": " + e.getMessage(), e);
        }
    }

    ModelRegistry registry(LearningDatabase database) {
        return ModelRegistry.open(database, models);
    }

    /** Who registry changes are made by: {@code cli:<user name>}. */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
