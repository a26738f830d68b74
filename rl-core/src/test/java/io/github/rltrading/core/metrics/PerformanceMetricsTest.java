package io.github.rltrading.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class PerformanceMetricsTest {

    private static final double EPS = 1e-12;
    private static final double[] R = {0.01, -0.02, 0.03, -0.01, 0.02};

    @Test
    void aSmallSeriesMatchesHandComputedEmpyricalValues() {
        PerformanceReport r = PerformanceMetrics.builder().returns(R).periodsPerYear(252).compute();

        // mean = 0.03 / 5 = 0.006; deviations 0.004, -0.026, 0.024, -0.016, 0.014;
        // squares sum to 0.00172; ddof=1 variance = 0.00172 / 4 = 0.00043.
        double std = Math.sqrt(0.00043);
        // wealth 1 -> 1.01 -> 0.9898 -> 1.019494 -> 1.00929906 -> 1.0294850412
        double total = 1.01 * 0.98 * 1.03 * 0.99 * 1.02 - 1;
        assertThat(r.totalReturn()).isCloseTo(total, within(EPS));
        assertThat(r.totalReturn()).isCloseTo(0.0294850412, within(1e-10));
        assertThat(r.annualReturn()).isCloseTo(Math.pow(1 + total, 252.0 / 5) - 1, within(1e-9));
        assertThat(r.annualVolatility()).isCloseTo(std * Math.sqrt(252), within(EPS));
        assertThat(r.sharpe()).isCloseTo(0.006 / std * Math.sqrt(252), within(1e-9));
        // downside: min(r, 0) = 0, -0.02, 0, -0.01, 0 -> mean of squares (0.0004 + 0.0001) / 5 = 0.0001 -> 0.01
        assertThat(r.sortino()).isCloseTo(0.006 * 252 / (0.01 * Math.sqrt(252)), within(1e-9));
        // peak 1.01 (index 1), trough 0.9898 (index 2): 0.9898 / 1.01 - 1 = -0.02; recovered at index 3.
        assertThat(r.maxDrawdown().value()).isCloseTo(-0.02, within(EPS));
        assertThat(r.maxDrawdown()).extracting(PerformanceReport.Drawdown::peakIndex,
                        PerformanceReport.Drawdown::troughIndex, PerformanceReport.Drawdown::recoveryIndex,
                        PerformanceReport.Drawdown::durationPeriods)
                .containsExactly(1, 2, 3, 2);
        assertThat(r.calmar()).isCloseTo(r.annualReturn() / 0.02, within(1e-9));
        assertThat(r.numberOfPeriods()).isEqualTo(5);
    }

    @Test
    void anEquityCurveGivesTheSameNumbersAsItsReturns() {
        double[] equity = {100, 101, 98.98, 101.9494, 100.929906, 102.94850412};
        PerformanceReport fromEquity = PerformanceMetrics.builder().equityCurve(equity).compute();
        PerformanceReport fromReturns = PerformanceMetrics.builder().returns(R).compute();
        assertThat(fromEquity.sharpe()).isCloseTo(fromReturns.sharpe(), within(1e-9));
        assertThat(fromEquity.maxDrawdown().value()).isCloseTo(fromReturns.maxDrawdown().value(), within(1e-12));
    }

    @Test
    void aRiskFreeRateIsSubtractedPerPeriod() {
        PerformanceReport r = PerformanceMetrics.builder().returns(R).riskFreeRate(0.001).compute();
        // excess mean 0.005; shifting does not change the standard deviation.
        assertThat(r.sharpe()).isCloseTo(0.005 / Math.sqrt(0.00043) * Math.sqrt(252), within(1e-9));
    }

    @Test
    void tradeStatisticsFromNetTradePnls() {
        PerformanceReport r = PerformanceMetrics.builder().returns(R)
                .tradePnls(new double[] {300, -100, 200, -50, 0}).compute();
        // wins 300, 200; losses -100, -50; a zero trade is neither.
        assertThat(r.numberOfTrades()).isEqualTo(5);
        assertThat(r.winRate()).isEqualTo(0.4);
        assertThat(r.profitFactor()).isCloseTo(500.0 / 150.0, within(EPS));
        assertThat(r.expectancy()).isEqualTo(70.0);
        assertThat(r.averageWin()).isEqualTo(250.0);
        assertThat(r.averageLoss()).isEqualTo(-75.0);
    }

    @Test
    void allLosingTradesHaveNoWinsAndAZeroProfitFactor() {
        PerformanceReport r = PerformanceMetrics.builder().returns(R).tradePnls(new double[] {-10, -30}).compute();
        assertThat(r.winRate()).isZero();
        assertThat(r.profitFactor()).isZero();
        assertThat(r.averageWin()).isNaN();
        assertThat(r.averageLoss()).isEqualTo(-20.0);
        assertThat(r.expectancy()).isEqualTo(-20.0);
    }

    @Test
    void onlyWinningTradesHaveAnInfiniteProfitFactorAndNoTradesHaveNone() {
        assertThat(PerformanceMetrics.builder().returns(R).tradePnls(new double[] {5}).compute().profitFactor())
                .isInfinite();
        PerformanceReport none = PerformanceMetrics.builder().returns(R).compute();
        assertThat(none.numberOfTrades()).isZero();
        assertThat(none.winRate()).isNaN();
        assertThat(none.profitFactor()).isNaN();
    }

    @Test
    void aFlatCurveHasNoVolatilityNoDrawdownAndUndefinedRatios() {
        PerformanceReport r = PerformanceMetrics.builder().equityCurve(new double[] {100, 100, 100, 100}).compute();
        assertThat(r.totalReturn()).isZero();
        assertThat(r.annualVolatility()).isZero();
        assertThat(r.sharpe()).isNaN();   // 0 / 0, as numpy
        assertThat(r.sortino()).isNaN();
        assertThat(r.maxDrawdown().value()).isZero();
        assertThat(r.calmar()).isNaN();
    }

    @Test
    void aSingleReturnHasNoSampleVolatility() {
        PerformanceReport r = PerformanceMetrics.builder().returns(new double[] {0.05}).periodsPerYear(252).compute();
        assertThat(r.totalReturn()).isCloseTo(0.05, within(EPS));
        assertThat(r.annualReturn()).isCloseTo(Math.pow(1.05, 252) - 1, within(1e-6));
        assertThat(r.annualVolatility()).isNaN(); // std with ddof = 1 of one value
        assertThat(r.sharpe()).isNaN();
        assertThat(r.maxDrawdown().value()).isZero();
    }

    @Test
    void aLossInTheFirstPeriodIsADrawdownThatNeverRecovers() {
        PerformanceReport r = PerformanceMetrics.builder().returns(new double[] {-0.1, 0.05}).compute();
        assertThat(r.maxDrawdown().value()).isCloseTo(-0.1, within(EPS));
        assertThat(r.maxDrawdown()).extracting(PerformanceReport.Drawdown::peakIndex,
                        PerformanceReport.Drawdown::troughIndex, PerformanceReport.Drawdown::recoveryIndex,
                        PerformanceReport.Drawdown::durationPeriods)
                .containsExactly(0, 1, -1, 2);
        assertThat(r.summary()).contains("max drawdown").contains("-10.00 %").contains("not recovered");
    }

    @Test
    void exposureAndTurnover() {
        PerformanceReport r = PerformanceMetrics.builder()
                .equityCurve(new double[] {100, 110, 90, 100})
                .positions(new double[] {0, 2, -1, 0})
                .tradedNotional(new double[] {0, 200, 300, 100})
                .compute();
        assertThat(r.exposure()).isEqualTo(0.5);
        assertThat(r.turnover()).isCloseTo(600.0 / 100.0, within(EPS)); // mean equity (100+110+90+100)/4 = 100
    }

    @Test
    void badInputIsRejectedWithTheInputTheIndexAndTheValue() {
        assertThatThrownBy(() -> PerformanceMetrics.builder().equityCurve(new double[] {100, Double.NaN, 90}).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("equity curve[1] = NaN: every equity value must be a finite number > 0 (returns are "
                        + "undefined at or below zero); remove NaNs and end the curve where the account was wiped out");
        assertThatThrownBy(() -> PerformanceMetrics.builder().returns(new double[] {0.01, Double.POSITIVE_INFINITY}).compute())
                .hasMessage("returns[1] = Infinity: every return must be a finite number >= -1 (a simple return, "
                        + "-1 is a total loss); remove NaNs before computing metrics");
        assertThatThrownBy(() -> PerformanceMetrics.builder().returns(new double[0]).compute())
                .hasMessage("returns are empty; metrics need at least one return");
        assertThatThrownBy(() -> PerformanceMetrics.builder().equityCurve(new double[] {100}).compute())
                .hasMessage("equity curve has 1 point(s); metrics need at least 2 (one return)");
        assertThatThrownBy(() -> PerformanceMetrics.builder().compute())
                .hasMessage("performance metrics need exactly one of equityCurve(..) or returns(..), got neither");
        assertThatThrownBy(() -> PerformanceMetrics.builder().returns(R).tradedNotional(new double[] {1}).compute())
                .hasMessageStartingWith("tradedNotional needs an equity curve");
    }

    @Test
    void periodsPerYearForIntradayBars() {
        assertThat(PerformanceMetrics.periodsPerYear(Duration.ofMinutes(1), 6.5, 252)).isEqualTo(98_280.0);
        assertThat(PerformanceMetrics.periodsPerYear(Duration.ofMinutes(5), 23, 252)).isEqualTo(276 * 252.0);
    }

    @Provide
    Arbitrary<double[]> equityCurves() {
        return Arbitraries.doubles().between(1, 1_000_000).array(double[].class).ofMinSize(2).ofMaxSize(200);
    }

    @Property
    void maxDrawdownLiesBetweenMinusOneAndZero(@ForAll("equityCurves") double[] equity) {
        double dd = PerformanceMetrics.builder().equityCurve(equity).compute().maxDrawdown().value();
        assertThat(dd).isBetween(-1.0, 0.0);
    }

    @Property
    void totalReturnIsLastOverFirstEquity(@ForAll("equityCurves") double[] equity) {
        double total = PerformanceMetrics.builder().equityCurve(equity).compute().totalReturn();
        double expected = equity[equity.length - 1] / equity[0] - 1;
        assertThat(total).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }

    @Property
    void scalingTheEquityCurveChangesNothing(@ForAll("equityCurves") double[] equity,
                                             @ForAll @DoubleRange(min = 0.01, max = 100) double factor) {
        double[] scaled = equity.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= factor;
        }
        PerformanceReport a = PerformanceMetrics.builder().equityCurve(equity).compute();
        PerformanceReport b = PerformanceMetrics.builder().equityCurve(scaled).compute();
        assertThat(b.maxDrawdown().value()).isCloseTo(a.maxDrawdown().value(), within(1e-9));
        assertThat(b.totalReturn()).isCloseTo(a.totalReturn(), within(1e-9 * Math.max(1, Math.abs(a.totalReturn()))));
        if (Double.isFinite(a.sharpe())) {
            assertThat(b.sharpe()).isCloseTo(a.sharpe(), within(1e-6 * Math.max(1, Math.abs(a.sharpe()))));
        }
    }
}
