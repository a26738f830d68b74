package io.github.rltrading.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.MarketFeatures;
import io.github.rltrading.env.trading.TradingEnv;
import io.github.rltrading.learning.experience.ExperienceStats;
import io.github.rltrading.learning.experience.ExperienceStore;
import io.github.rltrading.learning.registry.ModelRegistry;
import io.github.rltrading.learning.registry.ModelVersion;
import io.github.rltrading.learning.store.LearningDatabase;
import io.github.rltrading.learning.training.ContinuousLearner;
import io.github.rltrading.learning.training.Evaluation;
import io.github.rltrading.learning.training.HyperparameterTuner;
import io.github.rltrading.learning.training.LearningRun;
import io.github.rltrading.learning.training.MarketDataSet;
import io.github.rltrading.learning.training.PpoSearch;
import io.github.rltrading.learning.training.PpoTrainer;
import io.github.rltrading.learning.training.TpeTuner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rl learn}: one run of continuous learning ({@link ContinuousLearner}) in a chosen mode;
 * {@code rl learn watch} retrains on new export files; {@code rl learn status} shows where learning
 * stands.
 */
@Command(name = "learn", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {LearnWatchCommand.class, LearnStatusCommand.class},
        description = {"Continuous learning for one instrument: one run in a mode (maintenance, retrain, finetune, all); "
                + "'learn watch' retrains on new export files, 'learn status' shows the runs.",
                "Modes:",
                "  maintenance  retention and statistics of the stored experiences",
                "  retrain      when enough new experiences are stored (or with --force): a",
                "               hyperparameter search warm-started from production, the best",
                "               trial judged against production on the test range, registered,",
                "               and promoted only if the promotion rule says so",
                "  finetune     export the reasoner's fine-tuning data (chat JSON Lines)",
                "  all          the three in turn",
                "Every run is recorded ('rl learn status'). 'rl learn watch' retrains when new export files arrive."})
