package io.github.rltrading.benchmarks;

import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.journal.SyncPolicy;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.env.backtest.Baselines;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.MarketFeatures;
import io.github.rltrading.env.sim.ExecutionModel;
import io.github.rltrading.env.sim.ReplayFeed;
import io.github.rltrading.env.sim.SimBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The decision loop alone (replay, features, EMA-cross rules policy, simulated broker; no run
 * folder) over 200,000 synthetic ES minutes, three ways: no journal, a journal forced to disk on
 * close ({@code onClose}), and one left to the operating system ({@code buffered}, what the backtester
 * uses); and first the journal alone, writing the same two events per bar. Prints bars/s per run.
 *
 * <pre>
 * bin/mvn -q -pl benchmarks exec:exec -Dbench.main=io.github.rltrading.benchmarks.JournalThroughputCheck -Djmh.args=
 * </pre>
 */
public final class JournalThroughputCheck {

    private JournalThroughputCheck() {}

    public static void main(String[] args) throws IOException {
        BarSeries bars = BenchData.minutes(200_000, 5);
        var es = io.github.rltrading.core.market.Instrument.builder(bars.symbol(),
                io.github.rltrading.core.market.AssetClass.FUTURE).tickSize(0.25).pointValue(50).build();
        for (int rep = 1; rep <= 3; rep++) {
            // The journal alone: the same two events per bar, without the session around them.
            Path alone = Files.createTempDirectory("journal-alone");
            long a0 = System.nanoTime();
            try (Journal j = Journal.jsonLines(alone).syncPolicy(SyncPolicy.buffered()).open()) {
                for (int i = 0; i < bars.size(); i++) {
                    java.time.Instant t = bars.endTime(i);
                    String end = io.github.rltrading.core.util.IsoTime.format(t);
                    double c = bars.close(i);
                    j.append(io.github.rltrading.core.journal.EventType.BAR, "session", t, out -> out.string("symbol", "ES")
                            .string("timeframe", "1m").string("end", end).number("open", c).number("high", c)
                            .number("low", c).number("close", c).number("volume", 1479.0));
                    j.append(io.github.rltrading.core.journal.EventType.DECISION, "session", t, out -> out
                            .string("barTime", end).string("route", "FAST_PATH").number("position", 1.0)
                            .number("pendingQuantity", 0.0).number("featureCount", 71L).object("decision")
                            .object("action").numbers("values", new float[] {1f}).end().number("targetPosition", 1.0)
                            .number("confidence", 1.0).string("rationale", "buy and hold").string("source", "buy-and-hold")
                            .end());
                }
            }
            double as = (System.nanoTime() - a0) / 1e9;
            System.out.printf(Locale.ROOT, "run %d journal alone : %,.0f bars/s (%.2f s)%n", rep, bars.size() / as, as);
            try (Stream<Path> walk = Files.walk(alone)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            for (String mode : new String[] {"none", "onClose", "buffered"}) {
                Path dir = Files.createTempDirectory("journal-check");
                MarketFeatures features = new MarketFeatures(FeatureConfig.DEFAULT);
                Policy policy = Baselines.emaCross(features.names());
                Journal journal = switch (mode) {
                    case "none" -> Journal.noop();
                    case "onClose" -> Journal.jsonLines(dir).syncPolicy(SyncPolicy.onClose()).open();
                    default -> Journal.jsonLines(dir).syncPolicy(SyncPolicy.buffered()).open();
                };
                long t0 = System.nanoTime();
                try (journal; TradingSession s = TradingSession.builder().instrument(es).feed(ReplayFeed.of(bars, es))
                        .features(features).policy(policy).broker(new SimBroker(ExecutionModel.DEFAULT)).journal(journal)
                        .build()) {
                    s.run();
                }
                double seconds = (System.nanoTime() - t0) / 1e9; // includes writing out the journal on close
                long bytes;
                try (Stream<Path> files = Files.list(dir)) {
                    bytes = files.mapToLong(p -> p.toFile().length()).sum();
                }
                System.out.printf(Locale.ROOT, "run %d %-14s: %,.0f bars/s (%.2f s, journal %.1f MB)%n", rep, mode,
                        bars.size() / seconds, seconds, bytes / 1e6);
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
