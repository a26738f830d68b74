package io.github.rltrading.benchmarks;

import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.env.data.Nt8Loader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

/** NinjaTrader 8 minute export loading speed: lines per second (target: at least 1,000,000). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class Nt8LoaderBenchmark {

    static final int LINES = 1_000_000;

    private Path file;

    @Setup
    public void write() throws IOException {
        file = BenchData.writeNt8(BenchData.minutes(LINES, 42), Files.createTempFile("nt8-bench", ".txt"));
    }

    @TearDown
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Strict load of one million lines; the score is lines per second. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public int loadMinuteExport() {
        return Nt8Loader.minute(file, LoadOptions.DEFAULTS).series().size();
    }
}
