package io.github.rltrading.benchmarks;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.MarketFeatures;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;

/**
 * The default feature set over one million 1m bars with 5m and 15m blocks (target: at least
 * 300,000 bars per second on one core), next to Ta4j computing only the 1m indicators.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class FeatureBenchmark {

    static final int BARS = 1_000_000;
    static final int TA4J_BARS = 200_000;

    private BarSeries series;
    private org.ta4j.core.BarSeries ta4j;

    @Setup
    public void build() {
        series = BenchData.minutes(BARS, 7);
        ta4j = new BaseBarSeriesBuilder().withName("ES").withMaxBarCount(TA4J_BARS).build();
        for (int i = 0; i < TA4J_BARS; i++) {
            ta4j.barBuilder().timePeriod(Duration.ofMinutes(1)).endTime(series.endTime(i)).openPrice(series.open(i))
                    .highPrice(series.high(i)).lowPrice(series.low(i)).closePrice(series.close(i)).volume(series.volume(i)).add();
        }
    }

    /** market-v1 (71 features, 1m + 5m + 15m) into a float matrix; score: bars per second. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public float defaultFeatureSet() {
        return MarketFeatures.compute(series, FeatureConfig.DEFAULT).data()[BARS * 71 - 1];
    }

    /** Ta4j: RSI, MACD + signal, EMA 10/50, Bollinger bands and ATR on 1m bars only; score: bars per second. */
    @Benchmark
    @OperationsPerInvocation(TA4J_BARS)
    public void ta4jIndicatorsOn1mOnly(Blackhole bh) {
        // Indicators cache their values, so they are rebuilt on each invocation, as a fresh series would be.
        ClosePriceIndicator close = new ClosePriceIndicator(ta4j);
        RSIIndicator rsi = new RSIIndicator(close, 14);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        EMAIndicator signal = new EMAIndicator(macd, 9);
        EMAIndicator ema10 = new EMAIndicator(close, 10);
        EMAIndicator ema50 = new EMAIndicator(close, 50);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, sd, ta4j.numFactory().numOf(2));
        BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, sd, ta4j.numFactory().numOf(2));
        ATRIndicator atr = new ATRIndicator(ta4j, 14);
        for (int i = ta4j.getBeginIndex(); i <= ta4j.getEndIndex(); i++) {
            bh.consume(rsi.getValue(i));
            bh.consume(signal.getValue(i));
            bh.consume(ema10.getValue(i));
            bh.consume(ema50.getValue(i));
            bh.consume(upper.getValue(i));
            bh.consume(lower.getValue(i));
            bh.consume(atr.getValue(i));
        }
    }
}
