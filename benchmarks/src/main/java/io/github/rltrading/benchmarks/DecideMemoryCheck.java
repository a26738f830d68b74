package io.github.rltrading.benchmarks;

import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.core.decision.ActionSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Native memory over many decisions: a PPO agent on the trading environment's default observation
 * (2,283 inputs) decides {@code args[0]} times (10,000,000 by default) on random observations, and
 * the process's resident memory (VmRSS) and the Java heap in use are printed ten times on the way.
 * Every {@code decide} allocates its NDArrays in a sub-manager closed before it returns; flat RSS
 * after the first report shows nothing native is left behind.
 *
 * <pre>
 * bin/mvn -q -pl benchmarks exec:exec -Dbench.main=io.github.rltrading.benchmarks.DecideMemoryCheck \
 *     -Dbench.jvm="--enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Xmx256m" -Djmh.args=10000000
 * </pre>
 */
public final class DecideMemoryCheck {

    private DecideMemoryCheck() {}

    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int inputs = 32 * 71 + 11;
        float[][] observations = new float[64][inputs];
        SplittableRandom random = new SplittableRandom(1);
        for (float[] o : observations) {
            for (int i = 0; i < inputs; i++) {
                o[i] = (float) random.nextGaussian();
            }
        }
        PpoConfig d = PpoConfig.defaults();
        try (Ppo ppo = new Ppo(d.withSeed(1), inputs, new ActionSpace.Box(new float[] {-1}, new float[] {1}))) {
            long t0 = System.nanoTime();
            double sink = 0;
            for (long k = 1; k <= n; k++) {
                sink += ppo.decide(observations[(int) (k & 63)], true).confidence();
                if (k % (n / 10) == 0) {
                    Runtime rt = Runtime.getRuntime();
                    System.out.printf(Locale.ROOT, "%,12d decisions  RSS %,8d kB  heap used %,7d kB  %.0f s%n", k, rssKb(),
                            (rt.totalMemory() - rt.freeMemory()) / 1024, (System.nanoTime() - t0) / 1e9);
                }
            }
            System.out.println("checksum " + sink);
        }
    }
}
