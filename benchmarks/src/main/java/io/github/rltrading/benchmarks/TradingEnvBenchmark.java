package io.github.rltrading.benchmarks;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.FeatureMatrix;
import io.github.rltrading.env.features.MarketFeatures;
import io.github.rltrading.env.trading.TradingEnv;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code TradingEnv} steps with a 32-row window of the default features (71 columns) and a
 * continuous action (target: 5 million steps/s on one core, about 0 B/op with {@code -prof gc}).
 * {@code step} is the allocation-free step; {@code stepAndObserve} also copies the observation
 * (32 × 71 + 11 floats) into a caller's buffer, as an agent that needs a copy would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class TradingEnvBenchmark {

    private TradingEnv env;
    private float[] obs;
    private double action = 0.5;
    private long episodes;

    @Setup
    public void build() {
        BarSeries bars = BenchData.minutes(200_000, 11);
        FeatureMatrix m = MarketFeatures.compute(bars, FeatureConfig.DEFAULT);
        env = TradingEnv.builder(m, bars, ContractSpecs.ES).window(32).maxContracts(2).randomStart(true)
                .episodeLength(20_000).build();
        obs = new float[env.observationSize()];
        env.begin(episodes++);
    }

    @Benchmark
    public double step() {
        if (env.isDone()) {
            env.begin(episodes++);
        }
        action = -action; // alternate to trade on every step: the expensive path
        return env.act(action).reward();
    }

    @Benchmark
    public float stepAndObserve() {
        if (env.isDone()) {
            env.begin(episodes++);
        }
        action = -action;
        env.act(action);
        env.observe(obs, 0);
        return obs[obs.length - 1];
    }
}
