package io.github.rltrading.env.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.CommissionModel;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.env.RandomBars;
import io.github.rltrading.env.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Perturbing any bar after t changes nothing the environment showed or decided up to t: the
 * observations up to step t and the rewards, equity and fills of the steps that ended by bar t.
 */
class EnvNoLookAheadProperties {

    static final Instrument ES = ContractSpecs.ES.withCommission(CommissionModel.perUnit(2.25, 0));

    @Provide
    Arbitrary<BarSeries> series() {
        return RandomBars.minutes(400).filter(s -> s.size() > 60);
    }

    private static List<String> trace(BarSeries bars, long seed, int upToBar) {
        // Features' own no-look-ahead is FeatureNoLookAheadProperties; here a feature of bar i is its close.
        FeatureMatrix m = VectorTradingEnvTest.closes(bars);
        List<String> out = new ArrayList<>();
        TradingEnv env = TradingEnv.builder(m, bars, ES).window(4).randomStart(false).maxContracts(2).build();
        env.begin(seed);
        java.util.SplittableRandom actions = new java.util.SplittableRandom(seed);
        float[] obs = new float[env.observationSize()];
        while (!env.isDone() && env.barIndex() <= upToBar) {
            env.observe(obs, 0);
            out.add("obs@" + env.barIndex() + "=" + java.util.Arrays.toString(obs));
            if (env.barIndex() + 1 > upToBar) {
                break; // the next step would read bar t + 1 > upToBar
            }
            TradingEnv.StepResult r = env.act(actions.nextDouble(-1, 1));
            out.add("step->" + r.barIndex() + " r=" + r.reward() + " eq=" + r.equity() + " px=" + r.fillPrice());
        }
        return out;
    }

    @Property(tries = 100)
    void nothingUpToTDependsOnBarsAfterT(@ForAll("series") BarSeries s, @ForAll long cutSeed, @ForAll long perturbSeed,
            @ForAll long seed) {
        int cut = 40 + (int) Math.floorMod(cutSeed, (long) (s.size() - 40));
        BarSeries other = RandomBars.perturbAfter(s, cut, perturbSeed);
        List<String> expected = trace(s, seed, cut);
        assertThat(expected).as("the trace covers steps").hasSizeGreaterThan(10);
        assertThat(trace(other, seed, cut)).isEqualTo(expected);
    }
}
