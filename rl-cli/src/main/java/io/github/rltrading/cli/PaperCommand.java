package io.github.rltrading.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.core.DecisionGate;
import io.github.rltrading.core.PluginException;
import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.SessionResult;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigLoader;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.journal.JournalDetail;
import io.github.rltrading.core.journal.SyncPolicy;
import io.github.rltrading.core.market.AssetClass;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.metrics.PerformanceMetrics;
import io.github.rltrading.core.metrics.PerformanceReport;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.spi.Reasoner;
import io.github.rltrading.core.spi.RiskGate;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.MarketFeatures;
import io.github.rltrading.env.sim.ReplayFeed;
import io.github.rltrading.risk.RiskGates;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rl paper}: replays bars through a real {@link TradingSession}, the same one that trades
 * live: a {@link ReplayFeed}, the simulated broker (by name, {@code sim}), the policy, the decision
 * gate with the reasoner ({@code rules} by default), and the default risk chain of rl-risk. Writes
 * the journal and a {@code metrics.json} that {@code rl report} reads.
 */
@Command(name = "paper", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Paper-trade a replay: the bars go through a real trading session (replay feed, simulated broker, "
                + "decision gate and reasoner, the default risk chain), as fast as possible or at --speed.",
                "Writes the journal (every bar and decision, with rationale) and metrics.json to --out."})
final class PaperCommand extends CliCommand {

    /** The policy: a saved model or a plug-in by name. */
    static final class Subject {
        @Option(names = "--model", paramLabel = "DIR", description = "A saved model (PPO, SAC or DQN), e.g. from 'rl train'.")
        Path model;

        @Option(names = "--policy", paramLabel = "NAME", description = "A policy plug-in by name. Default: ema-cross.")
        String policy;
    }

    @ArgGroup(exclusive = true)
    Subject subject;

    @Mixin
    MarketInput input;

    @Mixin
    SymbolOption symbol;

    @Option(names = "--speed", paramLabel = "X",
            description = "Replay at X times real time (60: a minute a second). Default: as fast as possible.")
    Double speed;

    @Option(names = "--max-pause", paramLabel = "DURATION", defaultValue = "5s", converter = Converters.DurationConverter.class,
            description = "With --speed: the longest wait across a gap (nights, weekends). Default: ${DEFAULT-VALUE}.")
    Duration maxPause;

    @Option(names = "--reasoner", paramLabel = "NAME", defaultValue = "rules",
            description = "Second opinion on decisions between --floor and --fast-path: rules (no LLM), ollama, openai, or none. "
                    + "Default: ${DEFAULT-VALUE}.")
    String reasoner;

    @Option(names = "--fast-path", paramLabel = "P", defaultValue = "0.9",
            description = "Confidence from which a decision skips the reasoner. Default: ${DEFAULT-VALUE}.")
    double fastPath;

    @Option(names = "--floor", paramLabel = "P", defaultValue = "0.3",
            description = "Confidence below which no new risk is taken. Default: ${DEFAULT-VALUE}.")
    double floor;

    @Option(names = "--risk-config", paramLabel = "FILE",
            description = "YAML or JSON with a section per risk gate (max-position, max-leverage, stop-target, daily-loss, "
                    + "max-drawdown, min-confidence, order-rate; see docs/risk.md), over the defaults.")
    Path riskConfig;

    @Option(names = "--max-position", paramLabel = "N",
            description = "Contracts or shares a full position means. Default: 1 for futures, 100 for stocks and ETFs.")
    Double maxPosition;

    @Option(names = "--starting-cash", paramLabel = "USD", defaultValue = "100000",
            description = "The account at the start. Default: ${DEFAULT-VALUE}.")
    double startingCash;

