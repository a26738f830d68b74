package io.github.rltrading.cli;

import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.FeatureMatrix;
import io.github.rltrading.env.features.MarketFeatures;
import io.github.rltrading.env.trading.RowRange;
import io.github.rltrading.learning.training.Evaluation;
import io.github.rltrading.learning.training.MarketDataSet;
import io.github.rltrading.learning.training.PpoSearch;
import io.github.rltrading.learning.training.PpoTrainer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rl train}: continuous-action PPO on the walk-forward training range of the bars (the first
 * 60 % by default), through {@link PpoTrainer}, then a backtest of the saved model on the validation
 * and the test ranges, which it never trained on.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a continuous-action PPO agent on the training range of the bars (walk-forward: train, then "
                + "validation, then test) and backtest it on the validation and test ranges.",
                "Saves the model to --out (model.json + parameters.bin), ready for backtest, paper, serve-nt8, predict and "
                        + "'registry register'."})
final class TrainCommand extends CliCommand {

    @Mixin
    MarketInput input;

    @Mixin
    SymbolOption symbol;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "20000",
            description = "Environment steps to train for. Default: ${DEFAULT-VALUE}.")
    long steps;

    @Option(names = "--window", paramLabel = "N", defaultValue = "16",
            description = "Feature rows (bars) in one observation. Default: ${DEFAULT-VALUE}.")
    int window;

    @Option(names = "--episode-length", paramLabel = "BARS", defaultValue = "390",
            description = "Bars in a training episode (390: one US session of minutes). Default: ${DEFAULT-VALUE}.")
    int episodeLength;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to save the model. Default: runs/models/ppo-SYMBOL.")
    Path out;

    @Option(names = "--overwrite", description = "Replace a model already saved in --out.")
    boolean overwrite;

    @Option(names = "--from", paramLabel = "DIR",
            description = "Warm start: continue from the weights of a saved PPO model (same window and hidden sizes).")
    Path warmStart;

    @Option(names = "--learning-rate", paramLabel = "RATE", defaultValue = "3e-4",
            description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--hidden", paramLabel = "SIZES", split = ",", defaultValue = "64,64",
            description = "Hidden layer sizes of the policy and value networks. Default: ${DEFAULT-VALUE}.")
    List<Integer> hidden;

    @Option(names = "--n-steps", paramLabel = "N", defaultValue = "512",
            description = "Steps per rollout before each update (at most --steps). Default: ${DEFAULT-VALUE}.")
    int nSteps;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10",
            description = "Passes over each rollout. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--split", paramLabel = "TRAIN,VALIDATION", split = ",", defaultValue = "0.6,0.2",
            description = "Walk-forward fractions of the bars for training and validation; the test range gets the rest. "
                    + "Default: ${DEFAULT-VALUE}.")
    List<Double> split;

    @Option(names = "--max-position", paramLabel = "N",
            description = "Contracts or shares a full position means. Default: 1 for futures, 100 for stocks and ETFs.")
    Double maxPosition;

    @Override
    int execute() {
        validate();
        PrintStream o = out();
        MarketInput.Market market = input.load(symbol.symbol, o);
        MarketDataSet data = new MarketDataSet(market.bars(), market.instrument(), market.label());
        Path dir = out != null ? out : Path.of("runs", "models", "ppo-" + market.instrument().symbol().toLowerCase(Locale.ROOT));
        if (Files.exists(dir.resolve("model.json")) && !overwrite) {
            throw new UsageError("--out " + dir + " already holds a saved model; give another folder, or --overwrite to replace it");
        }
        double contracts = maxPosition != null ? maxPosition : MarketInput.defaultMaxPosition(market.instrument());
        Consumer<Ppo.Progress> progress = p -> o.printf(Locale.ROOT, "  steps %,d/%,d  %,.0f steps/s  mean episode return %s"
                + "  (%d episodes)%n", p.steps(), steps, p.stepsPerSecond(), number(p.meanEpisodeReturn(), "%.4f"), p.episodes());
        PpoTrainer trainer;
        try {
            trainer = PpoTrainer.builder().window(window).episodeLength(episodeLength).maxContracts(contracts)
                    .split(split.get(0), split.get(1)).progress(progress).build();
        } catch (IllegalArgumentException e) {
            throw new UsageError("--split " + split + ": " + e.getMessage(), e);
        }
        requireEnoughBars(data, trainer);
        int rollout = (int) Math.min(nSteps, steps);
        PpoConfig config = new PpoConfig(learningRate, false, rollout, Math.min(64, rollout), epochs, PpoSearch.BASE.gamma(),
                PpoSearch.BASE.gaeLambda(), PpoSearch.BASE.clipRange(), PpoSearch.BASE.entCoef(), PpoSearch.BASE.vfCoef(),
                PpoSearch.BASE.maxGradNorm(), true, 1, hidden.stream().mapToInt(Integer::intValue).toArray(), input.seed);
        RowRange train = trainer.range(data, PpoTrainer.Segment.TRAIN);
        o.printf(Locale.ROOT, "Training PPO on %s: %,d bars, training rows %d-%d, window %d, %,d steps, hidden %s, seed %d%n",
                data.label(), data.bars().size(), train.from(), train.to(), window, steps, hidden, input.seed);
        PpoTrainer.TrainedModel model;
        try {
            model = trainer.train(data, config, warmStart, steps, dir);
        } catch (IllegalArgumentException e) {
            // A warm start that does not fit (other window, hidden sizes, algorithm, or no model there).
            throw new UsageError((warmStart != null ? "--from " + warmStart + ": " : "") + e.getMessage(), e);
        }
        o.printf(Locale.ROOT, "Saved the model to %s (%,d steps in %.1f s)%n", model.directory().toAbsolutePath(), model.steps(),
                model.seconds());
        for (PpoTrainer.Segment segment : List.of(PpoTrainer.Segment.VALIDATION, PpoTrainer.Segment.TEST)) {
            Evaluation e = trainer.evaluate(model.directory(), data, segment);
            o.printf(Locale.ROOT, "%-10s %s%n", segment == PpoTrainer.Segment.TEST ? "Test:" : "Validation:", describe(e));
        }
        return Rl.OK;
    }

    private void validate() {
        if (steps < 1) {
            throw new UsageError("--steps " + steps + ": give at least 1 training step, e.g. --steps 20000");
        }
        if (window < 1) {
            throw new UsageError("--window " + window + ": an observation needs at least 1 bar, e.g. --window 16");
        }
        if (episodeLength < 2) {
            throw new UsageError("--episode-length " + episodeLength + ": an episode needs at least 2 bars, e.g. 390");
        }
        if (nSteps < 1 || epochs < 1) {
            throw new UsageError("--n-steps " + nSteps + " --epochs " + epochs + ": both must be at least 1");
        }
        if (hidden.isEmpty() || hidden.stream().anyMatch(h -> h < 1)) {
            throw new UsageError("--hidden " + hidden + ": give positive layer sizes, e.g. --hidden 64,64");
        }
        if (split.size() != 2) {
            throw new UsageError("--split " + split + ": give two fractions, training and validation, e.g. --split 0.6,0.2");
        }
        if (!(learningRate > 0)) {
            throw new UsageError("--learning-rate " + learningRate + ": give a positive rate, e.g. 3e-4");
        }
    }

    /**
     * The environment only starts episodes where every feature of the window is defined; the market
     * features need about 766 one-minute bars of warm-up, so short data can leave the training
     * range with none. Say so in the user's terms instead of the environment's.
     */
    private void requireEnoughBars(MarketDataSet data, PpoTrainer trainer) {
        FeatureMatrix features = MarketFeatures.compute(data.bars(), FeatureConfig.DEFAULT);
        RowRange train = trainer.range(data, PpoTrainer.Segment.TRAIN);
        int firstValid = features.firstValidRow();
        if (firstValid + window + 1 >= train.to()) {
            throw new UsageError(String.format(Locale.ROOT, "%s has %,d bars; the training range is rows %d-%d, but the market "
                    + "features are defined only from row %,d on (their warm-up), which leaves no training episode with window %d. "
                    + "Give more bars: --sessions %d or more for a synthetic market, or a longer --data file", data.label(),
                    data.bars().size(), train.from(), train.to(), firstValid, window,
                    Math.max(input.sessions * 2, 4)));
        }
    }

    static String describe(Evaluation e) {
        return String.format(Locale.ROOT, "%s: Sharpe %s, max drawdown %.2f%%, return %.2f%%, %d trades", e.range(),
                number(e.sharpe(), "%.3f"), 100 * e.maxDrawdown(), 100 * e.totalReturn(), e.trades());
    }

    /** A number in {@code format}, or {@code n/a} when undefined (a Sharpe of a curve that never moved). */
    static String number(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "n/a";
    }
}
