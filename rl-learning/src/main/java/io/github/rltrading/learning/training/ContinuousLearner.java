package io.github.rltrading.learning.training;

import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.learning.experience.ExperienceStats;
import io.github.rltrading.learning.experience.ExperienceStore;
import io.github.rltrading.learning.finetune.FineTuneExporter;
import io.github.rltrading.learning.registry.ModelRegistry;
import io.github.rltrading.learning.registry.ModelVersion;
import io.github.rltrading.learning.registry.Registration;
import io.github.rltrading.learning.store.LearningDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous learning for one instrument: once {@code minNewExperiences} (default 1,000, at least
 * 500) new experiences are in its partition, it
 *
 * <ol>
 *   <li>runs the hyperparameter search ({@link HyperparameterTuner}): every trial warm-starts from
 *       the production model's weights (or starts fresh when there is none), trains on the data's
 *       training range and is scored by its Sharpe ratio on the validation range;</li>
 *   <li>takes the best trial as the challenger and backtests it and production on the test range,
 *       which the search never saw;</li>
 *   <li>registers the challenger (parent: production) with both evaluations, and promotes it only if
 *       the {@link PromotionRule} says so; otherwise production stays and the reason is recorded.</li>
 * </ol>
 *
 * Every run, whatever its outcome, is a row in {@code learning_run}; the experience mark moves on
 * only when a challenger was judged, so a failed run is retried on the next call.
 *
 * <p>What the experiences are used for: they trigger retraining and describe the live period; the
 * policy itself is retrained in the simulator on the market data the caller supplies (which should
 * reach up to the present, covering the period the experiences were collected in), because PPO
 * learns on-policy and cannot learn from another policy's transitions. The experiences also feed
 * the maintenance statistics and the reasoner's fine-tuning data.
 *
 * <p>Modes, as in the learning guide: {@link Mode#MAINTENANCE} (retention and statistics),
 * {@link Mode#RETRAIN} (the cycle above), {@link Mode#FINETUNE} (export the reasoner's fine-tuning
 * data), {@link Mode#ALL}.
 */
public final class ContinuousLearner {

    private static final Logger LOG = LoggerFactory.getLogger(ContinuousLearner.class);

    /** What a run does. */
    public enum Mode {
        MAINTENANCE,
        RETRAIN,
        FINETUNE,
        ALL
    }

    /** Writes the reasoner's fine-tuning data for a partition; returns how many examples it wrote. */
    @FunctionalInterface
    public interface FineTuneExport {
        long export(ExperienceStore store, String partition, Path out) throws IOException;
    }

    private final String instrument;
    private final ExperienceStore store;
    private final ModelRegistry registry;
    private final PpoTrainer trainer;
    private final HyperparameterTuner tuner;
    private final Function<Map<String, Object>, PpoConfig> configs;
    private final java.util.function.Supplier<MarketDataSet> data;
    private final PromotionRule rule;
    private final long minNewExperiences;
    private final int trials;
    private final long trialSteps;
    private final Path workDir;
    private final FineTuneExport fineTune;
    private final Clock clock;

    private ContinuousLearner(Builder b) {
        this.instrument = b.instrument;
        this.store = b.store;
        this.registry = b.registry;
        this.trainer = b.trainer;
        this.tuner = b.tuner;
        this.configs = b.configs;
        this.data = b.data;
        this.rule = b.rule;
        this.minNewExperiences = b.minNewExperiences;
        this.trials = b.trials;
        this.trialSteps = b.trialSteps;
        this.workDir = b.workDir;
        this.fineTune = b.fineTune;
        this.clock = b.clock;
        LearningDatabase db = store.database();
        db.migrate("learning", new String[] {
            "CREATE TABLE learning_state (partition_key VARCHAR(64) PRIMARY KEY, last_experience_id BIGINT NOT NULL, "
                    + "updated_ms BIGINT NOT NULL)",
            "CREATE TABLE learning_run (id INTEGER PRIMARY KEY, instrument VARCHAR(64) NOT NULL, mode VARCHAR(16) NOT NULL, "
                    + "started_ms BIGINT NOT NULL, finished_ms BIGINT NOT NULL, outcome VARCHAR(16) NOT NULL, "
                    + "new_experiences BIGINT NOT NULL, challenger VARCHAR(64) NOT NULL, production VARCHAR(64) NOT NULL, "
                    + "challenger_sharpe DOUBLE PRECISION, challenger_drawdown DOUBLE PRECISION, production_sharpe DOUBLE PRECISION, "
                    + "production_drawdown DOUBLE PRECISION, reason TEXT NOT NULL, exported BIGINT NOT NULL)"
        });
    }

    public static Builder builder(String instrument, ExperienceStore store, ModelRegistry registry) {
        return new Builder(instrument, store, registry);
    }

    /** New experiences in this instrument's partition since the last retraining. */
    public long newExperiences() {
        return store.countAfter(store.partitionOf(instrument), mark());
    }

    /** Whether enough new experience has arrived for a retraining. */
    public boolean due() {
        return newExperiences() >= minNewExperiences;
    }

    /** Runs {@code mode}; a retraining that is not {@link #due()} is skipped unless {@code force}. */
    public LearningRun run(Mode mode, boolean force) {
        Instant started = clock.instant();
        String partition = store.partitionOf(instrument);
        long fresh = newExperiences();
        ExperienceStats stats = null;
        long exported = 0;
        try {
            if (mode == Mode.MAINTENANCE || mode == Mode.ALL) {
                long removed = store.applyRetention();
                stats = store.stats(partition);
                LOG.info("Maintenance {}: {} experiences ({} with outcome, win rate {}), {} removed by retention", partition,
                        stats.count(), stats.withOutcome(), stats.winRate(), removed);
            }
            if (mode == Mode.FINETUNE || mode == Mode.ALL) {
                Path out = workDir.resolve("finetune-" + partition + ".jsonl");
                exported = fineTune.export(store, partition, out);
                LOG.info("Fine-tuning data for {}: {} examples in {}", partition, exported, out);
            }
            if (mode == Mode.MAINTENANCE || mode == Mode.FINETUNE) {
                return recordWithoutChallenger(mode, started, LearningRun.Outcome.DONE, fresh, "", stats, exported);
            }
            if (!force && fresh < minNewExperiences) {
                return recordWithoutChallenger(mode, started, LearningRun.Outcome.SKIPPED, fresh,
                        fresh + " new experiences in " + partition + ", a retraining needs " + minNewExperiences, stats, exported);
            }
            return retrain(data.get(), mode, started, partition, fresh, stats, exported, fresh + " experiences");
        } catch (RuntimeException | IOException e) {
            LOG.error("Continuous learning for {} failed; production untouched", instrument, e);
            return recordWithoutChallenger(mode, started, LearningRun.Outcome.FAILED, fresh, e.toString(), stats, exported);
        }
    }

    /**
     * Continuous training: a retraining on {@code dataset} now, whatever the experience count (new
     * export files arrived), with the same search, judgement and promotion rule. {@code trigger}
     * says why, for the registry note.
     */
    public LearningRun retrainOn(MarketDataSet dataset, String trigger) {
        Objects.requireNonNull(dataset, "dataset");
        Instant started = clock.instant();
        String partition = store.partitionOf(instrument);
        long fresh = newExperiences();
        try {
            return retrain(dataset, Mode.RETRAIN, started, partition, fresh, null, 0, trigger);
        } catch (RuntimeException | IOException e) {
            LOG.error("Continuous training for {} failed; production untouched", instrument, e);
            return recordWithoutChallenger(Mode.RETRAIN, started, LearningRun.Outcome.FAILED, fresh, e.toString(), null, 0);
        }
    }

    /**
     * A retraining now on the learner's market data, whatever the experience count: for drift
     * detection and requests by hand. {@code trigger} says why, for the registry note.
     */
    public LearningRun retrainNow(String trigger) {
        MarketDataSet dataset;
        try {
            dataset = data.get();
        } catch (RuntimeException e) {
            LOG.error("Retraining {} ({}) could not read its market data", instrument, trigger, e);
            return recordWithoutChallenger(Mode.RETRAIN, clock.instant(), LearningRun.Outcome.FAILED, newExperiences(),
                    "market data: " + e, null, 0);
        }
        return retrainOn(dataset, trigger);
    }

    private LearningRun retrain(MarketDataSet dataset, Mode mode, Instant started, String partition, long fresh, ExperienceStats stats,
            long exported, String trigger) throws IOException {
        long mark = store.stats(partition).lastId();
        ModelVersion production = registry.production(instrument).orElse(null);
        Path runDir = Files.createDirectories(workDir.resolve("run-" + started.toEpochMilli()));
        Map<Integer, Path> trialDirs = new ConcurrentHashMap<>();
        String study = "learn-" + instrument + "-" + started.toEpochMilli();
        LOG.info("Retraining {} after {}: {} trials of {} steps from {}", instrument, trigger, trials, trialSteps,
                production == null ? "scratch" : production.name());
        HyperparameterTuner.Result best = tuner.tune(study, trials, (n, params) -> {
            Path dir = runDir.resolve("trial-" + n);
            trainer.train(dataset, configs.apply(params), production == null ? null : production.directory(), trialSteps, dir);
            trialDirs.put(n, dir);
            Evaluation validation = trainer.evaluate(dir, dataset, PpoTrainer.Segment.VALIDATION);
            LOG.info("Trial {}: {} -> validation Sharpe {}", n, params, validation.sharpe());
            return Double.isFinite(validation.sharpe()) ? validation.sharpe() : 0;
        });
        Path challengerDir = trialDirs.get(best.bestTrial());
        if (challengerDir == null) {
            throw new IllegalStateException("the hyperparameter search of " + study + " finished no trial (" + best.failed()
                    + " failed); see the log for the trials' errors");
        }
        Evaluation challengerTest = trainer.evaluate(challengerDir, dataset, PpoTrainer.Segment.TEST);
        Evaluation productionTest = production == null ? null : trainer.evaluate(production.directory(), dataset, PpoTrainer.Segment.TEST);
        PromotionRule.Verdict verdict = rule.judge(challengerTest, productionTest);
        Map<String, Double> metrics = new HashMap<>(challengerTest.metrics("test"));
        metrics.put("validationSharpe", best.bestScore());
        ModelVersion challenger = registry.register(instrument, challengerDir, new Registration(
                production == null ? "" : production.name(), metrics, "retrained after " + trigger + " on " + dataset.label() + "; "
                        + verdict.reason()));
        LearningRun.Outcome outcome = LearningRun.Outcome.KEPT;
        if (verdict.promote() && rule.shadowBars() > 0) {
            registry.nominate(instrument, challenger.name(), rule.shadowBars(), "continuous-learning", verdict.reason());
            outcome = LearningRun.Outcome.NOMINATED;
        } else if (verdict.promote()) {
            registry.promote(instrument, challenger.name(), "continuous-learning", verdict.reason());
            outcome = LearningRun.Outcome.PROMOTED;
        }
        setMark(partition, mark);
        LOG.info("Retraining {} done: {}{}", instrument, verdict.reason(),
                outcome == LearningRun.Outcome.NOMINATED ? "; shadowing production for " + rule.shadowBars() + " bars first" : "");
        return record(new LearningRun(0, instrument, mode, started, clock.instant(), outcome, fresh, challenger.name(),
                production == null ? "" : production.name(), challengerTest, productionTest, verdict.reason(), stats, exported));
    }

    private long mark() {
        return store.database().transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT last_experience_id FROM learning_state WHERE partition_key = ?")) {
                ps.setString(1, store.partitionOf(instrument));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    private void setMark(String partition, long id) {
        store.database().transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO learning_state (partition_key, last_experience_id, updated_ms) "
                    + "VALUES (?, ?, ?) ON CONFLICT (partition_key) DO UPDATE SET last_experience_id = excluded.last_experience_id, "
                    + "updated_ms = excluded.updated_ms")) {
                ps.setString(1, partition);
                ps.setLong(2, id);
                ps.setLong(3, clock.millis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Records a run that trained no challenger (done, skipped or failed), finished now. */
    private LearningRun recordWithoutChallenger(Mode mode, Instant started, LearningRun.Outcome outcome, long fresh, String reason,
            ExperienceStats stats, long exported) {
        return record(new LearningRun(0, instrument, mode, started, clock.instant(), outcome, fresh, "", "", null, null, reason, stats,
                exported));
    }

    private LearningRun record(LearningRun run) {
        long id = store.database().transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO learning_run (instrument, mode, started_ms, finished_ms, outcome, "
                    + "new_experiences, challenger, production, challenger_sharpe, challenger_drawdown, production_sharpe, "
                    + "production_drawdown, reason, exported) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, run.instrument());
                ps.setString(2, run.mode().name());
                ps.setLong(3, run.started().toEpochMilli());
                ps.setLong(4, run.finished().toEpochMilli());
                ps.setString(5, run.outcome().name());
                ps.setLong(6, run.newExperiences());
                ps.setString(7, run.challenger());
                ps.setString(8, run.production());
                setNullable(ps, 9, run.challengerTest() == null ? null : run.challengerTest().sharpe());
                setNullable(ps, 10, run.challengerTest() == null ? null : run.challengerTest().maxDrawdown());
                setNullable(ps, 11, run.productionTest() == null ? null : run.productionTest().sharpe());
                setNullable(ps, 12, run.productionTest() == null ? null : run.productionTest().maxDrawdown());
                ps.setString(13, run.reason());
                ps.setLong(14, run.exportedExamples());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new LearningRun(id, run.instrument(), run.mode(), run.started(), run.finished(), run.outcome(), run.newExperiences(),
                run.challenger(), run.production(), run.challengerTest(), run.productionTest(), run.reason(), run.stats(),
                run.exportedExamples());
    }

    private static void setNullable(PreparedStatement ps, int i, Double v) throws java.sql.SQLException {
        if (v == null || !Double.isFinite(v)) {
            ps.setNull(i, java.sql.Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    /** Options of a {@link ContinuousLearner}; the data source, trainer and tuner are required. */
    public static final class Builder {
        private final String instrument;
        private final ExperienceStore store;
        private final ModelRegistry registry;
        private PpoTrainer trainer = PpoTrainer.builder().build();
        private HyperparameterTuner tuner;
        private Function<Map<String, Object>, PpoConfig> configs = params -> PpoSearch.config(PpoSearch.BASE, params);
        private java.util.function.Supplier<MarketDataSet> data;
        private PromotionRule rule = PromotionRule.defaults();
        private long minNewExperiences = 1000;
        private int trials = 10;
        private long trialSteps = 20_000;
        private Path workDir = Path.of("runs", "learning");
        private FineTuneExport fineTune = (store, partition, out) -> FineTuneExporter.builder().build()
                .export(store.annotated(partition, Integer.MAX_VALUE), out).written();
        private Clock clock = Clock.systemUTC();

        private Builder(String instrument, ExperienceStore store, ModelRegistry registry) {
            this.instrument = Objects.requireNonNull(instrument, "instrument");
            this.store = Objects.requireNonNull(store, "store");
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        public Builder trainer(PpoTrainer value) {
            trainer = Objects.requireNonNull(value, "trainer");
            return this;
        }

        /** The hyperparameter search ({@link TpeTuner} over {@link TpeTuner#PPO_SPACE}, studies in the store's database). */
        public Builder tuner(HyperparameterTuner value) {
            tuner = Objects.requireNonNull(value, "tuner");
            return this;
        }

        /** How a trial's hyperparameters become a PPO config ({@link PpoSearch#config} over {@link PpoSearch#BASE} by default). */
        public Builder configs(Function<Map<String, Object>, PpoConfig> value) {
            configs = Objects.requireNonNull(value, "configs");
            return this;
        }

        /** The market data to train and judge on, read at each retraining (so it can include the latest bars). */
        public Builder data(java.util.function.Supplier<MarketDataSet> value) {
            data = Objects.requireNonNull(value, "data");
            return this;
        }

        public Builder promotionRule(PromotionRule value) {
            rule = Objects.requireNonNull(value, "rule");
            return this;
        }

        /** New experiences that trigger a retraining: 1,000 by default, at least 500. */
        public Builder minNewExperiences(long value) {
            if (value < 500) {
                throw new IllegalArgumentException("minNewExperiences must be at least 500 (too few experiences make the comparison "
                        + "noise), got " + value);
            }
            minNewExperiences = value;
            return this;
        }

        /** Trials of the hyperparameter search (10). */
        public Builder trials(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("trials must be at least 1, got " + value);
            }
            trials = value;
            return this;
        }

        /** Training steps of each trial (20,000). */
        public Builder trialSteps(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("trialSteps must be at least 1, got " + value);
            }
            trialSteps = value;
            return this;
        }

        /** Where trial models and exports go ({@code runs/learning}). */
        public Builder workDir(Path value) {
            workDir = Objects.requireNonNull(value, "workDir");
            return this;
        }

        /**
         * How fine-tune mode writes the reasoner's training data; by default a {@link FineTuneExporter}
         * with its defaults over the partition's annotated experiences.
         */
        public Builder fineTuneExport(FineTuneExport value) {
            fineTune = Objects.requireNonNull(value, "fineTuneExport");
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public ContinuousLearner build() {
            if (tuner == null) {
                // The search is mandatory: TPE, its studies kept in the same database for audit and resumption.
                tuner = new TpeTuner(store.database(), 0);
            }
            if (data == null) {
                throw new IllegalStateException("continuous learning needs market data to train and judge on: data(() -> dataset)");
            }
            try {
                Files.createDirectories(workDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the learning work folder " + workDir + ": " + e.getMessage(), e);
            }
            return new ContinuousLearner(this);
        }
    }
}
