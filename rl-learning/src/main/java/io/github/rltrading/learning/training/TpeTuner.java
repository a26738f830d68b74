package io.github.rltrading.learning.training;

import io.github.rltrading.learning.hpo.DatabaseStudyStorage;
import io.github.rltrading.learning.hpo.Direction;
import io.github.rltrading.learning.hpo.InMemoryStudyStorage;
import io.github.rltrading.learning.hpo.SearchSpace;
import io.github.rltrading.learning.hpo.Study;
import io.github.rltrading.learning.hpo.StudyStorage;
import io.github.rltrading.learning.hpo.TpeSampler;
import io.github.rltrading.learning.hpo.TrialRecord;
import io.github.rltrading.learning.hpo.TrialState;
import io.github.rltrading.learning.store.LearningDatabase;
import java.util.Objects;

/**
 * The default {@link HyperparameterTuner}: a TPE study (Optuna's defaults, see
 * {@link TpeSampler}) over {@link #PPO_SPACE}, maximising the validation score. With a database the
 * study is stored there, so every trial is kept for audit and a crashed search resumes; trials run
 * one at a time by default, which keeps a seeded search reproducible (training is the costly part
 * and already uses the cores).
 */
public final class TpeTuner implements HyperparameterTuner {

    /** The space of {@link PpoSearch}'s table. */
    public static final SearchSpace PPO_SPACE = SearchSpace.builder()
            .logUniform("learningRate", 1e-5, 1e-3)
            .uniform("entCoef", 0.0, 0.01)
            .uniform("gamma", 0.95, 0.999)
            .uniform("clipRange", 0.1, 0.3)
            .uniform("gaeLambda", 0.8, 0.99)
            .integer("nEpochs", 3, 10)
            .build();

    private final SearchSpace space;
    private final StudyStorage storage;
    private final long seed;
    private final int parallelism;

    /** Studies over {@link #PPO_SPACE} stored in {@code db} (or in memory when null), one trial at a time. */
    public TpeTuner(LearningDatabase db, long seed) {
        this(PPO_SPACE, db == null ? new InMemoryStudyStorage() : DatabaseStudyStorage.open(db), seed, 1);
    }

    public TpeTuner(SearchSpace space, StudyStorage storage, long seed, int parallelism) {
        this.space = Objects.requireNonNull(space, "space");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.seed = seed;
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
    }

    @Override
    public Result tune(String studyName, int trials, Objective objective) {
        Study study = Study.builder(studyName, space).sampler(TpeSampler.defaults()).direction(Direction.MAXIMIZE).storage(storage)
                .seed(seed).parallelism(parallelism).build();
        try {
            study.optimize(trial -> objective.score(trial.number(), trial.params()), trials);
        } catch (IllegalStateException e) {
            if (study.bestTrial().isPresent()) {
                throw e;
            }
        }
        int completed = (int) study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count();
        int failed = (int) study.trials().stream().filter(t -> t.state() == TrialState.FAIL).count();
        return study.bestTrial().map((TrialRecord best) -> new Result(best.number(), best.params(), best.value(), completed, failed))
                .orElseGet(() -> new Result(-1, java.util.Map.of(), Double.NaN, completed, failed));
    }
}
