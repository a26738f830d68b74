package io.github.rltrading.examples.quickstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.agents.model.AgentPolicy;
import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.SessionResult;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.DecisionGate;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.metrics.PerformanceMetrics;
import io.github.rltrading.core.metrics.PerformanceReport;
import io.github.rltrading.env.backtest.Backtester;
import io.github.rltrading.env.bars.MarketHours;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.env.data.LoadedBars;
import io.github.rltrading.env.data.MarketData;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.MarketFeatures;
import io.github.rltrading.env.sim.ReplayFeed;
import io.github.rltrading.env.synthetic.SyntheticMarket;
import io.github.rltrading.env.trading.EnvObservationPolicy;
import io.github.rltrading.env.trading.RowRange;
import io.github.rltrading.learning.training.MarketDataSet;
import io.github.rltrading.learning.training.PpoTrainer;
import io.github.rltrading.risk.RiskGates;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The quickstart, the README's main job: the whole system on a fresh clone with no services and no
 * network.
 *
 * <ol>
 *   <li>Data: a seeded synthetic ES market (clearly labelled as not real) or {@code --data FILE}
 *       (a NinjaTrader export or CSV).</li>
 *   <li>Training: a continuous-action PPO agent (target position in [-1, 1]) on the first 60 % of
 *       the bars, with a bounded step budget and a progress line per update.</li>
 *   <li>Walk-forward backtest: the trained agent, buy-and-hold, flat and the EMA-cross rules policy
 *       on the last 20 % of the bars, which training never saw; the run folder gets the manifest,
 *       {@code metrics.json}, {@code equity.csv}, {@code trades.csv}, the journal and
 *       {@code report.html}.</li>
 *   <li>Paper trading: the same agent replayed bar by bar through a real {@code TradingSession} with
 *       the simulated broker, the rules reasoner and the default risk chain, journaled.</li>
 * </ol>
 *
 * <pre>
 * bin/quickstart                                    # synthetic ES, about 2 minutes on 2 cores
 * bin/quickstart --data ../shared/data/es-1min-rth-2020.csv --zone America/New_York
 * </pre>
 *
 * Options: {@code --data FILE}, {@code --zone ZONE}, {@code --symbol ES}, {@code --sessions N}
 * (synthetic, 40), {@code --steps N} (PPO training steps, 20,000), {@code --seed N}, {@code --out DIR}
 * ({@code runs/<time>}).
 */
public final class QuickstartApp {

    private QuickstartApp() {}

    /** What the quickstart produced. */
    public record Summary(Path runDirectory, Path report, Map<String, PerformanceReport> backtest, SessionResult paper,
            double trainingStepsPerSecond) {}

    /** The options, parsed. */
    record Options(String data, String zone, String symbol, int sessions, long steps, long seed, Path out, int window) {