final class LearnCommand extends CliCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    StoreOptions store;

    @Option(names = "--instrument", paramLabel = "SYMBOL", defaultValue = "ES",
            description = "The instrument learned for (its experience partition and production model). Default: ${DEFAULT-VALUE}.")
    String instrument;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "all",
            description = "maintenance, retrain, finetune or all. Default: ${DEFAULT-VALUE}.")
    ContinuousLearner.Mode mode;

    @Mixin
    MarketInput input;

    @Option(names = "--force", description = "Retrain even when fewer than --min-experiences new experiences are stored.")
    boolean force;

    @Mixin
    Search search;

    @Option(names = "--min-experiences", paramLabel = "N", defaultValue = "1000",
            description = "New experiences that make a retraining due (at least 500). Default: ${DEFAULT-VALUE}.")
    long minExperiences;

    @Override
    int execute() {
        if (minExperiences < 500) {
            throw new UsageError("--min-experiences " + minExperiences + ": give at least 500 (fewer make the comparison with "
                    + "production noise), or use --force to retrain now");
        }
        search.validate();
        if (input.data != null) {
            requireFile("--data", input.data);
        }
        PrintStream o = out();
        Instrument inst = MarketInput.instrument(instrument);
        try (LearningDatabase db = store.open(false)) {
            ExperienceStore experiences = ExperienceStore.open(db);
            ModelRegistry registry = store.registry(db);
            AtomicReference<MarketDataSet> bars = new AtomicReference<>();
            ContinuousLearner learner = search.learner(inst, experiences, registry, db, input.seed, o)
                    .data(() -> bars.updateAndGet(loaded -> loaded != null ? loaded : load(inst, o)))
                    .minNewExperiences(minExperiences)
                    .build();
            o.printf(Locale.ROOT, "Learning %s (%s mode): %,d new experiences since the last retraining, %s%n", inst.symbol(),
                    mode.name().toLowerCase(Locale.ROOT), learner.newExperiences(),
                    registry.production(inst.symbol()).map(v -> "production " + v.name()).orElse("no production model yet"));
            if ((mode == ContinuousLearner.Mode.RETRAIN || mode == ContinuousLearner.Mode.ALL) && (force || learner.due())) {
                // Loaded before the run, so that a missing or malformed file is a usage error, not a failed run.
                bars.set(load(inst, o));
            }
            LearningRun run = learner.run(mode, force);
            print(o, run, search.work);
            return run.outcome() == LearningRun.Outcome.FAILED ? Rl.FAILED : Rl.OK;
        }
    }

    /** A file option that names nothing is a usage error before anything is opened or created. */
    static void requireFile(String option, Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new UsageError(option + " " + file + ": no such file; give a NinjaTrader 8 export or a CSV file with a header "
                    + "(docs/data-formats.md), or leave " + option + " out for a synthetic market");
        }
    }

    private MarketDataSet load(Instrument inst, PrintStream o) {
        MarketInput.Market m = input.load(inst.symbol(), o);
        return new MarketDataSet(m.bars(), inst, m.label());
    }

    /** A learning run as a few lines. */
    static void print(PrintStream o, LearningRun run, Path work) {
        o.printf(Locale.ROOT, "Run #%d %s %s: %s in %.1f s%n", run.id(), run.instrument(), run.mode().name().toLowerCase(Locale.ROOT),
                run.outcome(), Duration.between(run.started(), run.finished()).toMillis() / 1000.0);
        if (!run.reason().isEmpty()) {
            o.println("  reason: " + run.reason());
        }
        o.printf(Locale.ROOT, "  new experiences: %,d%n", run.newExperiences());
        if (!run.challenger().isEmpty()) {
            o.println("  challenger: " + run.challenger() + " (" + evaluation(run.challengerTest()) + ")");
            o.println("  production: " + (run.production().isEmpty() ? "none" : run.production() + " (" + evaluation(run.productionTest())
                    + ")"));
        }
        ExperienceStats s = run.stats();
        if (s != null) {
            o.println("  experiences: " + stats(s));
        }
        if (run.mode() == ContinuousLearner.Mode.FINETUNE || run.mode() == ContinuousLearner.Mode.ALL) {
            o.printf(Locale.ROOT, "  fine-tuning examples: %,d%s%n", run.exportedExamples(), run.outcome() == LearningRun.Outcome.FAILED
                    ? "" : " in " + work.resolve("finetune-" + run.instrument() + ".jsonl"));
        }
    }

    static String evaluation(Evaluation e) {
        return e == null ? "not evaluated" : TrainCommand.describe(e);
    }

    static String stats(ExperienceStats s) {
        return String.format(Locale.ROOT, "%,d in %s, %,d with an outcome (win rate %s), %,d annotated, mean reward %s%s", s.count(),
                s.partition(), s.withOutcome(), TrainCommand.number(100 * s.winRate(), "%.1f%%"), s.annotated(),
                TrainCommand.number(s.meanReward(), "%.5f"), s.last() == null ? "" : ", newest " + s.last());
    }

    /**
     * The search's options, shared with {@code learn watch}: how many trials of how many steps, the
     * window, the work folder. The window and hidden sizes follow the production model when there
     * is one, since every trial warm-starts from its weights.
     */
    static final class Search {

        @Option(names = "--trials", paramLabel = "N", defaultValue = "10",
                description = "Trials of the hyperparameter search. Default: ${DEFAULT-VALUE}.")
        int trials;

        @Option(names = "--trial-steps", paramLabel = "N", defaultValue = "20000",
                description = "Training steps of each trial. Default: ${DEFAULT-VALUE}.")
        long trialSteps;

        @Option(names = "--window", paramLabel = "N",
                description = "Bars in an observation. Default: the production model's, else 16.")
        Integer window;

        @Option(names = "--work", paramLabel = "DIR", defaultValue = "runs/learning",
                description = "Where trial models and the fine-tuning export go. Default: ${DEFAULT-VALUE}.")
        Path work;

        void validate() {
            if (trials < 1) {
                throw new UsageError("--trials " + trials + ": the search needs at least 1 trial, e.g. --trials 10");
            }
            if (trialSteps < 1) {
                throw new UsageError("--trial-steps " + trialSteps + ": give at least 1 training step per trial, e.g. 20000");
            }
            if (window != null && window < 1) {
                throw new UsageError("--window " + window + ": an observation needs at least 1 bar, e.g. --window 16");
            }
        }

        /** A learner with the search, trainer, tuner and exporter set; the caller adds the data. */
        ContinuousLearner.Builder learner(Instrument instrument, ExperienceStore experiences, ModelRegistry registry,
                LearningDatabase db, long seed, PrintStream o) {
            ModelVersion production = registry.production(instrument.symbol()).orElse(null);
            int[] hidden = PpoSearch.BASE.hidden();
            int w = window != null ? window : 16;
            if (production != null) {
                JsonNode manifest = manifest(production);
                JsonNode h = manifest.path("config").path("hidden");
                if (h.isArray() && !h.isEmpty()) {
                    hidden = new int[h.size()];
                    for (int i = 0; i < hidden.length; i++) {
                        hidden[i] = h.get(i).asInt();
                    }
                }
                int columns = new MarketFeatures(FeatureConfig.DEFAULT).names().size();
                int inputs = manifest.path("observationSize").asInt(-1);
                int productionWindow = (inputs - TradingEnv.STATE_SIZE) / columns;
                if (inputs > TradingEnv.STATE_SIZE && (inputs - TradingEnv.STATE_SIZE) % columns == 0) {
                    if (window != null && window != productionWindow) {
                        throw new UsageError("--window " + window + ": production model " + production.name() + " for "
                                + instrument.symbol() + " was trained with window " + productionWindow
                                + ", and every trial warm-starts from it; leave --window out or give " + productionWindow);
                    }
                    w = productionWindow;
                }
            }
            PpoConfig base = PpoSearch.base(trialSteps, hidden, seed);
            Function<Map<String, Object>, PpoConfig> configs = params -> PpoSearch.config(base, params);
            return ContinuousLearner.builder(instrument.symbol(), experiences, registry)
                    .trainer(PpoTrainer.builder().window(w).maxContracts(MarketInput.defaultMaxPosition(instrument)).build())
                    .tuner(reporting(new TpeTuner(db, seed), o, trials))
                    .configs(configs)
                    .trials(trials)
                    .trialSteps(trialSteps)
                    .workDir(work);
        }

        private static JsonNode manifest(ModelVersion v) {
            try {
                return JSON.readTree(v.directory().resolve("model.json").toFile());
            } catch (IOException e) {
                throw new UsageError("production model " + v.name() + ": cannot read " + v.directory().resolve("model.json") + " ("
                        + e.getMessage() + "); roll back to another version with 'rl registry rollback'", e);
            }
        }
    }

    /** Hyperparameters as {@code {learningRate=0.000466, nEpochs=3, ...}}: four significant digits are enough to read. */
    static String brief(Map<String, Object> params) {
        StringBuilder s = new StringBuilder("{");
        params.forEach((k, v) -> s.append(s.length() > 1 ? ", " : "").append(k).append('=')
                .append(v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : String.valueOf(v)));
        return s.append('}').toString();
    }

    /** Prints each trial as it finishes: the search can take a while and logs only warnings. */
    static HyperparameterTuner reporting(HyperparameterTuner inner, PrintStream o, int trials) {
        return (study, n, objective) -> {
            HyperparameterTuner.Result r = inner.tune(study, n, (trial, params) -> {
                long t0 = System.nanoTime();
                double score = objective.score(trial, params);
                o.printf(Locale.ROOT, "  trial %d/%d: validation Sharpe %s in %.1f s %s%n", trial + 1, trials,
                        TrainCommand.number(score, "%.3f"), (System.nanoTime() - t0) / 1e9, brief(params));
                return score;
            });
            o.printf(Locale.ROOT, "  search %s: %d trials completed, %d failed; best trial %d%n", study, r.completed(), r.failed(),
                    r.bestTrial() + 1);
            return r;
        };
    }
}
