package io.github.rltrading.env.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.env.RandomBars;
import io.github.rltrading.env.bars.MarketHours;
import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Changing any bar after time t never changes a feature computed at t (on any timeframe). */
class FeatureNoLookAheadProperties {

    @Provide
    Arbitrary<BarSeries> series() {
        return RandomBars.minutes(900);
    }

    @Property(tries = 150)
    void rowsUpToTAreIdenticalWhateverComesAfterT(@ForAll("series") BarSeries s, @ForAll long cutSeed,
            @ForAll long perturbSeed, @ForAll boolean rth) {
        int cut = (int) Math.floorMod(cutSeed, (long) s.size());
        BarSeries other = RandomBars.perturbAfter(s, cut, perturbSeed);
        FeatureConfig config = rth ? FeatureConfig.DEFAULT.withHours(MarketHours.US_EQUITY_RTH) : FeatureConfig.DEFAULT;
        FeatureMatrix a = MarketFeatures.compute(s, config);
        FeatureMatrix b = MarketFeatures.compute(other, config);
        int upTo = (cut + 1) * a.columns();
        assertThat(Arrays.equals(a.data(), 0, upTo, b.data(), 0, upTo))
                .as("rows 0..%d must not depend on bars after %d", cut, cut).isTrue();
    }
}