        static Options parse(String... args) {
            String data = null;
            String zone = "UTC";
            String symbol = "ES";
            int sessions = 40;
            long steps = 20_000;
            long seed = 1;
            int window = 16;
            Path out = Path.of("runs", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    throw new IllegalArgumentException("help");
                }
                if (i + 1 >= args.length) {
                    throw usage("option " + a + " needs a value");
                }
                String v = args[++i];
                try {
                    switch (a) {
                        case "--data" -> data = v;
                        case "--zone" -> zone = v;
                        case "--symbol" -> symbol = v;
                        case "--sessions" -> sessions = Integer.parseInt(v);
                        case "--steps" -> steps = Long.parseLong(v);
                        case "--seed" -> seed = Long.parseLong(v);
                        case "--window" -> window = Integer.parseInt(v);
                        case "--out" -> out = Path.of(v);
                        default -> throw usage("unknown option " + a);
                    }
                } catch (NumberFormatException e) {
                    throw usage("option " + a + " takes a whole number, got '" + v + "'");
                }
            }
            if (steps < 512) {
                throw usage("--steps must be at least 512 (one PPO rollout), got " + steps);
            }
            if (sessions < 10) {
                throw usage("--sessions must be at least 10 (training, validation and test need bars), got " + sessions);
            }
            return new Options(data, zone, symbol, sessions, steps, seed, out, window);
        }
    }

    static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "; usage: bin/quickstart [--data FILE] [--zone ZONE] [--symbol ES] "
                + "[--sessions N] [--steps N] [--seed N] [--window N] [--out DIR]");
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage().equals("help") ? usage("the quickstart").getMessage() : e.getMessage());
            System.exit(e.getMessage().equals("help") ? 0 : 2);
            return;
        }
        run(options, System.out);
    }

    /** Runs every step, printing progress and the summary to {@code out}. */
    public static Summary run(Options o, PrintStream out) {
        long t0 = System.nanoTime();
        MarketDataSet data = data(o, out);
        int rows = data.bars().size();
        PpoTrainer trainer = PpoTrainer.builder().window(o.window()).episodeLength(390).maxContracts(1)
                .progress(p -> out.printf(Locale.ROOT, "      %,8d steps  %,7.0f steps/s  mean episode return %+.4f  (%d episodes)%n",
                        p.steps(), p.stepsPerSecond(), p.meanEpisodeReturn(), p.episodes()))
                .build();
        RowRange train = trainer.range(data, PpoTrainer.Segment.TRAIN);
        RowRange test = trainer.range(data, PpoTrainer.Segment.TEST);

        out.printf(Locale.ROOT, "%n[1/3] Training a PPO agent (continuous position sizing) for %,d steps on bars %,d-%,d%n", o.steps(),
                train.from(), train.to());
        PpoConfig config = new PpoConfig(3e-4, false, 1024, 64, 4, 0.99, 0.95, 0.2, 0.0, 0.5, 0.5, true, 1, new int[] {64, 64},
                o.seed());
        Path modelDir = o.out().resolve("model");
        PpoTrainer.TrainedModel model = trainer.train(data, config, null, o.steps(), modelDir);
        double stepsPerSecond = o.steps() / model.seconds();
        out.printf(Locale.ROOT, "      saved to %s (%.0f s, %,.0f steps/s)%n", modelDir, model.seconds(), stepsPerSecond);

        out.printf(Locale.ROOT, "%n[2/3] Walk-forward backtest on bars %,d-%,d, which training never saw, against the baselines%n",
                test.from(), test.to());
        int from = Math.max(0, test.from() - trainer.warmUp()); // the features' warm-up and the window: decisions start at test.from()
        BarSeries testBars = data.slice(from, rows);
        Backtester.BacktestResult backtest;
        Map<String, PerformanceReport> metrics = new java.util.LinkedHashMap<>();
        try (Ppo ppo = Ppo.load(modelDir)) {
            backtest = Backtester.builder(testBars, data.instrument()).dataLabel(data.label() + " (test range)").seed(o.seed())
                    .outputDir(o.out().resolve("backtest")).maxPosition(1)
                    .policy("ppo", names -> new EnvObservationPolicy(AgentPolicy.of(ppo, true), o.window(), names.size(), 1,
                            data.instrument().tickSize()))
                    .build().run();
        }
        out.printf(Locale.ROOT, "      %-14s %14s %9s %8s %9s %7s%n", "policy", "final equity", "return", "Sharpe", "max DD", "trades");
        for (Backtester.PolicyRun r : backtest.runs().values()) {
            PerformanceReport m = r.metrics();
            metrics.put(r.name(), m);
            out.printf(Locale.ROOT, "      %-14s %,14.2f %8.2f%% %8s %8.2f%% %7d%n", r.name(), r.session().finalEquity(),
                    100 * m.totalReturn(), Double.isFinite(m.sharpe()) ? String.format(Locale.ROOT, "%.2f", m.sharpe()) : "n/a",
                    100 * Math.abs(m.maxDrawdown().value()), m.numberOfTrades());
        }

        out.printf(Locale.ROOT, "%n[3/3] Paper trading: the agent replayed bar by bar through a TradingSession "
                + "(simulated broker, rules reasoner, default risk chain)%n");
        SessionResult paper = paper(o, data, testBars, modelDir);
        var pm = paper.metrics(PerformanceMetrics.periodsPerYear(data.bars().timeframe().length(), 6.5, 252));
        out.printf(Locale.ROOT, "      %,d decisions, %d trades, final equity %,.2f, Sharpe %s, max drawdown %.2f%%; journal in %s%n",
                paper.decisions(), paper.trades().size(), paper.finalEquity(),
                Double.isFinite(pm.sharpe()) ? String.format(Locale.ROOT, "%.2f", pm.sharpe()) : "n/a",
                100 * Math.abs(pm.maxDrawdown().value()), o.out().resolve("paper"));
        writeSummary(o, data, metrics, paper, stepsPerSecond);

        Path report = o.out().resolve("backtest").resolve("report.html").toAbsolutePath();
        out.printf(Locale.ROOT, "%nDone in %.0f s. Run folder: %s%nReport: %s%n", (System.nanoTime() - t0) / 1e9,
                o.out().toAbsolutePath(), report);
        if (data.bars().symbol().startsWith(SyntheticMarket.SYMBOL_PREFIX)) {
            out.println("These numbers come from synthetic data: they show the pipeline works, not that the agent makes money.");
        }
        return new Summary(o.out(), report, metrics, paper, stepsPerSecond);
    }

    private static MarketDataSet data(Options o, PrintStream out) {
        Instrument instrument = ContractSpecs.withTypicalCosts(o.symbol());
        if (o.data() == null) {
            SyntheticMarket.Result r = SyntheticMarket.builder().seed(o.seed()).sessions(o.sessions()).instrument(instrument)
                    .hours(MarketHours.US_EQUITY_RTH).firstDate(LocalDate.of(2024, 1, 2)).build().generate();
            out.printf(Locale.ROOT, "No --data given: %s (%,d bars)%n", r.label(), r.series().size());
            return new MarketDataSet(r.series(), instrument, "synthetic ES seed " + o.seed());
        }
        LoadedBars loaded = MarketData.load(Path.of(o.data()), LoadOptions.builder().zone(o.zone()).instrument(instrument).lenient(true)
                .build());
        out.println(loaded.report().summary());
        return new MarketDataSet(loaded.series(), instrument, Path.of(o.data()).getFileName().toString());
    }

    /** The agent through a live-style session: replay feed, sim broker, rules reasoner, default risk chain. */
    private static SessionResult paper(Options o, MarketDataSet data, BarSeries bars, Path modelDir) {
        Plugins plugins = Plugins.load();
        Config choices = Config.of(Map.of("broker", Map.of("name", "sim"), "reasoner", Map.of("name", "rules")));
        int columns = MarketFeatures.compute(bars.prefix(Math.min(bars.size(), 200)), FeatureConfig.DEFAULT).columns();
        // A fresh continuous PPO agent is about 50 % sure of its action (confidence 1 / (1 + std)); the gate asks the
        // reasoner between 30 % and 90 % and needs 50 % combined to add risk, so the rules reasoner has a real say.
        DecisionGate gate = DecisionGate.builder().fastPath(0.9).floor(0.3).minCombined(0.5).deadline(Duration.ofSeconds(2)).build();
        try (TradingSession session = TradingSession.builder()
                .sessionId("quickstart-paper")
                .instrument(data.instrument())
                .feed(ReplayFeed.of(bars, data.instrument()))
                .features(new MarketFeatures(FeatureConfig.DEFAULT))
                .policy(new EnvObservationPolicy(AgentPolicy.of(Ppo.load(modelDir), true), o.window(), columns, 1,
                        data.instrument().tickSize()))
                .decisionGate(gate)
                .reasoner(plugins.reasoner(choices))
                .riskGates(RiskGates.defaultGates(Config.of(Map.of("max-leverage", Map.of("max-leverage", 5)))))
                .broker(plugins.broker(choices))
                .startingCash(100_000).maxPosition(1)
                .journal(Journal.jsonLines(o.out().resolve("paper")).open())
                .pollTimeout(Duration.ofMillis(1))
                .closeComponents(true)
                .build()) {
            return session.run();
        }
    }

    private static void writeSummary(Options o, MarketDataSet data, Map<String, PerformanceReport> metrics, SessionResult paper,
            double stepsPerSecond) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("data", data.label());
        root.put("bars", data.bars().size());
        root.put("trainingSteps", o.steps());
        root.put("trainingStepsPerSecond", stepsPerSecond);
        root.put("seed", o.seed());
        ObjectNode bt = root.putObject("backtest");
        metrics.forEach((name, m) -> bt.putObject(name).put("totalReturn", m.totalReturn()).put("sharpe", m.sharpe())
                .put("maxDrawdown", m.maxDrawdown().value()).put("trades", m.numberOfTrades()));
        root.putObject("paper").put("finalEquity", paper.finalEquity()).put("decisions", paper.decisions())
                .put("trades", paper.trades().size()).put("errors", paper.errors());
        try {
            Files.writeString(o.out().resolve("summary.json"), json.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + o.out().resolve("summary.json") + ": " + e.getMessage(), e);
        }
    }
}
