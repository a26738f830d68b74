package io.github.rltrading.benchmarks;

import io.github.rltrading.agents.model.ModelInfo;
import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.agents.sac.Sac;
import io.github.rltrading.agents.sac.SacConfig;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.CommissionModel;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.metrics.PerformanceReport;
import io.github.rltrading.env.backtest.Backtester;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.env.data.MarketData;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.FeatureMatrix;
import io.github.rltrading.env.features.MarketFeatures;
import io.github.rltrading.env.trading.RowRange;
import io.github.rltrading.env.trading.TradingEnv;
import io.github.rltrading.learning.live.WindowedModelPolicy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The ES walk-forward run of issue 5: continuous PPO and SAC trained on January–February 2020 of
 * {@code es-1min-rth-2020.csv}, checked on March, and tested on April against buy-and-hold, flat and
 * the EMA cross, with ES costs ($2.25 commission per contract per side, one tick of slippage, fills
 * at the next bar's open), through the backtester's run folder and report.
 *
 * <pre>
 * bin/mvn -q -pl benchmarks exec:exec -Dbench.main=io.github.rltrading.benchmarks.EsWalkForwardReport \
 *     -Dbench.jvm="--enable-native-access=ALL-UNNAMED -Dai.djl.offline=true" \
 *     -Djmh.args="../../shared/data/es-1min-rth-2020.csv ../runs/es-walk-forward 100000 5000"   # paths from benchmarks/
 * </pre>
 *
 * Arguments: the data file, the output folder, PPO steps (100,000), SAC steps (5,000: SAC updates
 * every step and trains about two orders of magnitude slower per step on this observation). Steps of
 * 0 reuse the models an earlier run saved in the output folder and only backtest them.
 */
public final class EsWalkForwardReport {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int WINDOW = 16;

    private EsWalkForwardReport() {}

    /** The first row at or after the start of {@code date} (New York). */
    static int rowAt(BarSeries bars, LocalDate date) {
        long t = date.atStartOfDay(NEW_YORK).toInstant().toEpochMilli();
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.endMillis(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/es-1min-rth-2020.csv");
        Path out = Path.of(args.length > 1 ? args[1] : "runs/es-walk-forward");
        long ppoSteps = args.length > 2 ? Long.parseLong(args[2]) : 100_000;
        long sacSteps = args.length > 3 ? Long.parseLong(args[3]) : 5_000;
        Instrument es = ContractSpecs.ES.withCommission(CommissionModel.perUnit(2.25, 0));
        BarSeries bars = MarketData.load(file, LoadOptions.builder().zone("America/New_York").instrument(es).build()).series();
        int march = rowAt(bars, LocalDate.of(2020, 3, 1));
        int april = rowAt(bars, LocalDate.of(2020, 4, 1));
        int may = rowAt(bars, LocalDate.of(2020, 5, 1));
        RowRange train = new RowRange(0, march);
        FeatureMatrix features = MarketFeatures.compute(bars, FeatureConfig.DEFAULT);
        System.out.printf(Locale.ROOT, "%s: %,d bars; train Jan-Feb rows 0-%d, validate March rows %d-%d, test April rows %d-%d%n",
                file.getFileName(), bars.size(), march, march, april, april, may);

        Supplier<TradingEnv> env = () -> TradingEnv.builder(features, bars, es).range(train).window(WINDOW).episodeLength(390)
                .maxContracts(1).build();
        TradingEnv probe = env.get();
        ModelInfo info = new ModelInfo(features.featureSetId(), features.hash(), Map.of(), file.getFileName() + " Jan-Feb 2020", Map.of());

        long t0 = System.nanoTime();
        Path ppoDir = out.resolve("ppo");
        Path sacDir = out.resolve("sac");
        if (ppoSteps == 0 && sacSteps == 0) {
            System.out.println("steps 0: backtesting the models saved in " + ppoDir + " and " + sacDir);
        } else {
            train(env, probe, info, ppoDir, sacDir, ppoSteps, sacSteps);
        }
        int warm = new MarketFeatures(FeatureConfig.DEFAULT).warmUpBars() + WINDOW;
        report("validation (March)", bars, Math.max(0, march - warm), april, es, ppoDir, sacDir, out.resolve("validation-march"));
        report("test (April)", bars, Math.max(0, april - warm), may, es, ppoDir, sacDir, out.resolve("test-april"));
    }

    private static void train(Supplier<TradingEnv> env, TradingEnv probe, ModelInfo info, Path ppoDir, Path sacDir, long ppoSteps,
            long sacSteps) {
        long t0 = System.nanoTime();
        PpoConfig ppoConfig = new PpoConfig(3e-4, false, 2048, 64, 10, 0.99, 0.95, 0.2, 0.0, 0.5, 0.5, true, 1, new int[] {64, 64}, 1);
        try (Ppo ppo = new Ppo(ppoConfig, probe.observationSize(), probe.actionSpace())) {
            ppo.learn(i -> env.get(), ppoSteps, p -> System.out.printf(Locale.ROOT, "  ppo %,8d steps %,6.0f steps/s mean return %+.4f%n",
                    p.steps(), p.stepsPerSecond(), p.meanEpisodeReturn()));
            ppo.save(ppoDir, info);
        }
        double ppoSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        SacConfig sacConfig = new SacConfig(3e-4, 200_000, 1000, 256, 0.005, 0.99, new int[] {64, 64}, 1);
        try (Sac sac = new Sac(sacConfig, probe.observationSize(), probe.actionSpace())) {
            long[] last = {System.nanoTime()};
            sac.learn(env.get(), sacSteps, p -> {
                if (System.nanoTime() - last[0] > 15_000_000_000L) {
                    last[0] = System.nanoTime();
                    System.out.printf(Locale.ROOT, "  sac %,8d steps %,6.1f steps/s mean return %+.4f%n", p.steps(), p.stepsPerSecond(),
                            p.meanEpisodeReturn());
                }
            });
            sac.save(sacDir, info);
        }
        double sacSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "trained PPO %,d steps in %.0f s, SAC %,d steps in %.0f s%n", ppoSteps, ppoSeconds, sacSteps,
                sacSeconds);
    }

    private static void report(String label, BarSeries bars, int from, int to, Instrument es, Path ppoDir, Path sacDir, Path dir) {
        BarSeries slice = bars.prefix(to).tail(to - from);
        {
            // Baselines and both agents over the same bars (warm-up bars first: the features' and the window's). The
            // policies own their loaded agents and close them when their session ends.
            Backtester.BacktestResult result = Backtester.builder(slice, es).dataLabel("es-1min-rth-2020 " + label).seed(1).outputDir(dir)
                    .maxPosition(1).policy("ppo", names -> new WindowedModelPolicy(Ppo.load(ppoDir), 1, es.tickSize())).build().run();
            Backtester.BacktestResult sacResult = Backtester.builder(slice, es).dataLabel("es-1min-rth-2020 " + label).seed(1)
                    .baselines(false).outputDir(dir.resolve("sac")).maxPosition(1)
                    .policy("sac", names -> new WindowedModelPolicy(Sac.load(sacDir), 1, es.tickSize())).build().run();
            System.out.printf(Locale.ROOT, "%n%s, %s%n  %-14s %9s %8s %8s %7s %9s %14s%n", label, dir.resolve("report.html"), "policy", "return",
                    "Sharpe", "max DD", "trades", "win rate", "mean |target|");
            print(result.runs().get("ppo"));
            print(sacResult.runs().get("sac"));
            for (String name : new String[] {"buy-and-hold", "flat", "ema-cross"}) {
                print(result.runs().get(name));
            }
        }
    }

    private static void print(Backtester.PolicyRun r) {
        PerformanceReport m = r.metrics();
        // How far from flat the policy wanted to be: a target under half a contract rounds to no position at all.
        double meanTarget = r.decisions().stream().mapToDouble(d -> Math.abs(d.target())).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "  %-14s %8.2f%% %8s %7.2f%% %7d %8s %14s%n", r.name(), 100 * m.totalReturn(),
                Double.isFinite(m.sharpe()) ? String.format(Locale.ROOT, "%.2f", m.sharpe()) : "n/a", 100 * Math.abs(m.maxDrawdown().value()),
                m.numberOfTrades(), Double.isFinite(m.winRate()) ? String.format(Locale.ROOT, "%.1f%%", 100 * m.winRate()) : "n/a",
                Double.isFinite(meanTarget) ? String.format(Locale.ROOT, "%.3f", meanTarget) : "n/a");
    }
}
