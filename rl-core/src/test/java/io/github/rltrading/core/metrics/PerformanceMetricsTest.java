package io.github.rltrading.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.rltrading.core.metrics.PerformanceReport.Drawdown;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed values following empyrical's definitions. The arithmetic is written out in the
 * comments and with {@code Math}, never with the code under test.
 */
class PerformanceMetricsTest {

    private static final double EPS = 1e-12;
    private static final double[] R = {0.01, -0.02, 0.03, -0.01, 0.02};

    private static PerformanceMetrics.Builder returns(double... r) {
        return PerformanceMetrics.builder().returns(r);
    }

    private static PerformanceMetrics.Builder equity(double... e) {
        return PerformanceMetrics.builder().equityCurve(e);
    }

    @Test
    void fiveDailyReturns() {
        PerformanceReport r = returns(R).periodsPerYear(252).compute();

        // mean = (0.01 - 0.02 + 0.03 - 0.01 + 0.02) / 5 = 0.03 / 5 = 0.006
        // deviations 0.004, -0.026, 0.024, -0.016, 0.014
        // squares 0.000016 + 0.000676 + 0.000576 + 0.000256 + 0.000196 = 0.00172
        // ddof = 1: variance 0.00172 / 4 = 0.00043
        double std = Math.sqrt(0.00043);
        // wealth 1 -> 1.01 -> 0.9898 -> 1.019494 -> 1.00929906 -> 1.0294850412
        double total = 0.0294850412;
        double annual = Math.pow(1.0294850412, 252.0 / 5) - 1;
        // downside: min(r, 0) = 0, -0.02, 0, -0.01, 0; mean of squares (0.0004 + 0.0001) / 5 = 0.0001
        double downsideRisk = Math.sqrt(0.0001) * Math.sqrt(252);

        assertThat(r.totalReturn()).isCloseTo(total, within(EPS));
        assertThat(r.annualReturn()).isCloseTo(annual, within(EPS));
        assertThat(r.annualVolatility()).isCloseTo(std * Math.sqrt(252), within(EPS));
        assertThat(r.sharpe()).isCloseTo(0.006 / std * Math.sqrt(252), within(EPS));
        assertThat(r.sortino()).isCloseTo(0.006 * 252 / downsideRisk, within(EPS));
        // peak 1.01 (index 1), trough 0.9898 (index 2): 0.9898 / 1.01 - 1 = -0.02;
        // back above 1.01 at 1.019494 (index 3): duration 3 - 1 = 2.
        // The later dip 1.00929906 / 1.019494 - 1 = -0.01 is shallower.
        assertThat(r.maxDrawdown().value()).isCloseTo(-0.02, within(EPS));
        assertThat(r.maxDrawdown()).extracting(Drawdown::peakIndex, Drawdown::troughIndex,
                Drawdown::recoveryIndex, Drawdown::durationPeriods).containsExactly(1, 2, 3, 2);
        assertThat(r.calmar()).isCloseTo(annual / 0.02, within(EPS));
        assertThat(r.numberOfPeriods()).isEqualTo(5);
    }

    @Test
    void monthlyEquityCurveWithARiskFreeRateAndAnUnrecoveredDrawdown() {
        PerformanceReport r = equity(100, 125, 100, 150, 105).periodsPerYear(12).riskFreeRate(0.0125).compute();

        // returns 125/100 - 1 = 0.25, 100/125 - 1 = -0.2, 150/100 - 1 = 0.5, 105/150 - 1 = -0.3
        // mean 0.25 / 4 = 0.0625; deviations 0.1875, -0.2625, 0.4375, -0.3625
        // squares 0.03515625 + 0.06890625 + 0.19140625 + 0.13140625 = 0.426875; ddof = 1: / 3
        double std = Math.sqrt(0.426875 / 3);
        // excess returns r - 0.0125: 0.2375, -0.2125, 0.4875, -0.3125; mean 0.05 (std unchanged)
        // downside squares 0.2125^2 + 0.3125^2 = 0.04515625 + 0.09765625 = 0.1428125, / 4 periods
        double downsideRisk = Math.sqrt(0.1428125 / 4) * Math.sqrt(12);
        // total 105 / 100 - 1 = 0.05; CAGR 1.05^(12 / 4) - 1 = 1.157625 - 1
        double annual = 0.157625;

        assertThat(r.totalReturn()).isCloseTo(0.05, within(EPS));
        assertThat(r.annualReturn()).isCloseTo(annual, within(EPS));
        assertThat(r.annualVolatility()).isCloseTo(std * Math.sqrt(12), within(EPS)); // no risk-free rate
        assertThat(r.sharpe()).isCloseTo(0.05 / std * Math.sqrt(12), within(EPS));
        assertThat(r.sortino()).isCloseTo(0.05 * 12 / downsideRisk, within(EPS));
        // dips: 100 / 125 - 1 = -0.2 (peak 1, trough 2), 105 / 150 - 1 = -0.3 (peak 3, trough 4),
        // never back to 150: recovery -1, duration to the last index 4 - 3 = 1.
        assertThat(r.maxDrawdown().value()).isCloseTo(-0.3, within(EPS));
        assertThat(r.maxDrawdown()).extracting(Drawdown::peakIndex, Drawdown::troughIndex,
                Drawdown::recoveryIndex, Drawdown::durationPeriods).containsExactly(3, 4, -1, 1);
        assertThat(r.calmar()).isCloseTo(annual / 0.3, within(EPS));
        assertThat(r.numberOfPeriods()).isEqualTo(4);
    }

