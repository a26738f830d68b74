package io.github.rltrading.benchmarks;

import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.env.classic.CartPole;
import java.util.Locale;

/**
 * PPO training speed on CartPole-v1 with the brief's comparison settings (n_steps 512, batch 64,
 * 10 epochs, one environment, SB3's defaults otherwise; Stable-Baselines3 does about 590 steps/s on
 * this kind of machine). Run with one PyTorch thread:
 *
 * <pre>
 * bin/mvn -q -pl benchmarks exec:exec -Dbench.main=io.github.rltrading.benchmarks.PpoSpeedCheck \
 *     -Dbench.jvm="--enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1" -Djmh.args=
 * </pre>
 */
public final class PpoSpeedCheck {

    private PpoSpeedCheck() {}

    public static void main(String[] args) {
        PpoConfig d = PpoConfig.defaults();
        PpoConfig config = new PpoConfig(d.learningRate(), false, 512, 64, 10, d.gamma(), d.gaeLambda(), d.clipRange(),
                d.entCoef(), d.vfCoef(), d.maxGradNorm(), true, 1, d.hidden(), 1);
        int steps = 50_176; // 98 rollouts of 512
        for (int rep = 1; rep <= 3; rep++) {
            long t0 = System.nanoTime();
            double[] last = new double[1];
            try (Ppo ppo = new Ppo(config, 4, new CartPole().actionSpace())) {
                ppo.learn(i -> new CartPole(), steps, p -> last[0] = p.meanEpisodeReturn());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %,d steps in %.1f s = %,.0f steps/s (mean return of the last 100 episodes %.1f)%n",
                    rep, steps, seconds, steps / seconds, last[0]);
        }
    }
}
