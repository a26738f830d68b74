package io.github.rltrading.learning.training;

import io.github.rltrading.agents.model.AgentPolicy;
import io.github.rltrading.agents.model.ModelInfo;
import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.core.metrics.PerformanceReport;
import io.github.rltrading.env.backtest.Backtester;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.FeatureMatrix;
import io.github.rltrading.env.features.MarketFeatures;
import io.github.rltrading.env.trading.EnvObservationPolicy;
import io.github.rltrading.env.trading.RowRange;
import io.github.rltrading.env.trading.TradingEnv;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Trains continuous-action PPO agents on a {@link MarketDataSet} and judges them by backtest, on a
 * walk-forward split: the first rows train, the next ones validate (the hyperparameter search picks
 * by them), the last ones test (the promotion rule compares models on them, and nothing else looks
 * at them). Both the training environment and the backtest use rl-env's one execution model.
 *
 * <p>A backtest of a range starts the feature set's warm-up ({@code warmUpBars()}, 765 one-minute
 * bars for the default 1m/5m/15m set) plus the observation window early, so the first decision is
 * at the range's first bar: the bars before it only warm the features and the window up (the
 * session decides nothing until the features are valid), and none comes from after the range.
 */
public final class PpoTrainer {

    /** The three walk-forward ranges. */
    public enum Segment {
        TRAIN,
        VALIDATION,
        TEST
    }

    /** A trained model in {@code directory}, with the seconds training took. */
    public record TrainedModel(Path directory, long steps, double seconds) {}

    private final int window;
    private final int episodeLength;
    private final double maxContracts;
    private final double trainFraction;
    private final double validationFraction;
    private final Consumer<Ppo.Progress> progress;

    private PpoTrainer(Builder b) {
        this.window = b.window;
        this.episodeLength = b.episodeLength;
        this.maxContracts = b.maxContracts;
        this.trainFraction = b.trainFraction;
        this.validationFraction = b.validationFraction;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The walk-forward ranges of {@code data}: train, validation, test. */
    public RowRange range(MarketDataSet data, Segment segment) {
        return RowRange.walkForward(data.bars().size(), trainFraction, validationFraction)[segment.ordinal()];
    }

    /**
     * Trains for {@code steps} environment steps on the training range and saves the model to
     * {@code out}: from scratch when {@code warmStart} is null, else from the weights saved there
     * (the hidden sizes of {@code config} must be that model's).
     */
    public TrainedModel train(MarketDataSet data, PpoConfig config, Path warmStart, long steps, Path out) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(out, "out");
        if (steps < 1) {
            throw new IllegalArgumentException("training steps must be at least 1, got " + steps);
        }
        FeatureMatrix features = MarketFeatures.compute(data.bars(), FeatureConfig.DEFAULT);
        RowRange train = range(data, Segment.TRAIN);
        long t0 = System.nanoTime();
        TradingEnv probe = env(features, data, train);
        try (Ppo ppo = warmStart == null ? new Ppo(config, probe.observationSize(), probe.actionSpace()) : Ppo.load(warmStart, config)) {
            if (ppo.observationSize() != probe.observationSize()) {
                throw new IllegalArgumentException("model in " + warmStart + " takes " + ppo.observationSize()
                        + " inputs but this trainer's observation has " + probe.observationSize()
                        + "; use the window it was trained with");
            }
            ppo.learn(e -> e == 0 ? probe : env(features, data, train), steps, progress);
            ppo.save(out, new ModelInfo(features.featureSetId(), features.hash(), Map.of(),
                    data.label() + " rows " + train.from() + "-" + train.to() + " (window " + window + ")", Map.of()));
        }
        return new TrainedModel(out, steps, (System.nanoTime() - t0) / 1e9);
    }

    private TradingEnv env(FeatureMatrix features, MarketDataSet data, RowRange train) {
        return TradingEnv.builder(features, data.bars(), data.instrument()).range(train).window(window)
                .episodeLength(Math.min(episodeLength, Math.max(2, train.size() - window - 70))).maxContracts(maxContracts).build();
    }

    /** Bars a backtest starts before its range: the features' warm-up and the observation window. */
    public int warmUp() {
        return new MarketFeatures(FeatureConfig.DEFAULT).warmUpBars() + window;
    }

    /** Backtests the PPO model saved in {@code modelDir} over one walk-forward range of {@code data}. */
    public Evaluation evaluate(Path modelDir, MarketDataSet data, Segment segment) {
        RowRange r = range(data, segment);
        int from = Math.max(0, r.from() - warmUp());
        Backtester.BacktestResult result;
        try (Ppo ppo = Ppo.load(modelDir)) {
            result = Backtester.builder(data.slice(from, r.to()), data.instrument()).baselines(false).journal(false)
                    .maxPosition(maxContracts).dataLabel(data.label())
                    .policy("model", names -> new EnvObservationPolicy(AgentPolicy.of(ppo, true), window, names.size(), maxContracts,
                            data.instrument().tickSize()))
                    .build().run();
        }
        Backtester.PolicyRun run = result.run("model");
        PerformanceReport m = run.metrics();
        return new Evaluation(m.sharpe(), Math.abs(m.maxDrawdown().value()), m.totalReturn(), m.numberOfTrades(), run.session().decisions(),
                segment.name().toLowerCase(java.util.Locale.ROOT) + " rows " + r.from() + "-" + r.to());
    }

    public static final class Builder {
        private int window = 16;
        private int episodeLength = 390;
        private double maxContracts = 1;
        private double trainFraction = 0.6;
        private double validationFraction = 0.2;
        private Consumer<Ppo.Progress> progress;

        /** Feature rows in an observation (16). */
        public Builder window(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("window must be at least 1 row, got " + value);
            }
            window = value;
            return this;
        }

        /** Bars in a training episode (390: one regular ES session of 1-minute bars). */
        public Builder episodeLength(int value) {
            if (value < 2) {
                throw new IllegalArgumentException("episodeLength must be at least 2 bars, got " + value);
            }
            episodeLength = value;
            return this;
        }

        /** Contracts or shares a full position means (1). */
        public Builder maxContracts(double value) {
            if (!(value > 0)) {
                throw new IllegalArgumentException("maxContracts must be positive, got " + value);
            }
            maxContracts = value;
            return this;
        }

        /** Walk-forward fractions: train (0.6) and validation (0.2); the test range gets the rest. */
        public Builder split(double train, double validation) {
            RowRange.walkForward(1000, train, validation); // validates, naming both
            trainFraction = train;
            validationFraction = validation;
            return this;
        }

        /** Called after every PPO update (steps, steps/s, mean return, losses); may be null. */
        public Builder progress(Consumer<Ppo.Progress> value) {
            progress = value;
            return this;
        }

        public PpoTrainer build() {
            return new PpoTrainer(this);
        }
    }
}
