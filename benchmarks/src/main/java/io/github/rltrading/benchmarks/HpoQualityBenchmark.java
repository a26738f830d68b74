package io.github.rltrading.benchmarks;

import io.github.rltrading.learning.hpo.Objective;
import io.github.rltrading.learning.hpo.Pruner;
import io.github.rltrading.learning.hpo.RandomSampler;
import io.github.rltrading.learning.hpo.Sampler;
import io.github.rltrading.learning.hpo.SearchSpace;
import io.github.rltrading.learning.hpo.Study;
import io.github.rltrading.learning.hpo.TpeSampler;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Search quality of the TPE sampler against random search on standard test functions (Branin,
 * Hartmann-6, Rosenbrock in 4-D on [-5, 10]): the best value each reaches in 100 trials, over 20
 * seeds, one trial at a time (parallelism 1, so every number is reproducible). The two samplers see
 * the same seeds; "TPE wins" counts the seeds where TPE's best is lower than random search's.
 *
 * <pre>
 * bin/mvn -q -pl benchmarks exec:exec -Dbench.main=io.github.rltrading.benchmarks.HpoQualityBenchmark -Djmh.args=
 * </pre>
 *
 * Optional arguments: trials and seeds (default {@code 100 20}).
 */
public final class HpoQualityBenchmark {

    private HpoQualityBenchmark() {}

    /** A test function to minimise, its domain and its known minimum. */
    private record TestFunction(String name, SearchSpace space, Objective objective, double optimum) {}

    public static void main(String[] args) {
        // One log line per trial is right for a real search, noise for 12,000 benchmark trials.
        System.setProperty("org.slf4j.simpleLogger.log.io.github.rltrading.learning.hpo", "warn");
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        TestFunction[] functions = {branin(), hartmann6(), rosenbrock(4)};

        System.out.printf(Locale.ROOT, "TPE (Optuna defaults) vs random search: %d trials x %d seeds, minimising, parallelism 1%n%n",
                trials, seeds);
        System.out.println("| function | sampler | mean best | median best | known optimum | TPE wins (of " + seeds + ") |");
        System.out.println("|---|---|---|---|---|---|");
        long t0 = System.nanoTime();
        for (TestFunction f : functions) {
            double[] tpe = bestValues(f, TpeSampler::defaults, trials, seeds);
            double[] random = bestValues(f, RandomSampler::new, trials, seeds);
            int wins = 0;
            for (int s = 0; s < seeds; s++) {
                wins += tpe[s] < random[s] ? 1 : 0;
            }
            row(f, "TPE", tpe, wins + "");
            row(f, "random", random, "");
        }
        System.out.printf(Locale.ROOT, "%n%d studies of %d trials in %.1f s%n", functions.length * 2 * seeds, trials,
                (System.nanoTime() - t0) / 1e9);
    }

    private static double[] bestValues(TestFunction f, Supplier<Sampler> sampler, int trials, int seeds) {
        double[] best = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            Study study = Study.builder(f.name(), f.space()).sampler(sampler.get()).pruner(Pruner.none()).parallelism(1)
                    .seed(1000 + s).build();
            best[s] = study.optimize(f.objective(), trials).value();
        }
        return best;
    }

    private static void row(TestFunction f, String sampler, double[] best, String wins) {
        double[] sorted = best.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.4f | %s |%n", f.name(), sampler, Arrays.stream(best).average().orElseThrow(),
                median, f.optimum(), wins);
    }

    /** Branin-Hoo on [-5, 10] x [0, 15]; minimum 0.397887 at three points. */
    private static TestFunction branin() {
        SearchSpace space = SearchSpace.builder().uniform("x1", -5, 10).uniform("x2", 0, 15).build();
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        return new TestFunction("Branin (2-D)", space, trial -> {
            double x1 = trial.getDouble("x1");
            double x2 = trial.getDouble("x2");
            double u = x2 - b * x1 * x1 + c * x1 - 6;
            return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
        }, 0.397887);
    }

    /** Hartmann-6 on [0, 1]^6, as a minimisation; minimum -3.32237. */
    private static TestFunction hartmann6() {
        double[] alpha = {1.0, 1.2, 3.0, 3.2};
        double[][] a = {
            {10, 3, 17, 3.5, 1.7, 8},
            {0.05, 10, 17, 0.1, 8, 14},
            {3, 3.5, 1.7, 10, 17, 8},
            {17, 8, 0.05, 10, 0.1, 14}};
        double[][] p = {
            {1312, 1696, 5569, 124, 8283, 5886},
            {2329, 4135, 8307, 3736, 1004, 9991},
            {2348, 1451, 3522, 2883, 3047, 6650},
            {4047, 8828, 8732, 5743, 1091, 381}};
        SearchSpace.Builder space = SearchSpace.builder();
        for (int j = 0; j < 6; j++) {
            space.uniform("x" + j, 0, 1);
        }
        return new TestFunction("Hartmann-6", space.build(), trial -> {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    double d = trial.getDouble("x" + j) - p[i][j] * 1e-4;
                    inner += a[i][j] * d * d;
                }
                sum += alpha[i] * Math.exp(-inner);
            }
            return -sum;
        }, -3.32237);
    }

    /** Rosenbrock in {@code d} dimensions on [-5, 10]^d; minimum 0 at (1, ..., 1). */
    private static TestFunction rosenbrock(int d) {
        SearchSpace.Builder space = SearchSpace.builder();
        for (int j = 0; j < d; j++) {
            space.uniform("x" + j, -5, 10);
        }
        return new TestFunction("Rosenbrock (" + d + "-D)", space.build(), trial -> {
            double sum = 0;
            for (int j = 0; j < d - 1; j++) {
                double x = trial.getDouble("x" + j);
                double next = trial.getDouble("x" + (j + 1));
                sum += 100 * (next - x * x) * (next - x * x) + (1 - x) * (1 - x);
            }
            return sum;
        }, 0.0);
    }
}
