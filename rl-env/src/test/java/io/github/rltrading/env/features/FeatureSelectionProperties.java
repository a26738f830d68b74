package io.github.rltrading.env.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.env.RandomBars;
import io.github.rltrading.env.bars.MarketHours;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link MarketFeatures#select}: a selection computes only what its columns need, and every value
 * it writes is bit for bit the whole set's value of that column on that bar.
 */
class FeatureSelectionProperties {

    static final FeatureConfig WITH_ORDER_FLOW = FeatureConfig.DEFAULT.withOrderFlow(true);
    static final List<String> ALL = new MarketFeatures(WITH_ORDER_FLOW).names();

    @Provide
    Arbitrary<BarSeries> series() {
        return RandomBars.minutes(1200);
    }

    /** Any columns, each at most once, in any order: a single indicator, a mix of timeframes, or none. */
    @Provide
    Arbitrary<List<String>> columns() {
        return Arbitraries.of(ALL).list().uniqueElements().ofMaxSize(12);
    }

    @Property(tries = 120)
    void aSelectionWritesTheWholeSetsValuesOfItsColumns(@ForAll("series") BarSeries s, @ForAll("columns") List<String> columns,
            @ForAll boolean rth) {
        FeatureConfig config = rth ? WITH_ORDER_FLOW.withHours(MarketHours.US_EQUITY_RTH) : WITH_ORDER_FLOW;
        MarketFeatures whole = new MarketFeatures(config);
        MarketFeatures selected = whole.select(columns);
        assertThat(selected.names()).isEqualTo(columns);
        assertThat(selected.warmUpBars()).as("a selection keeps the whole set's warm-up").isEqualTo(whole.warmUpBars());

        float[] all = new float[whole.size()];
        float[] some = new float[selected.size()];
        for (int i = 0; i < s.size(); i++) {
            whole.compute(s, i, all, 0);
            selected.compute(s, i, some, 0);
            for (int k = 0; k < columns.size(); k++) {
                int c = whole.names().indexOf(columns.get(k));
                assertThat(Float.floatToRawIntBits(some[k])).as("bar %d, column %s", i, columns.get(k))
                        .isEqualTo(Float.floatToRawIntBits(all[c]));
            }
        }
    }

    @Test
    void aSelectionIsNamedAndHashedAfterItsColumns() {
        MarketFeatures whole = new MarketFeatures(FeatureConfig.DEFAULT);
        MarketFeatures ema = whole.select(List.of("1m_ema_10_dist", "1m_ema_50_dist"));
        assertThat(ema.id()).isEqualTo(whole.id());
        assertThat(ema.hash()).isNotEqualTo(whole.hash()).isEqualTo(whole.select(List.of("1m_ema_10_dist", "1m_ema_50_dist")).hash());
        assertThat(whole.select(whole.names()).hash()).as("selecting everything is the whole set").isEqualTo(whole.hash());
    }

    @Test
    void unknownRepeatedOrUnselectedColumnsAreRefusedByName() {
        MarketFeatures whole = new MarketFeatures(FeatureConfig.DEFAULT);
        assertThatThrownBy(() -> whole.select(List.of("1m_ema_10_dist", "1m_ema_20_dist")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature column '1m_ema_20_dist' is not in this feature set")
                .hasMessageContaining("1m_ema_50_dist");
        assertThatThrownBy(() -> whole.select(List.of("rsi", "rsi")))
                .hasMessageContaining("'rsi' is not in this feature set");
        assertThatThrownBy(() -> whole.select(List.of("5m_rsi_14", "5m_rsi_14")))
                .hasMessage("feature column '5m_rsi_14' is selected twice; list each column once");
        MarketFeatures ema = whole.select(List.of("1m_ema_10_dist"));
        assertThatThrownBy(() -> ema.select(List.of("1m_ema_50_dist")))
                .as("a selection selects from its own columns")
                .hasMessageContaining("feature column '1m_ema_50_dist' is not in this feature set; its 1 columns are [1m_ema_10_dist]");
    }
}
