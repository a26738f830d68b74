package io.github.rltrading.examples.twoagents;

import io.github.rltrading.agents.model.ModelInfo;
import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.agents.sac.Sac;
import io.github.rltrading.agents.sac.SacConfig;
import io.github.rltrading.core.SessionResult;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.metrics.PerformanceMetrics;
import io.github.rltrading.core.metrics.PerformanceReport;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.spi.RiskGate;
import io.github.rltrading.core.trading.ClosedTrade;
import io.github.rltrading.core.trading.Portfolio;
import io.github.rltrading.env.bars.MarketHours;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.env.data.MarketData;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.FeatureMatrix;
import io.github.rltrading.env.features.MarketFeatures;
import io.github.rltrading.env.sim.SimBroker;
import io.github.rltrading.env.synthetic.SyntheticMarket;
import io.github.rltrading.env.trading.RowRange;
import io.github.rltrading.env.trading.TradingEnv;
import io.github.rltrading.learning.live.WindowedModelPolicy;
import io.github.rltrading.learning.training.MarketDataSet;
import io.github.rltrading.learning.training.PpoTrainer;
import io.github.rltrading.risk.RiskGates;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two agents, one account: a PPO agent trades a stock (SPY) and a SAC agent trades a 3x leveraged
 * ETF (UPRO); both are trained on the first 60 % of their bars, then traded together on the last
 * 20 % (bars neither saw) through two {@link TradingSession}s that share one {@link Portfolio} and
 * the same risk-gate instances, so cash, equity, leverage and the daily-loss and drawdown breakers
 * are the account's. The sessions are driven on one thread, bar by bar in time order across both
 * instruments, as a shared account requires.
 *
 * <p>What the shared gates see: the account's positions and cash, not the other session's working
 * orders. An order decided on a bar fills at that instrument's next bar, so two entries decided at
 * the same minute are each checked against the account without the other; from the next bar on,
 * every check includes both positions.
 *
 * <pre>
 * bin/mvn -q -pl examples exec:java -Dexec.mainClass=io.github.rltrading.examples.twoagents.TwoAgentApp
 * bin/mvn -q -pl examples exec:java -Dexec.mainClass=io.github.rltrading.examples.twoagents.TwoAgentApp \
 *     -Dexec.args="--stock ../shared/data/spy-1min-2021q3.csv --etf ../shared/data/upro-1min-2021q3.csv"
 * </pre>
 *
 * Without files, both markets are seeded synthetic US-equity sessions (the ETF with three times the
 * volatility). Options: {@code --stock FILE}, {@code --etf FILE} (times with their offsets, as the
 * shared data files have them), {@code --sessions N} (synthetic, 20), {@code --ppo-steps N} (20,000),
 * {@code --sac-steps N} (2,000: SAC updates its networks every step, so it is far slower per step),
 * {@code --out DIR} ({@code runs/two-agents}).
 */
public final class TwoAgentApp {

    private TwoAgentApp() {}

    /** The outcome: the account's curve (either session's: they share the account) and metrics, the account, each agent's trades. */
    public record Result(SessionResult session, PerformanceReport metrics, Portfolio account, List<ClosedTrade> stockTrades,
            List<ClosedTrade> etfTrades, long stockDecisions, long etfDecisions, long errors) {}

    /** Options, parsed. */
    public record Options(String stock, String etf, int sessions, long ppoSteps, long sacSteps, int window, Path out) {

