package io.github.rltrading.cli;

import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.PluginException;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.env.backtest.Backtester;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.MarketFeatures;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rl backtest}: a saved model or a policy plug-in, and the baselines beside it, through
 * {@link Backtester} (the trading session with a replay feed and the simulated broker), writing a run
 * folder with its HTML report.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Backtest a saved model (--model) or a policy plug-in (--policy) next to the baselines (buy-and-hold, "
                + "flat, EMA cross), with next-bar fills, commission and slippage.",
                "Writes manifest.json, metrics.json, equity.csv, trades.csv, the journal and report.html to --out."})
final class BacktestCommand extends CliCommand {

    /** What to test: a saved model or a policy by name; neither means the baselines alone. */
    static final class Subject {
        @Option(names = "--model", paramLabel = "DIR", description = "A saved model (PPO, SAC or DQN), e.g. from 'rl train'.")
        Path model;

        @Option(names = "--policy", paramLabel = "NAME", description = "A policy plug-in by name, e.g. ema-cross.")
        String policy;
    }

    @ArgGroup(exclusive = true)
    Subject subject;

    @Mixin
    MarketInput input;

    @Mixin
    SymbolOption symbol;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/backtest",
            description = "The run folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--max-position", paramLabel = "N",
            description = "Contracts or shares a full position means. Default: 1 for futures, 100 for stocks and ETFs.")
    Double maxPosition;

    @Option(names = "--no-baselines", negatable = false, description = "Backtest only --model or --policy.")
    boolean noBaselines;

    @Override
    int execute() {
        PrintStream o = out();
        if (noBaselines && subject == null) {
            throw new UsageError("--no-baselines leaves nothing to backtest; add --model DIR or --policy NAME");
        }
        MarketInput.Market market = input.load(symbol.symbol, o);
        double contracts = maxPosition != null ? maxPosition : MarketInput.defaultMaxPosition(market.instrument());
        Backtester.Builder b = Backtester.builder(market.bars(), market.instrument()).dataLabel(market.label()).seed(input.seed)
                .outputDir(out).maxPosition(contracts).baselines(!noBaselines);
        MarketFeatures features = new MarketFeatures(FeatureConfig.DEFAULT, market.bars().timeframe());
        Models.Loaded model = null;
        try {
            if (subject != null && subject.model != null) {
                model = Models.load(subject.model, features.names().size(), features.hash(), null);
                Models.Loaded m = model;
                b.features(() -> new MarketFeatures(FeatureConfig.DEFAULT, market.bars().timeframe()))
                        .policy("model", names -> m.policy(contracts, market.instrument().tickSize()));
                o.printf(Locale.ROOT, "Model: %s (%s, window %d)%n", m.directory(), m.algorithm(), m.window());
            } else if (subject != null) {
                Policy policy = policyByName(subject.policy);
                b.policy(subject.policy, names -> policy);
            }
            long t0 = System.nanoTime();
            Backtester.BacktestResult result = b.build().run();
            o.printf(Locale.ROOT, "%,d bars, %d policies in %.1f s%n", market.bars().size(), result.runs().size(),
                    (System.nanoTime() - t0) / 1e9);
            for (Backtester.PolicyRun r : result.runs().values()) {
                o.printf(Locale.ROOT, "  %-14s final equity %,12.2f  return %7.2f%%  Sharpe %6s  max drawdown %7.2f%%  trades %4d"
                                + "  fills %d%s%n", r.name(), r.session().finalEquity(), 100 * r.metrics().totalReturn(),
                        TrainCommand.number(r.metrics().sharpe(), "%.2f"), 100 * r.metrics().maxDrawdown().value(),
                        r.metrics().numberOfTrades(), r.fills().size(),
                        r.wipedOutAtBar() >= 0 ? "  (account wiped out at bar " + r.wipedOutAtBar() + ")" : "");
            }
            o.println("Run folder: " + out.toAbsolutePath());
            o.println("Report: " + out.resolve("report.html").toAbsolutePath());
            return Rl.OK;
        } finally {
            if (model != null) {
                model.close();
            }
        }
    }

    /** A policy plug-in; an unknown name is a usage error listing the ones there are. */
    static Policy policyByName(String name) {
        try {
            return Plugins.load().policy(Config.of(Map.of("policy", name)));
        } catch (PluginException e) {
            throw UsageError.fromPlugin("--policy " + name, e);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--policy " + name + ": " + e.getMessage(), e);
        }
    }
}
