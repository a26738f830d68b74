package io.github.rltrading.cli;

import io.github.rltrading.learning.training.HyperparameterTuner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A seeded random search over the space in {@link io.github.rltrading.learning.training.PpoSearch}'s
 * table: each trial draws every hyperparameter independently (the learning rate log-uniformly, the
 * number of epochs as a whole number, the rest uniformly) and the best score wins. A stand-in until
 * the TPE tuner lands (see {@link Tuners#defaultTuner}); it keeps no study, so a study name seen
 * before is searched afresh.
 *
 * <p>The same seed and study name give the same trials; trial {@code n} trains with seed
 * {@code seed + n} (modulo 2<sup>53</sup>). A trial that throws counts as failed and the
 * search goes on; when all fail, {@link Result#bestTrial()} is -1.
 */
final class RandomSearchTuner implements HyperparameterTuner {

    private static final Logger LOG = LoggerFactory.getLogger(RandomSearchTuner.class);

    /** Ranges of {@code PpoSearch}'s table. */
    static final double LEARNING_RATE_MIN = 1e-5;
    static final double LEARNING_RATE_MAX = 1e-3;
    static final double ENT_COEF_MAX = 0.01;
    static final double GAMMA_MIN = 0.95;
    static final double GAMMA_MAX = 0.999;
    static final double CLIP_MIN = 0.1;
    static final double CLIP_MAX = 0.3;
    static final double GAE_MIN = 0.8;
    static final double GAE_MAX = 0.99;
    static final int EPOCHS_MIN = 3;
    static final int EPOCHS_MAX = 10;

    private final long seed;

    RandomSearchTuner(long seed) {
        this.seed = seed;
    }

    @Override
    public Result tune(String studyName, int trials, Objective objective) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + studyName.hashCode());
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        Map<String, Object> bestParams = Map.of();
        int failed = 0;
        for (int n = 0; n < trials; n++) {
            // Below 2^53: PpoSearch reads hyperparameters as doubles, which hold such whole numbers exactly.
            Map<String, Object> params = sample(random, Math.floorMod(seed + n, 1L << 53));
            try {
                double score = objective.score(n, params);
                if (best < 0 || score > bestScore) {
                    best = n;
                    bestScore = score;
                    bestParams = params;
                }
            } catch (Exception e) {
                failed++;
                LOG.warn("Trial {} of study {} failed with {}: {}", n, studyName, params, e.toString());
            }
        }
        return new Result(best, bestParams, bestScore, trials - failed, failed);
    }

    /** One draw of every searched hyperparameter, plus the trial's seed. */
    static Map<String, Object> sample(SplittableRandom random, long trialSeed) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("learningRate", Math.exp(random.nextDouble(Math.log(LEARNING_RATE_MIN), Math.log(LEARNING_RATE_MAX))));
        p.put("entCoef", random.nextDouble(0, ENT_COEF_MAX));
        p.put("gamma", random.nextDouble(GAMMA_MIN, GAMMA_MAX));
        p.put("clipRange", random.nextDouble(CLIP_MIN, CLIP_MAX));
        p.put("gaeLambda", random.nextDouble(GAE_MIN, GAE_MAX));
        p.put("nEpochs", random.nextInt(EPOCHS_MIN, EPOCHS_MAX + 1));
        p.put("seed", trialSeed);
        return p;
    }
}