    @Test
    void drawdownIndicesOfAReturnSeriesCountTheStartingWealthAsIndexZero() {
        // wealth 1 (index 0) -> 0.9 (index 1) -> 0.945 (index 2): the peak is the start.
        PerformanceReport r = returns(-0.1, 0.05).compute();
        assertThat(r.maxDrawdown()).isEqualTo(new Drawdown(r.maxDrawdown().value(), 0, 1, -1, 2));
        assertThat(r.maxDrawdown().value()).isCloseTo(-0.1, within(EPS));
    }

    @Test
    void equalDrawdownsReportTheFirstTroughAndTheLastPeakBeforeIt() {
        // 100 -> 200 -> 200 -> 100 -> 200 -> 100: two -50 % dips; peak at the later 200 (index 2),
        // first trough index 3, recovered at index 4.
        Drawdown dd = equity(100, 200, 200, 100, 200, 100).compute().maxDrawdown();
        assertThat(dd).isEqualTo(new Drawdown(-0.5, 2, 3, 4, 2));
    }

    @Test
    void anEquityCurveAndItsReturnsGiveTheSameReport() {
        double[] e = {100, 101, 98.98, 101.9494, 100.929906, 102.94850412};
        PerformanceReport a = equity(e).compute();
        PerformanceReport b = returns(R).compute();
        assertThat(a.totalReturn()).isCloseTo(b.totalReturn(), within(EPS));
        assertThat(a.annualReturn()).isCloseTo(b.annualReturn(), within(1e-10));
        assertThat(a.annualVolatility()).isCloseTo(b.annualVolatility(), within(EPS));
        assertThat(a.sharpe()).isCloseTo(b.sharpe(), within(1e-10));
        assertThat(a.sortino()).isCloseTo(b.sortino(), within(1e-10));
        assertThat(a.maxDrawdown().value()).isCloseTo(b.maxDrawdown().value(), within(EPS));
        assertThat(a.maxDrawdown().peakIndex()).isEqualTo(b.maxDrawdown().peakIndex());
        assertThat(a.maxDrawdown().troughIndex()).isEqualTo(b.maxDrawdown().troughIndex());
    }

    @Test
    void tradeStatistics() {
        PerformanceReport r = returns(R).tradePnls(new double[] {300, -100, 200, -50, 0}).compute();
        // wins 300, 200 (2 of 5); losses -100, -50; the zero trade counts as a trade only.
        assertThat(r.numberOfTrades()).isEqualTo(5);
        assertThat(r.winRate()).isCloseTo(2.0 / 5, within(EPS));
        assertThat(r.profitFactor()).isCloseTo(500.0 / 150.0, within(EPS));
        assertThat(r.expectancy()).isCloseTo(350.0 / 5, within(EPS));
        assertThat(r.averageWin()).isCloseTo(500.0 / 2, within(EPS));
        assertThat(r.averageLoss()).isCloseTo(-150.0 / 2, within(EPS));
    }

    @Test
    void exposureAndTurnover() {
        PerformanceReport r = equity(100, 110, 90, 100)
                .positions(new double[] {0, 2, -1, 0})
                .tradedNotional(new double[] {0, 200, -300, 100}) // sign ignored
                .compute();
        assertThat(r.exposure()).isCloseTo(2.0 / 4, within(EPS));
        // (0 + 200 + 300 + 100) / mean(100, 110, 90, 100) = 600 / 100
        assertThat(r.turnover()).isCloseTo(6.0, within(EPS));
    }

    @Test
    void withoutPositionsOrNotionalExposureAndTurnoverAreUndefined() {
        PerformanceReport r = equity(100, 110).compute();
        assertThat(r.exposure()).isNaN();
        assertThat(r.turnover()).isNaN();
    }

    @Test
    void inputArraysAreCopied() {
        double[] r = R.clone();
        PerformanceMetrics.Builder b = returns(r);
        r[1] = 0.5;
        assertThat(b.compute().maxDrawdown().value()).isCloseTo(-0.02, within(EPS));
    }
}
