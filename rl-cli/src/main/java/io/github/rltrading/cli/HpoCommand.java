package io.github.rltrading.cli;

import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.learning.hpo.DatabaseStudyStorage;
import io.github.rltrading.learning.hpo.TrialRecord;
import io.github.rltrading.learning.store.LearningDatabase;
import io.github.rltrading.learning.training.Evaluation;
import io.github.rltrading.learning.training.HyperparameterTuner;
import io.github.rltrading.learning.training.MarketDataSet;
import io.github.rltrading.learning.training.PpoSearch;
import io.github.rltrading.learning.training.PpoTrainer;
import io.github.rltrading.learning.training.TpeTuner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rl hpo}: a TPE hyperparameter search for PPO on the bars: each trial trains on the training
 * range and is scored by its Sharpe ratio on the validation range; the best trial's model is then
 * backtested on the test range, which the search never saw. The study is kept in the learning
 * database, so every trial is on record and an interrupted search resumes under the same name.
 */
@Command(name = "hpo", mixinStandardHelpOptions = true, sortOptions = false, subcommands = HpoCommand.Show.class,
        description = {"Search PPO's hyperparameters with TPE (Optuna's defaults): each trial trains on the training range "
                + "and is scored by its validation Sharpe; the best is backtested on the test range.",
                "Trials are stored in the learning database (--db); running the same --study again resumes it."})
final class HpoCommand extends CliCommand {

    @Mixin
    MarketInput input;

    @Mixin
    SymbolOption symbol;

    @Option(names = "--study", paramLabel = "NAME", description = "The study's name. Default: ppo-SYMBOL.")
    String study;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "runs/learning/learning.db",
            description = "The learning database the study is kept in. Default: ${DEFAULT-VALUE}.")
    Path db;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "10", description = "New trials to run. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--trial-steps", paramLabel = "N", defaultValue = "10000",
            description = "Training steps of each trial. Default: ${DEFAULT-VALUE}.")
    long trialSteps;

    @Option(names = "--window", paramLabel = "N", defaultValue = "16",
            description = "Feature rows (bars) in one observation. Default: ${DEFAULT-VALUE}.")
    int window;

    @Option(names = "--hidden", paramLabel = "SIZES", split = ",", defaultValue = "64,64",
            description = "Hidden layer sizes (not searched). Default: ${DEFAULT-VALUE}.")
    List<Integer> hidden;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the trials' models go. Default: runs/hpo/STUDY.")
    Path out;

    @Override
    int execute() {
        if (trials < 1) {
            throw new UsageError("--trials " + trials + ": run at least 1 trial, e.g. --trials 10");
        }
        if (trialSteps < 1) {
            throw new UsageError("--trial-steps " + trialSteps + ": give at least 1 training step, e.g. --trial-steps 10000");
        }
        if (window < 1) {
            throw new UsageError("--window " + window + ": an observation needs at least 1 bar, e.g. --window 16");
        }
        PrintStream o = out();
        MarketInput.Market market = input.load(symbol.symbol, o);
        MarketDataSet data = new MarketDataSet(market.bars(), market.instrument(), market.label());
        String name = study != null ? study : "ppo-" + market.instrument().symbol().toLowerCase(Locale.ROOT);
        Path dir = out != null ? out : Path.of("runs", "hpo", name);
        PpoTrainer trainer = PpoTrainer.builder().window(window).maxContracts(MarketInput.defaultMaxPosition(market.instrument()))
                .build();
        PpoConfig base = PpoSearch.base(trialSteps, hidden.stream().mapToInt(Integer::intValue).toArray(), input.seed);
        o.printf(Locale.ROOT, "Study %s in %s: %d trial(s) of %,d steps on %s (window %d), scored by validation Sharpe%n", name, db,
                trials, trialSteps, data.label(), window);
        try (LearningDatabase database = LearningDatabase.open(db)) {
            HyperparameterTuner.Result best = new TpeTuner(database, input.seed).tune(name, trials, (n, params) -> {
                Path trialDir = dir.resolve("trial-" + n);
                trainer.train(data, PpoSearch.config(base, params), null, trialSteps, trialDir);
                Evaluation validation = trainer.evaluate(trialDir, data, PpoTrainer.Segment.VALIDATION);
                double score = Double.isFinite(validation.sharpe()) ? validation.sharpe() : 0;
                o.printf(Locale.ROOT, "  trial %3d  validation Sharpe %8.3f  %s%n", n, score, describe(params));
                return score;
            });
            if (best.bestTrial() < 0) {
                err().printf(Locale.ROOT, "%s: no trial of study %s completed (%d failed); see the log for the trials' errors%n", name(),
                        name, best.failed());
                return Rl.FAILED;
            }
            o.printf(Locale.ROOT, "Best: trial %d, validation Sharpe %.3f, %s (%d completed, %d failed in the study)%n", best.bestTrial(),
                    best.bestScore(), describe(best.best()), best.completed(), best.failed());
            Path bestDir = dir.resolve("trial-" + best.bestTrial());
            if (bestDir.resolve("model.json").toFile().isFile()) {
                Evaluation test = trainer.evaluate(bestDir, data, PpoTrainer.Segment.TEST);
                o.printf(Locale.ROOT, "Test:  %s%nModel: %s%n", TrainCommand.describe(test), bestDir.toAbsolutePath());
            } else {
                o.printf(Locale.ROOT, "The best trial's model is not in %s (it ran in an earlier session with another --out)%n", dir);
            }
        }
        return Rl.OK;
    }

    static String describe(Map<String, Object> params) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(params).forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=')
                .append(v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : String.valueOf(v)));
        return sb.toString();
    }

    /** {@code rl hpo show STUDY}: every trial of a stored study. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "List every trial of a stored study.")
    static final class Show extends CliCommand {

        @Parameters(index = "0", paramLabel = "STUDY", description = "The study's name.")
        String study;

        @Option(names = "--db", paramLabel = "FILE", defaultValue = "runs/learning/learning.db",
                description = "The learning database. Default: ${DEFAULT-VALUE}.")
        Path db;

        @Override
        int execute() {
            if (!db.toFile().isFile()) {
                throw new UsageError("--db " + db + ": no learning database there; give the --db that 'rl hpo' used");
            }
            try (LearningDatabase database = LearningDatabase.open(db)) {
                DatabaseStudyStorage storage = DatabaseStudyStorage.open(database);
                if (storage.findStudy(study).isEmpty()) {
                    throw new UsageError("no study '" + study + "' in " + db + "; 'rl hpo' prints the name of the study it runs");
                }
                List<TrialRecord> all = storage.loadTrials(study);
                out().printf(Locale.ROOT, "Study %s: %d trial(s)%n", study, all.size());
                for (TrialRecord t : all) {
                    out().printf(Locale.ROOT, "  trial %3d  %-8s %10s  %s%n", t.number(), t.state(),
                            TrainCommand.number(t.value(), "%.4f"), describe(t.params()));
                }
            }
            return Rl.OK;
        }
    }
}
