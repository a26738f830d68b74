package io.github.rltrading.env.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.env.SharedData;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.env.data.MarketData;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;

/**
 * The fast indicator code against Ta4j, the reference, on the real ES minutes: every bar after
 * warm-up agrees to 1e-9 relative.
 */
class Ta4jReferenceTest {

    private static BarSeries es;
    private static org.ta4j.core.BarSeries ta;

    @BeforeAll
    static void load() {
        es = MarketData.load(SharedData.file("es-1min-rth-2020.csv"), LoadOptions.builder().zone("America/New_York").build())
                .series();
        ta = new BaseBarSeriesBuilder().withName("ES").build();
        for (int i = 0; i < es.size(); i++) {
            ta.barBuilder().timePeriod(Duration.ofMinutes(1)).endTime(es.endTime(i)).openPrice(es.open(i))
                    .highPrice(es.high(i)).lowPrice(es.low(i)).closePrice(es.close(i)).volume(es.volume(i)).add();
        }
    }

    private interface Value {
        double of(IndicatorBlock block);
    }

    private static void agree(String what, Indicator<Num> reference, Value fast, int from) {
        IndicatorBlock block = new IndicatorBlock();
        double worst = 0;
        for (int i = 0; i < es.size(); i++) {
            block.update(es.open(i), es.high(i), es.low(i), es.close(i), es.volume(i));
            if (i >= from) {
                double expected = reference.getValue(i).doubleValue();
                double actual = fast.of(block);
                double err = Math.abs(actual - expected) / Math.max(1e-12, Math.abs(expected));
                worst = Math.max(worst, Math.abs(actual - expected) < 1e-9 ? 0 : err);
            }
        }
        assertThat(worst).as(what + ": worst relative error against Ta4j").isLessThan(1e-9);
    }

    @Test
    void emaMacdRsiAndAtrMatchTa4j() {
        ClosePriceIndicator close = new ClosePriceIndicator(ta);
        agree("EMA 10", new EMAIndicator(close, 10), IndicatorBlock::ema10, 60);
        agree("EMA 50", new EMAIndicator(close, 50), IndicatorBlock::ema50, 60);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        agree("MACD", macd, IndicatorBlock::macd, 60);
        agree("MACD signal", new EMAIndicator(macd, 9), IndicatorBlock::macdSignal, 60);
        agree("RSI 14", new RSIIndicator(close, 14), IndicatorBlock::rsi, 60);
        agree("ATR 14", new ATRIndicator(ta, 14), IndicatorBlock::atr, 60);
    }

    @Test
    void bollingerPercentBAndWidthMatchTa4j() {
        ClosePriceIndicator close = new ClosePriceIndicator(ta);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, sd, ta.numFactory().numOf(2));
        BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, sd, ta.numFactory().numOf(2));
        IndicatorBlock block = new IndicatorBlock();
        float[] row = new float[IndicatorBlock.NAMES.size()];
        int pctB = IndicatorBlock.NAMES.indexOf("bb_pct_b");
        int width = IndicatorBlock.NAMES.indexOf("bb_width");
        double worst = 0;
        for (int i = 0; i < es.size(); i++) {
            block.update(es.open(i), es.high(i), es.low(i), es.close(i), es.volume(i));
            block.write(row, 0);
            if (i >= 19) {
                double u = upper.getValue(i).doubleValue();
                double l = lower.getValue(i).doubleValue();
                double m = middle.getValue(i).doubleValue();
                double expectedB = u > l ? (es.close(i) - l) / (u - l) : 0.5;
                worst = Math.max(worst, Math.abs(row[pctB] - expectedB));
                worst = Math.max(worst, Math.abs(row[width] - (u - l) / m));
            }
        }
        // The features are floats: compare at float precision.
        assertThat(worst).isLessThan(1e-5);
    }
}
