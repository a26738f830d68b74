package io.github.rltrading.env.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.env.SharedData;
import io.github.rltrading.env.bars.BarAggregator;
import io.github.rltrading.env.bars.MarketHours;
import io.github.rltrading.env.bars.TimeframeAlignment;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.env.data.LoadedBars;
import io.github.rltrading.env.data.MarketData;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketFeaturesTest {

    private static BarSeries esRth() {
        return MarketData.load(SharedData.file("es-1min-rth-2020.csv"), LoadOptions.builder().zone("America/New_York").build())
                .series();
    }

    @Test
    void theDefaultSetHasNamedColumnsForEachTimeframeAndAStableHash() {
        MarketFeatures f = new MarketFeatures(FeatureConfig.DEFAULT);
        assertThat(f.id()).isEqualTo("market-v1");
        assertThat(f.size()).isEqualTo(21 + 4 + 4 + 21 + 21);
        assertThat(f.names()).startsWith("1m_ret_1", "1m_ret_5").contains("5m_rsi_14", "15m_macd_hist",
                "session_high_dist", "vwap_dist", "rel_volume", "time_of_day_sin", "day_of_week_cos");
        assertThat(f.names()).doesNotHaveDuplicates();
        assertThat(new MarketFeatures(FeatureConfig.DEFAULT).hash()).isEqualTo(f.hash()).hasSize(16);
        assertThat(new MarketFeatures(FeatureConfig.DEFAULT.withOrderFlow(true)).hash()).isNotEqualTo(f.hash());
        assertThat(new MarketFeatures(FeatureConfig.DEFAULT.withHours(MarketHours.US_EQUITY_RTH)).hash()).isNotEqualTo(f.hash());
        // The hash is part of saved models: it must not change unless the definition does (then bump VERSION).
        assertThat(f.hash()).as("hash of market-v1 over 1m, Globex, 5m+15m").isEqualTo(GOLDEN_DEFAULT_HASH);
        assertThat(f.warmUpBars()).isEqualTo(51 * 15);
    }

    /** Recorded when market-v1 was defined; a change here means saved models would be refused. */
    private static final String GOLDEN_DEFAULT_HASH = "7febfe8c9113623f";

    @Test
    void badConfigurationsAreRefusedWithTheFix() {
        assertThatThrownBy(() -> new FeatureConfig(List.of(Timeframe.ofMinutes(7)), MarketHours.CME_GLOBEX, false))
                .hasMessageContaining("feature timeframe 7m is not usable");
        assertThatThrownBy(() -> new MarketFeatures(FeatureConfig.DEFAULT, Timeframe.ofMinutes(10)))
                .hasMessageContaining("5m is not a whole multiple above the base timeframe 10m");
    }

    @Test
    void higherTimeframeColumnsAreThoseOfTheLastClosedBarOnly() {
        BarSeries m1 = esRth();
        FeatureMatrix m = MarketFeatures.compute(m1, FeatureConfig.DEFAULT);
        assertThat(m.rows()).isEqualTo(m1.size());
        for (Timeframe tf : List.of(Timeframe.M5, Timeframe.M15)) {
            BarSeries higher = BarAggregator.aggregate(m1, tf, MarketHours.CME_GLOBEX);
            int[] visible = TimeframeAlignment.lastClosed(m1, higher);
            // Independent computation: the block over the higher bars, then looked up by the alignment.
            IndicatorBlock block = new IndicatorBlock();
            float[][] rows = new float[higher.size()][IndicatorBlock.NAMES.size()];
            for (int k = 0; k < higher.size(); k++) {
                block.update(higher.open(k), higher.high(k), higher.low(k), higher.close(k), higher.volume(k));
                block.write(rows[k], 0);
            }
            int first = m.column(tf + "_ret_1");
            for (int i = 0; i < m1.size(); i++) {
                for (int c = 0; c < IndicatorBlock.NAMES.size(); c++) {
                    float expected = visible[i] < 0 ? Float.NaN : rows[visible[i]][c];
                    float actual = m.get(i, first + c);
                    if (Float.floatToIntBits(expected) != Float.floatToIntBits(actual)) {
                        throw new AssertionError(tf + " column " + IndicatorBlock.NAMES.get(c) + " at 1m bar " + i
                                + " (" + m1.endTime(i) + "): expected " + expected + " got " + actual);
                    }
                }
            }
        }
    }

    @Test
    void warmUpRowsAreMarkedAndLaterRowsAreValid() {
        BarSeries m1 = esRth();
        FeatureMatrix m = MarketFeatures.compute(m1, FeatureConfig.DEFAULT);
        // 51 closed 15m bars are 765 RTH minutes (row 764), in the second session (390 minutes each).
        assertThat(m.firstValidRow()).isGreaterThanOrEqualTo(764).isLessThan(3 * 390);
        for (int r = 0; r < m.firstValidRow(); r++) {
            assertThat(m.isValid(r)).isFalse();
        }
        assertThat(m.validRows()).isEqualTo(m.rows() - m.firstValidRow());
        int high = m.column("session_high_dist");
        int low = m.column("session_low_dist");
        int sin = m.column("time_of_day_sin");
        for (int r = m.firstValidRow(); r < m.rows(); r++) {
            assertThat(m.get(r, high)).isLessThanOrEqualTo(0f);
            assertThat(m.get(r, low)).isGreaterThanOrEqualTo(0f);
            float s = m.get(r, sin);
            float c = m.get(r, sin + 1);
            assertThat(s * s + c * c).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void theLiveEntryPointGivesTheSameRowsAsTheBatch() {
        BarSeries m1 = esRth().tail(3000);
        FeatureMatrix batch = MarketFeatures.compute(m1, FeatureConfig.DEFAULT);
        MarketFeatures live = new MarketFeatures(FeatureConfig.DEFAULT);
        float[] row = new float[live.size()];
        float[] expected = new float[live.size()];
        for (int i = 0; i < m1.size(); i += (i % 7 == 0 ? 1 : 3)) {
            live.compute(m1, i, row, 0);
            batch.copyRow(i, expected, 0);
            assertThat(row).as("row %d", i).isEqualTo(expected);
        }
        live.compute(m1, 10, row, 0); // going back replays from the start
        batch.copyRow(10, expected, 0);
        assertThat(row).isEqualTo(expected);
    }

    @Test
    void orderFlowComesFromTheQuoteColumns() {
        LoadedBars q = MarketData.load(SharedData.file("es-1min-globex-2013q4-quotes.csv"), LoadOptions.DEFAULTS);
        FeatureMatrix m = MarketFeatures.compute(q, FeatureConfig.DEFAULT.withOrderFlow(true));
        int spread = m.column("spread");
        int imbalance = m.column("quote_imbalance");
        double[] bid = q.extra("bid_close");
        double[] ask = q.extra("ask_close");
        double[] bidSize = q.extra("bid_size");
        double[] askSize = q.extra("ask_size");
        int missing = 0;
        for (int r = 0; r < m.rows(); r++) {
            double mid = (bid[r] + ask[r]) / 2;
            // Nine minutes of the file have no bid or no ask: their spread is undefined (NaN), not 0.
            float expectedSpread = bid[r] > 0 && ask[r] >= bid[r] ? (float) ((ask[r] - bid[r]) / mid) : Float.NaN;
            assertThat(Float.floatToIntBits(m.get(r, spread))).as("row %d", r).isEqualTo(Float.floatToIntBits(expectedSpread));
            missing += Float.isNaN(expectedSpread) ? 1 : 0;
            double sizes = bidSize[r] + askSize[r];
            float expected = sizes == 0 ? 0f : (float) ((bidSize[r] - askSize[r]) / sizes);
            assertThat(Float.floatToIntBits(m.get(r, imbalance))).as("row %d", r).isEqualTo(Float.floatToIntBits(expected));
        }
        assertThat(missing).isEqualTo(9);
        assertThat(m.validRows()).isGreaterThan(m.rows() / 2);
    }
}
