package io.github.rltrading.benchmarks;

import io.github.rltrading.agents.dqn.Dqn;
import io.github.rltrading.agents.dqn.DqnConfig;
import io.github.rltrading.agents.sac.Sac;
import io.github.rltrading.agents.sac.SacConfig;
import io.github.rltrading.env.classic.CartPole;
import io.github.rltrading.env.classic.Pendulum;
import java.util.Locale;

/**
 * The per-seed tables of issue 5: SAC on Pendulum-v1 (RL Zoo's settings) or DQN on CartPole-v1 (RL
 * Zoo's settings) for each seed given, with the evaluation return over 10 deterministic episodes
 * (seed 12,345, as the correctness tests use), the training time and steps/s. One PyTorch thread.
 *
 * <pre>
 * bin/mvn -q -pl benchmarks exec:exec -Dbench.main=io.github.rltrading.benchmarks.AgentSeedTable \
 *     -Dbench.jvm="--enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1" \
 *     -Djmh.args="sac 20000 1 2 3 4 5"        # or: dqn 100000 1 2 3 4 5
 * </pre>
 */
public final class AgentSeedTable {

    private AgentSeedTable() {}

    public static void main(String[] args) {
        if (args.length < 3 || !(args[0].equals("sac") || args[0].equals("dqn"))) {
            throw new IllegalArgumentException("usage: AgentSeedTable sac|dqn STEPS SEED...; e.g. sac 20000 1 2 3 4 5");
        }
        String algorithm = args[0];
        long steps = Long.parseLong(args[1]);
        System.out.printf(Locale.ROOT, "| seed | evaluation return (10 episodes) | training time | steps/s |%n|---|---|---|---|%n");
        for (int i = 2; i < args.length; i++) {
            long seed = Long.parseLong(args[i]);
            long t0 = System.nanoTime();
            double score;
            if (algorithm.equals("sac")) {
                try (Sac sac = new Sac(SacConfig.pendulumZoo().withSeed(seed), 3, new Pendulum().actionSpace())) {
                    sac.learn(new Pendulum(), steps, p -> { });
                    score = sac.evaluate(new Pendulum(), 10, 12_345);
                }
            } else {
                try (Dqn dqn = new Dqn(DqnConfig.cartPoleZoo().withSeed(seed), 4, new CartPole().actionSpace())) {
                    dqn.learn(new CartPole(), steps, p -> { });
                    score = dqn.evaluate(new CartPole(), 10, 12_345);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "| %d | %.1f | %.0f s | %,.0f |%n", seed, score, seconds, steps / seconds);
        }
    }
}
