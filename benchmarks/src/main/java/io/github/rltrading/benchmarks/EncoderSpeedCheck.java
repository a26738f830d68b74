package io.github.rltrading.benchmarks;

import io.github.rltrading.agents.nn.EncoderConfig;
import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.spi.Environment;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.FeatureMatrix;
import io.github.rltrading.env.features.MarketFeatures;
import io.github.rltrading.env.trading.ActionMode;
import io.github.rltrading.env.trading.TradingEnv;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * What the window encoder costs in PPO training: steps/s in {@code TradingEnv} (32-row window of the
 * default 71 features + 11 state values = 2,283 inputs, discrete targets -1/0/1) without an encoder,
 * with a convolution (32 channels, kernel 5) and with a GRU (64 units), PPO with n_steps 512, batch
 * 64, 10 epochs, one environment ({@link PpoSpeedCheck}'s settings). Arguments: steps per run
 * (default 4,096) and runs per variant (default 3), after a warm-up of 1,024 steps each. Prints
 * wall-clock steps/s and steps per CPU-second of the training thread; first, the latency of one
 * deterministic {@code decide} per variant (a rough figure; {@code DecideLatencyBenchmark} is the
 * JMH measurement without an encoder). Run with one PyTorch thread:
 *
 * <pre>
 * bin/mvn -q -pl benchmarks exec:exec -Dbench.main=io.github.rltrading.benchmarks.EncoderSpeedCheck \
 *     -Dbench.jvm="--enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1" -Djmh.args=
 * </pre>
 */
public final class EncoderSpeedCheck {

    private EncoderSpeedCheck() {}

    public static void main(String[] args) {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : 4_096;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        BarSeries bars = BenchData.minutes(40_000, 11);
        FeatureMatrix features = MarketFeatures.compute(bars, FeatureConfig.DEFAULT);
        int window = 32;
        TradingEnv probe = env(features, bars, window);
        int obs = probe.observationSize();
        int columns = (obs - TradingEnv.STATE_SIZE) / window;
        System.out.printf(Locale.ROOT, "observation: %d rows × %d features + %d state = %d inputs%n", window, columns,
                TradingEnv.STATE_SIZE, obs);
        PpoConfig d = PpoConfig.defaults();
        PpoConfig base = new PpoConfig(d.learningRate(), false, 512, 64, 10, d.gamma(), d.gaeLambda(), d.clipRange(),
                d.entCoef(), d.vfCoef(), d.maxGradNorm(), true, 1, d.hidden(), 1);
        List<EncoderConfig> encoders = List.of(EncoderConfig.none(), EncoderConfig.conv(window, columns, 32, 5),
                EncoderConfig.gru(window, columns, 64));
        for (EncoderConfig encoder : encoders) { // warm-up: the JIT and PyTorch's first calls, not reported
            train(base.withEncoder(encoder), obs, probe, features, bars, window, 1_024);
        }
        for (EncoderConfig encoder : encoders) {
            double[] latency = decideLatency(base.withEncoder(encoder), obs, env(features, bars, window));
            System.out.printf(Locale.ROOT, "decide %-5s p50 %6.1f µs, p99 %6.1f µs (2,000 calls)%n", name(encoder), latency[0],
                    latency[1]);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 1; run <= runs; run++) {
            for (EncoderConfig encoder : encoders) {
                long t0 = System.nanoTime();
                long cpu0 = threads.getCurrentThreadCpuTime();
                train(base.withEncoder(encoder), obs, probe, features, bars, window, steps);
                double seconds = (System.nanoTime() - t0) / 1e9;
                // With one PyTorch thread the operators run on this thread, so its CPU time is the
                // training's: a figure that other processes on a shared machine disturb less.
                double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
                System.out.printf(Locale.ROOT, "run %d %-5s %,d steps in %5.1f s = %,6.0f steps/s; CPU %5.1f s = %,6.0f steps/CPU-s%n",
                        run, name(encoder), steps, seconds, steps / seconds, cpu, steps / cpu);
            }
        }
    }

    /** p50 and p99 of one deterministic {@code decide}, in µs, over observations from the environment. */
    private static double[] decideLatency(PpoConfig config, int obs, TradingEnv env) {
        float[][] observations = new float[2_000][];
        observations[0] = env.reset(5);
        for (int i = 1; i < observations.length; i++) {
            Environment.Step st = env.step(Action.discrete(i % 3));
            observations[i] = st.done() ? env.reset(5 + i) : st.observation();
        }
        try (Ppo ppo = new Ppo(config, obs, env.actionSpace())) {
            for (int i = 0; i < 500; i++) {
                ppo.decide(observations[i], true);
            }
            long[] ns = new long[observations.length];
            for (int i = 0; i < ns.length; i++) {
                long t0 = System.nanoTime();
                ppo.decide(observations[i], true);
                ns[i] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(ns);
            return new double[] {ns[ns.length / 2] / 1e3, ns[(int) (ns.length * 0.99)] / 1e3};
        }
    }

    private static void train(PpoConfig config, int obs, TradingEnv probe, FeatureMatrix features, BarSeries bars, int window,
                              long steps) {
        try (Ppo ppo = new Ppo(config, obs, probe.actionSpace())) {
            ppo.learn(i -> env(features, bars, window), steps, p -> { });
        }
    }

    private static String name(EncoderConfig e) {
        return switch (e.kind()) {
            case NONE -> "none";
            case CONV -> "conv";
            case GRU -> "gru";
        };
    }

    private static TradingEnv env(FeatureMatrix features, BarSeries bars, int window) {
        return TradingEnv.builder(features, bars, ContractSpecs.ES).window(window).actionMode(ActionMode.DISCRETE_TARGET)
                .randomStart(true).episodeLength(2_000).build();
    }
}
