package io.github.rltrading.env;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Timeframe;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Random valid 1-minute series with gaps, for property tests. */
public final class RandomBars {

    private RandomBars() {}

    /** Series of 1..maxBars bars; mostly consecutive minutes, sometimes gaps of up to two days. */
    public static Arbitrary<BarSeries> minutes(int maxBars) {
        Arbitrary<Integer> steps = Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just(1)),
                Tuple.of(1, Arbitraries.integers().between(2, 3000)));
        return Combinators.combine(steps.list().ofMinSize(1).ofMaxSize(maxBars), Arbitraries.longs().between(0, 1L << 40))
                .as(RandomBars::build);
    }

    /** A series with the given minute steps between bars, prices from a seeded random walk on a 0.25 grid. */
    public static BarSeries build(List<Integer> gaps, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BarSeries s = new BarSeries("P", Timeframe.M1, gaps.size());
        long t = 1_577_975_460_000L; // 2020-01-02T14:31Z
        double price = 100;
        for (int g : gaps) {
            t += g * 60_000L;
            double o = price;
            double c = Math.max(1, o + r.nextInt(-8, 9) * 0.25);
            double h = Math.max(o, c) + r.nextInt(0, 4) * 0.25;
            double l = Math.max(0.25, Math.min(o, c) - r.nextInt(0, 4) * 0.25);
            s.append(t, o, h, l, c, r.nextInt(0, 500));
            price = c;
        }
        return s;
    }

    /** A copy of {@code s} whose bars after {@code cut} are replaced by other random (valid) bars at the same times. */
    public static BarSeries perturbAfter(BarSeries s, int cut, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BarSeries p = new BarSeries(s.symbol(), s.timeframe(), s.size());
        for (int i = 0; i < s.size(); i++) {
            if (i <= cut) {
                p.append(s.endMillis(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
            } else {
                double o = 50 + r.nextInt(0, 400) * 0.25;
                double c = 50 + r.nextInt(0, 400) * 0.25;
                p.append(s.endMillis(i), o, Math.max(o, c) + 1, Math.min(o, c) - 1, c, r.nextInt(0, 10_000));
            }
        }
        return p;
    }
}
