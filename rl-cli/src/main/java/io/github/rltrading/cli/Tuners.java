package io.github.rltrading.cli;

import io.github.rltrading.learning.store.LearningDatabase;
import io.github.rltrading.learning.training.ContinuousLearner;
import io.github.rltrading.learning.training.HyperparameterTuner;
import java.util.Objects;

/**
 * The one place where the CLI chooses its hyperparameter tuner and its fine-tuning exporter, so
 * that each can be swapped for the real one in one line when it lands.
 *
 * <pre>{@code
 * ContinuousLearner learner = ContinuousLearner.builder("ES", store, registry)
 *         .tuner(Tuners.defaultTuner(db, 1))
 *         .fineTuneExport(Tuners.fineTuneExport())
 *         ...
 * }</pre>
 */
public final class Tuners {

    private Tuners() {}

    /**
     * The tuner continuous learning searches with: for now a seeded random search over the space of
     * {@link io.github.rltrading.learning.training.PpoSearch}. Replaced by {@code TpeTuner} when it
     * lands; {@code db} is where that one keeps its studies (the random search keeps none).
     *
     * @param db   the learning database
     * @param seed the search's seed: the same seed and study give the same trials
     */
    public static HyperparameterTuner defaultTuner(LearningDatabase db, long seed) {
        Objects.requireNonNull(db, "db");
        // replaced by TpeTuner when it lands
        return new RandomSearchTuner(seed);
    }

    /**
     * The reasoner's fine-tuning export of the fine-tune mode: for now minimal chat JSON Lines of the
     * annotated experiences. Replaced by {@code FineTuneExporter} when it lands.
     */
    public static ContinuousLearner.FineTuneExport fineTuneExport() {
        // replaced by FineTuneExporter when it lands
        return new ChatJsonlExport();
    }
}