    @Option(names = "--journal-detail", paramLabel = "LEVEL", defaultValue = "all",
            description = "all (every bar and decision) or changes (decisions that change something). Default: ${DEFAULT-VALUE}.")
    String journalDetail;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/paper",
            description = "Where the journal and metrics.json go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    int execute() {
        validate();
        JournalDetail detail;
        try {
            detail = JournalDetail.parse(journalDetail);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--journal-detail " + journalDetail + ": " + e.getMessage(), e);
        }
        PrintStream o = out();
        MarketInput.Market market = input.load(symbol.symbol, o);
        Instrument instrument = market.instrument();
        double contracts = maxPosition != null ? maxPosition : MarketInput.defaultMaxPosition(instrument);
        Plugins plugins = Plugins.load();
        List<RiskGate> gates;
        try {
            gates = RiskGates.defaultGates(riskSettings(instrument, contracts));
        } catch (IllegalArgumentException e) {
            throw new UsageError((riskConfig == null ? "risk settings" : "--risk-config " + riskConfig) + ": " + e.getMessage(), e);
        }
        // The features of the replay's own timeframe, as the backtester computes them (a model's hash must match).
        MarketFeatures features = new MarketFeatures(FeatureConfig.DEFAULT, market.bars().timeframe());
        Models.Loaded model = null;
        try {
            Policy policy;
            String policyName;
            if (subject != null && subject.model != null) {
                model = Models.load(subject.model, features.names().size(), features.hash(), null);
                policy = model.policy(contracts, instrument.tickSize());
                policyName = model.algorithm() + " model " + model.directory() + " (window " + model.window() + ")";
            } else {
                policyName = subject != null && subject.policy != null ? subject.policy : "ema-cross";
                policy = BacktestCommand.policyByName(policyName);
            }
            Reasoner secondOpinion = reasoner.equalsIgnoreCase("none") ? null : create("--reasoner", reasoner,
                    () -> plugins.reasoner(Config.of(Map.of("reasoner", reasoner))));
            Broker broker = create("broker", "sim", () -> plugins.broker(Config.of(Map.of("broker", "sim"))));
            ReplayFeed feed = speed == null ? ReplayFeed.of(market.bars(), instrument)
                    : ReplayFeed.of(market.bars(), instrument, speed, maxPause);
            Path journalDir = out.resolve("journal");
            Journal journal = Journal.jsonLines(journalDir).replaceExisting(true)
                    .syncPolicy(SyncPolicy.syncInterval(Duration.ofSeconds(1))).open();
            DecisionGate gate = DecisionGate.builder().fastPath(fastPath).floor(floor).build();
            o.printf(Locale.ROOT, "Paper session on %s (%s): policy %s, reasoner %s (fast path %.2f, floor %.2f), %d risk gates %s%n",
                    market.label(), instrument.symbol(), policyName, secondOpinion == null ? "none" : reasoner, fastPath, floor,
                    gates.size(), gates.stream().map(RiskGate::name).toList());
            long t0 = System.nanoTime();
            SessionResult result;
            try (TradingSession session = TradingSession.builder().sessionId("paper").instrument(instrument).feed(feed)
                    .clock(feed.clock()).features(features).policy(policy).decisionGate(gate).reasoner(secondOpinion)
                    .riskGates(gates).broker(broker).startingCash(startingCash).maxPosition(contracts).journal(journal)
                    .journalDetail(detail).pollTimeout(Duration.ofMillis(200)).closeComponents(true).build()) {
                result = session.run();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            PerformanceReport m = result.metrics(PerformanceMetrics.periodsPerYear(market.bars().timeframe().length(), 6.5, 252));
            o.printf(Locale.ROOT, "Replayed %,d bars in %.1f s%n", result.equity().length, seconds);
            o.printf(Locale.ROOT, "  final equity %,.2f (return %.2f%%), Sharpe %s, max drawdown %.2f%%%n", result.finalEquity(),
                    100 * m.totalReturn(), TrainCommand.number(m.sharpe(), "%.2f"), 100 * Math.abs(m.maxDrawdown().value()));
            o.printf(Locale.ROOT, "  trades %d (win rate %s), decisions %,d, errors %d%n", result.trades().size(),
                    m.numberOfTrades() == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * m.winRate()), result.decisions(),
                    result.errors());
            Path metrics = writeMetrics(result, m);
            o.println("Journal: " + journalDir.toAbsolutePath());
            o.println("Metrics: " + metrics.toAbsolutePath());
            return Rl.OK;
        } finally {
            if (model != null) {
                model.close();
            }
        }
    }

    private void validate() {
        if (speed != null && !(speed > 0)) {
            throw new UsageError("--speed " + speed + ": give a positive multiple of real time (60 = a minute a second), or leave "
                    + "it out to replay as fast as possible");
        }
        if (!(floor >= 0 && floor <= fastPath && fastPath <= 1)) {
            throw new UsageError("--floor " + floor + " --fast-path " + fastPath + ": they must satisfy 0 <= floor <= fast path <= 1");
        }
        if (!(startingCash > 0)) {
            throw new UsageError("--starting-cash " + startingCash + ": give a positive amount, e.g. 100000");
        }
        if (maxPosition != null && !(maxPosition > 0)) {
            throw new UsageError("--max-position " + maxPosition + ": give a positive number of contracts or shares");
        }
    }

    /**
     * The default chain's settings: a position limit of {@code contracts}; for futures a leverage limit
     * of 5 (one ES contract is about twice a 100,000 account, and the default limit is 1x equity);
     * then the --risk-config file over them.
     */
    private Config riskSettings(Instrument instrument, double contracts) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("max-position", Map.of("limit", contracts));
        if (instrument.assetClass() == AssetClass.FUTURE) {
            defaults.put("max-leverage", Map.of("max-leverage", 5));
        }
        Config base = Config.of(defaults);
        if (riskConfig == null) {
            return base;
        }
        if (!Files.isRegularFile(riskConfig)) {
            throw new UsageError("--risk-config " + riskConfig + ": no such file; give a YAML or JSON file with a section per gate");
        }
        try {
            return ConfigLoader.load(riskConfig).withFallback(base);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--risk-config " + riskConfig + ": " + e.getMessage(), e);
        }
    }

    /** A plug-in by name; an unknown or misconfigured one is a usage error naming the option. */
    private static <T> T create(String option, String name, java.util.function.Supplier<T> factory) {
        try {
            return factory.get();
        } catch (PluginException e) {
            throw UsageError.fromPlugin(option + " " + name, e);
        } catch (IllegalArgumentException e) {
            throw new UsageError(option + " " + name + ": " + e.getMessage(), e);
        }
    }

    /** The run's numbers in the shape of the backtester's {@code metrics.json}, so that {@code rl report} reads both. */
    private Path writeMetrics(SessionResult result, PerformanceReport m) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode all = json.createObjectNode();
        ObjectNode n = all.putObject("paper");
        put(n, "finalEquity", result.finalEquity());
        put(n, "totalReturn", m.totalReturn());
        put(n, "annualReturn", m.annualReturn());
        put(n, "annualVolatility", m.annualVolatility());
        put(n, "sharpe", m.sharpe());
        put(n, "sortino", m.sortino());
        put(n, "maxDrawdown", m.maxDrawdown().value());
        put(n, "calmar", m.calmar());
        put(n, "winRate", m.winRate());
        put(n, "profitFactor", m.profitFactor());
        put(n, "expectancy", m.expectancy());
        put(n, "exposure", m.exposure());
        put(n, "turnover", m.turnover());
        n.put("trades", m.numberOfTrades());
        n.put("bars", m.numberOfPeriods());
        n.put("decisions", result.decisions());
        n.put("errors", result.errors());
        Path file = out.resolve("metrics.json");
        try {
            Files.createDirectories(out);
            Files.writeString(file, json.writeValueAsString(all) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** JSON has no NaN: an undefined metric is null. */
    private static void put(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }
}