        public static Options parse(String... args) {
            String stock = null;
            String etf = null;
            int sessions = 20;
            long ppoSteps = 20_000;
            long sacSteps = 2_000;
            int window = 8;
            Path out = Path.of("runs", "two-agents");
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw usage("option " + args[i] + " needs a value");
                }
                String v = args[i + 1];
                try {
                    switch (args[i]) {
                        case "--stock" -> stock = v;
                        case "--etf" -> etf = v;
                        case "--sessions" -> sessions = Integer.parseInt(v);
                        case "--ppo-steps" -> ppoSteps = Long.parseLong(v);
                        case "--sac-steps" -> sacSteps = Long.parseLong(v);
                        case "--window" -> window = Integer.parseInt(v);
                        case "--out" -> out = Path.of(v);
                        default -> throw usage("unknown option " + args[i]);
                    }
                } catch (NumberFormatException e) {
                    throw usage("option " + args[i] + " takes a whole number, got '" + v + "'");
                }
            }
            if ((stock == null) != (etf == null)) {
                throw usage("give both --stock and --etf (the account trades them together, over the same dates), or neither");
            }
            return new Options(stock, etf, sessions, ppoSteps, sacSteps, window, out);
        }
    }

    static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "; usage: TwoAgentApp [--stock FILE --etf FILE] [--sessions N] [--ppo-steps N] "
                + "[--sac-steps N] [--window N] [--out DIR]");
    }

    public static void main(String[] args) {
        run(Options.parse(args), System.out);
    }

    /** A stock or ETF: tick 0.01, $0.005 a share with at least $1 an order. */
    static Instrument equity(String symbol) {
        return ContractSpecs.withTypicalCosts(symbol);
    }

    private static MarketDataSet market(String file, Instrument instrument, Options o, long seed, double volatility, double price,
            PrintStream out) {
        if (file == null) {
            SyntheticMarket.Result r = SyntheticMarket.builder().seed(seed).sessions(o.sessions()).instrument(instrument)
                    .hours(MarketHours.US_EQUITY_RTH).firstDate(LocalDate.of(2024, 1, 2)).startPrice(price).baseVolatility(volatility)
                    .build().generate();
            out.printf(Locale.ROOT, "%s: %s (%,d bars)%n", instrument.symbol(), r.label(), r.series().size());
            // The synthetic series is named SYNTHETIC-<symbol> so it is never mistaken for data; the session trades that name.
            return new MarketDataSet(r.series(), equity(r.series().symbol()), "synthetic " + instrument.symbol());
        }
        BarSeries bars = MarketData.load(Path.of(file), LoadOptions.builder().instrument(instrument).lenient(true).build()).series();
        out.printf(Locale.ROOT, "%s: %s (%,d bars)%n", instrument.symbol(), file, bars.size());
        return new MarketDataSet(bars, instrument, Path.of(file).getFileName().toString());
    }

    public static Result run(Options o, PrintStream out) {
        MarketDataSet stock = market(o.stock(), equity("SPY"), o, 11, 0.0004, 430, out);
        MarketDataSet etf = market(o.etf(), equity("UPRO"), o, 12, 0.0012, 115, out);
        double shares = 100; // a full position: 100 shares of each

        out.printf(Locale.ROOT, "%n[1/3] PPO on %s: %,d steps%n", stock.instrument().symbol(), o.ppoSteps());
        PpoTrainer trainer = PpoTrainer.builder().window(o.window()).maxContracts(shares).build();
        PpoConfig ppoConfig = new PpoConfig(3e-4, false, 1024, 64, 4, 0.99, 0.95, 0.2, 0.0, 0.5, 0.5, true, 1, new int[] {64, 64}, 1);
        Path ppoDir = trainer.train(stock, ppoConfig, null, o.ppoSteps(), o.out().resolve("ppo-" + stock.instrument().symbol()))
                .directory();

        out.printf(Locale.ROOT, "[2/3] SAC on %s: %,d steps%n", etf.instrument().symbol(), o.sacSteps());
        Path sacDir = trainSac(etf, trainer, o, shares, out);

        out.printf(Locale.ROOT, "[3/3] Both agents on one account and one risk chain, on the last 20 %% of the bars%n");
        // One list of gate instances for both sessions: the breakers count the account's losses, not one agent's.
        List<RiskGate> gates = RiskGates.defaultGates(Config.of(Map.of("max-position", Map.of("limit", shares))));
        int stockFrom = Math.max(0, trainer.range(stock, PpoTrainer.Segment.TEST).from() - trainer.warmUp());
        int etfFrom = Math.max(0, trainer.range(etf, PpoTrainer.Segment.TEST).from() - trainer.warmUp());
        return tradeTogether(stock, new WindowedModelPolicy(Ppo.load(ppoDir), shares, stock.instrument().tickSize()), stockFrom, etf,
                new WindowedModelPolicy(Sac.load(sacDir), shares, etf.instrument().tickSize()), etfFrom, gates, shares, o.out(), out);
    }

    /**
     * Trades both policies on one account ({@code 100,000}) behind {@code gates} (shared instances),
     * from bar {@code stockFrom} and {@code etfFrom} of each series to its end, in time order.
     */
    static Result tradeTogether(MarketDataSet stock, Policy stockPolicy, int stockFrom, MarketDataSet etf, Policy etfPolicy, int etfFrom,
            List<RiskGate> gates, double shares, Path dir, PrintStream out) {
        Portfolio account = new Portfolio(100_000, "USD");
        try (TradingSession spy = session("two-agents-" + stock.instrument().symbol(), stock.instrument(), stockPolicy, gates, account,
                shares, dir);
                TradingSession upro = session("two-agents-" + etf.instrument().symbol(), etf.instrument(), etfPolicy, gates, account,
                        shares, dir)) {
            spy.start();
            upro.start();
            BarSeries a = stock.bars();
            BarSeries b = etf.bars();
            int i = stockFrom;
            int j = etfFrom;
            // Bar by bar in time order across both instruments: the account sees one timeline.
            while (i < a.size() || j < b.size()) {
                boolean stockNext = j >= b.size() || (i < a.size() && a.endMillis(i) <= b.endMillis(j));
                if (stockNext) {
                    spy.onBar(a.bar(i++));
                } else {
                    upro.onBar(b.bar(j++));
                }
            }
            SessionResult spyResult = spy.finish();
            SessionResult uproResult = upro.finish();
            // Both record the account's equity; the one that saw the last bar holds the whole curve's end.
            boolean stockLast = a.endMillis(a.size() - 1) > b.endMillis(b.size() - 1);
            SessionResult accountCurve = stockLast ? spyResult : uproResult;
            PerformanceReport m = accountCurve.metrics(PerformanceMetrics.periodsPerYear(Duration.ofMinutes(1), 6.5, 252));
            List<ClosedTrade> stockTrades = account.closedTrades().stream().filter(t -> t.symbol().equals(stock.instrument().symbol()))
                    .toList();
            List<ClosedTrade> etfTrades = account.closedTrades().stream().filter(t -> t.symbol().equals(etf.instrument().symbol()))
                    .toList();
            out.printf(Locale.ROOT, "      account: equity %,.2f (from 100,000.00), max drawdown %.2f%%, %d trades%n", account.equity(),
                    100 * Math.abs(m.maxDrawdown().value()), account.closedTrades().size());
            out.printf(Locale.ROOT, "      %-14s %,d decisions, %d trades, P&L %,.2f, %d errors%n", stock.instrument().symbol(),
                    spyResult.decisions(), stockTrades.size(), stockTrades.stream().mapToDouble(ClosedTrade::netPnl).sum(),
                    spyResult.errors());
            out.printf(Locale.ROOT, "      %-14s %,d decisions, %d trades, P&L %,.2f, %d errors%n", etf.instrument().symbol(),
                    uproResult.decisions(), etfTrades.size(), etfTrades.stream().mapToDouble(ClosedTrade::netPnl).sum(),
                    uproResult.errors());
            out.printf(Locale.ROOT, "      journals in %s%n", dir.toAbsolutePath());
            return new Result(accountCurve, m, account, stockTrades, etfTrades, spyResult.decisions(), uproResult.decisions(),
                    spyResult.errors() + uproResult.errors());
        }
    }

    private static Path trainSac(MarketDataSet etf, PpoTrainer trainer, Options o, double shares, PrintStream out) {
        FeatureMatrix features = MarketFeatures.compute(etf.bars(), FeatureConfig.DEFAULT);
        RowRange train = trainer.range(etf, PpoTrainer.Segment.TRAIN);
        TradingEnv env = TradingEnv.builder(features, etf.bars(), etf.instrument()).range(train).window(o.window())
                .episodeLength(Math.min(390, train.size() - features.firstValidRow() - o.window() - 2)).maxContracts(shares).build();
        SacConfig config = new SacConfig(3e-4, 100_000, 200, 64, 0.005, 0.99, new int[] {64, 64}, 1);
        Path dir = o.out().resolve("sac-" + etf.instrument().symbol());
        try (Sac sac = new Sac(config, env.observationSize(), env.actionSpace())) {
            long[] lastPrint = {System.nanoTime()};
            sac.learn(env, o.sacSteps(), p -> {
                if (System.nanoTime() - lastPrint[0] > 5_000_000_000L || p.steps() >= o.sacSteps()) {
                    lastPrint[0] = System.nanoTime();
                    out.printf(Locale.ROOT, "      %,6d steps  %,5.0f steps/s  mean episode return %+.4f%n", p.steps(), p.stepsPerSecond(),
                            p.meanEpisodeReturn());
                }
            });
            sac.save(dir, new ModelInfo(features.featureSetId(), features.hash(), Map.of(), etf.label() + " rows " + train.from() + "-"
                    + train.to() + " (window " + o.window() + ")", Map.of()));
        }
        return dir;
    }

    private static TradingSession session(String id, Instrument instrument, Policy policy, List<RiskGate> gates, Portfolio account,
            double shares, Path dir) {
        return TradingSession.builder().sessionId(id).instrument(instrument).features(new MarketFeatures(FeatureConfig.DEFAULT))
                .policy(policy).riskGates(gates).broker(new SimBroker()).portfolio(account).maxPosition(shares)
                .journal(Journal.jsonLines(dir.resolve("journal-" + instrument.symbol())).open()).closeComponents(true).build();
    }
}
