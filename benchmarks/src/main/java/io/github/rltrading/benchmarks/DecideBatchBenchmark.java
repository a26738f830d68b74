package io.github.rltrading.benchmarks;

import io.github.rltrading.agents.dqn.Dqn;
import io.github.rltrading.agents.dqn.DqnConfig;
import io.github.rltrading.agents.model.Agent;
import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.agents.sac.Sac;
import io.github.rltrading.agents.sac.SacConfig;
import io.github.rltrading.core.decision.ActionSpace;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch inference: {@code Agent.decideBatch} on 256 different observations of the trading
 * environment's default size (2,283 inputs), deterministic, default network sizes, one PyTorch
 * thread (target: at most 2 ms per batch). {@code decideRowByRow} is the same 256 decisions through
 * {@code decide}, for the ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
        "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"})
public class DecideBatchBenchmark {

    static final int INPUTS = DecideLatencyBenchmark.INPUTS;
    static final int BATCH = 256;

    @Param({"ppo", "sac", "dqn"})
    public String algorithm;

    private Agent agent;
    private float[] batch;
    private float[][] rows;

    @Setup(Level.Trial)
    public void build() {
        agent = switch (algorithm) {
            case "ppo" -> new Ppo(PpoConfig.defaults(), INPUTS, ActionSpace.box(-1f, 1f));
            case "sac" -> new Sac(SacConfig.defaults(), INPUTS, ActionSpace.box(-1f, 1f));
            default -> new Dqn(DqnConfig.defaults(), INPUTS, ActionSpace.discrete(3));
        };
        batch = new float[BATCH * INPUTS];
        rows = new float[BATCH][INPUTS];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < batch.length; i++) {
            batch[i] = (float) r.nextGaussian();
            rows[i / INPUTS][i % INPUTS] = batch[i];
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        agent.close();
    }

    @Benchmark
    public double decideBatch() {
        return agent.decideBatch(batch, BATCH, true)[BATCH - 1].confidence();
    }

    @Benchmark
    public double decideRowByRow() {
        double sum = 0;
        for (float[] row : rows) {
            sum += agent.decide(row, true).confidence();
        }
        return sum;
    }
}
