package io.github.rltrading.env.backtest;

import io.github.rltrading.core.market.AssetClass;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.env.bars.MarketHours;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.env.data.LoadedBars;
import io.github.rltrading.env.data.MarketData;
import io.github.rltrading.env.synthetic.SyntheticMarket;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Backtests the baselines (buy-and-hold, flat, EMA cross) on a data file, or on a synthetic ES
 * market when none is given, and writes the run folder with its HTML report.
 *
 * <pre>
 * bin/quickstart                                             # synthetic ES, runs/backtest
 * bin/quickstart --data ../shared/data/es-1min-rth-2020.csv --zone America/New_York --out runs/es-2020
 * </pre>
 *
 * Options: {@code --data FILE} (NinjaTrader or CSV, format detected), {@code --zone ZONE} for files in
 * local time, {@code --symbol ES} (instrument; ES by default), {@code --out DIR} ({@code runs/backtest}),
 * {@code --sessions N} and {@code --seed N} for the synthetic market, {@code --max-position N}
 * (contracts or shares a full position means: 1 for futures, 100 for stocks by default). A symbol
 * that is not a known futures contract is traded as a stock or ETF (tick 0.01, $0.005 a share).
 */
public final class BacktestMain {

    private BacktestMain() {}

    public static void main(String[] args) {
        String data = null;
        String zone = "UTC";
        String symbol = "ES";
        Path out = Path.of("runs", "backtest");
        int sessions = 60;
        long seed = 1;
        double maxPosition = Double.NaN;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw usage("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--data" -> data = v;
                case "--zone" -> zone = v;
                case "--symbol" -> symbol = v;
                case "--out" -> out = Path.of(v);
                case "--sessions" -> sessions = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--max-position" -> maxPosition = Double.parseDouble(v);
                default -> throw usage("unknown option " + a);
            }
        }
        // A known futures contract ($2.25 a side), else a stock or ETF (tick 0.01, $0.005 a share, minimum $1).
        Instrument instrument = ContractSpecs.withTypicalCosts(symbol);
        if (Double.isNaN(maxPosition)) {
            maxPosition = instrument.assetClass() == AssetClass.FUTURE ? 1 : 100;
        }
        BarSeries bars;
        String label;
        if (data == null) {
            SyntheticMarket.Result r = SyntheticMarket.builder().seed(seed).sessions(sessions).instrument(instrument)
                    .hours(MarketHours.CME_GLOBEX).build().generate();
            bars = r.series();
            label = r.label();
            System.out.println("No --data given: using a " + label);
        } else {
            LoadedBars loaded = MarketData.load(Path.of(data), LoadOptions.builder().zone(zone).instrument(instrument)
                    .lenient(true).build());
            System.out.println(loaded.report().summary());
            bars = loaded.series();
            label = Path.of(data).getFileName().toString();
        }
        long t0 = System.nanoTime();
        Backtester.BacktestResult result = Backtester.builder(bars, instrument).dataLabel(label).seed(seed).outputDir(out)
                .maxPosition(maxPosition).build().run();
        System.out.printf(Locale.ROOT, "%d bars, %d policies in %.1f s%n", bars.size(), result.runs().size(),
                (System.nanoTime() - t0) / 1e9);
        for (Backtester.PolicyRun r : result.runs().values()) {
            System.out.printf(Locale.ROOT, "  %-14s final equity %,12.2f  return %7.2f%%  Sharpe %6s  max drawdown %7.2f%%  fills %d%s%n",
                    r.name(), r.session().finalEquity(), 100 * r.metrics().totalReturn(), Double.isFinite(r.metrics().sharpe()) ? String.format(Locale.ROOT, "%.2f", r.metrics().sharpe()) : "n/a",
                    100 * r.metrics().maxDrawdown().value(), r.fills().size(),
                    r.wipedOutAtBar() >= 0 ? "  (account wiped out at bar " + r.wipedOutAtBar() + ")" : "");
        }
        System.out.println("Report: " + out.resolve("report.html").toAbsolutePath());
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "; usage: [--data FILE] [--zone ZONE] [--symbol ES] [--out DIR] "
                + "[--sessions N] [--seed N] [--max-position N]");
    }
}
