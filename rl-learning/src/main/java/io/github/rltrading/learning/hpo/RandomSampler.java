package io.github.rltrading.learning.hpo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Independent uniform sampling, as Optuna's {@code RandomSampler}: reals uniformly on their scale
 * (linear or log), integers uniformly on [low − ½, high + ½] (its log for a log-scale range) and
 * then rounded, so the end values are as likely as the inner ones, categories uniformly. It is TPE's
 * start-up sampler and the baseline TPE is measured against.
 */
public final class RandomSampler implements Sampler {

    @Override
    public Map<String, Object> sample(SearchSpace space, List<TrialRecord> finished, Direction direction,
            RandomGenerator random) {
        Map<String, Object> params = new LinkedHashMap<>();
        space.parameters().forEach((name, distribution) -> params.put(name, sample(distribution, random)));
        return params;
    }

    /** One value of {@code distribution}. */
    static Object sample(Distribution distribution, RandomGenerator random) {
        return switch (distribution) {
            case Distribution.Uniform u -> clamp(u.low() + random.nextDouble() * (u.high() - u.low()), u.low(), u.high());
            case Distribution.LogUniform l -> {
                double lo = Math.log(l.low());
                double hi = Math.log(l.high());
                yield clamp(Math.exp(lo + random.nextDouble() * (hi - lo)), l.low(), l.high());
            }
            case Distribution.IntRange r -> {
                double lo = r.log() ? Math.log(r.low() - 0.5) : r.low() - 0.5;
                double hi = r.log() ? Math.log(r.high() + 0.5) : r.high() + 0.5;
                double x = lo + random.nextDouble() * (hi - lo);
                yield roundToInt(r.log() ? Math.exp(x) : x, r);
            }
            case Distribution.Categorical c -> c.choices().get(random.nextInt(c.choices().size()));
        };
    }

    /** The integer of {@code range} nearest to {@code x} (ties to even, as NumPy rounds). */
    static int roundToInt(double x, Distribution.IntRange range) {
        double rounded = range.low() + Math.rint(x - range.low());
        return (int) clamp(rounded, range.low(), range.high());
    }

    static double clamp(double x, double lo, double hi) {
        return Math.min(Math.max(x, lo), hi);
    }

    @Override
    public String description() {
        return "RandomSampler";
    }
}
