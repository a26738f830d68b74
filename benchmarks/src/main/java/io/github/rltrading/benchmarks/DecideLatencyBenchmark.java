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
 * One live decision: {@code Agent.decide} on a single observation the size of the trading
 * environment's default (a 32-row window of 71 features plus 11 agent-state values = 2,283
 * inputs), deterministic, one PyTorch thread. Sample mode gives the percentiles (target: p99 at most
 * 0.5 ms).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
        "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"})
public class DecideLatencyBenchmark {

    static final int INPUTS = 32 * 71 + 11;

    @Param({"ppo", "sac", "dqn"})
    public String algorithm;

    private Agent agent;
    private float[] observation;

    @Setup(Level.Trial)
    public void build() {
        agent = switch (algorithm) {
            case "ppo" -> new Ppo(PpoConfig.defaults(), INPUTS, ActionSpace.box(-1f, 1f));
            case "sac" -> new Sac(SacConfig.defaults(), INPUTS, ActionSpace.box(-1f, 1f));
            default -> new Dqn(DqnConfig.defaults(), INPUTS, ActionSpace.discrete(3));
        };
        observation = new float[INPUTS];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < INPUTS; i++) {
            observation[i] = (float) r.nextGaussian();
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        agent.close();
    }

    @Benchmark
    public double decide() {
        return agent.decide(observation, true).confidence();
    }
}
