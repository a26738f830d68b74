package io.github.rltrading.benchmarks;

import io.github.rltrading.core.journal.JournalDetail;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.env.backtest.Backtester;
import io.github.rltrading.env.backtest.Baselines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Backtest speed: the EMA-cross rules policy over 100,000 synthetic ES minutes through
 * {@code TradingSession} + replay feed + {@code SimBroker} with features, with and without the
 * journal at both levels (target: 1,000,000 bars/s with the journal on). The policy declares the two
 * feature columns it reads, so only those are computed; {@code emaCrossWithJournalAllFeatures}
 * computes all 71. Score: bars per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class BacktestBenchmark {

    static final int BARS = 100_000;

    private BarSeries bars;
    private Path dir;

    @Setup
    public void build() throws IOException {
        bars = BenchData.minutes(BARS, 5);
        dir = Files.createTempDirectory("bt-bench");
    }

    @TearDown
    public void clean() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private double run(boolean journal, JournalDetail detail) {
        return run(journal, detail, Baselines.EMA_CROSS_COLUMNS);
    }

    /** The EMA cross alone; {@code columns} null computes all 71 features, as a model would need. */
    private double run(boolean journal, JournalDetail detail, List<String> columns) {
        Backtester.Builder b = Backtester.builder(bars, ContractSpecs.ES).baselines(false);
        if (columns == null) {
            b.policy("ema-cross", Baselines::emaCross);
        } else {
            b.policy("ema-cross", columns, Baselines::emaCross);
        }
        return b.journal(journal).journalDetail(detail).outputDir(journal ? dir.resolve("run") : null).build().run()
                .run("ema-cross").session().finalEquity();
    }

    /** The backtester's default: journal at {@link JournalDetail#CHANGES}, run folder and report written. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public double emaCrossWithJournal() {
        return run(true, JournalDetail.CHANGES);
    }

    /** Every bar and decision journalled ({@link JournalDetail#ALL}), run folder and report written. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public double emaCrossWithFullJournal() {
        return run(true, JournalDetail.ALL);
    }

    /** The default journal and run folder, but every feature computed (the policy does not declare the two it reads). */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public double emaCrossWithJournalAllFeatures() {
        return run(true, JournalDetail.CHANGES, null);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public double emaCrossWithoutJournal() {
        return run(false, JournalDetail.CHANGES);
    }
}
