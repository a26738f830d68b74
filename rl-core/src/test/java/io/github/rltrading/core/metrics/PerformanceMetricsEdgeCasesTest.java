package io.github.rltrading.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.rltrading.core.metrics.PerformanceReport.Drawdown;
import org.junit.jupiter.api.Test;

/** Degenerate inputs: flat curves, single returns, one-sided trades, total loss, overflow. */
class PerformanceMetricsEdgeCasesTest {

    private static final double EPS = 1e-12;
    private static final double[] R = {0.01, -0.02, 0.03, -0.01, 0.02};

    private static PerformanceMetrics.Builder returns(double... r) {
        return PerformanceMetrics.builder().returns(r);
    }

    private static PerformanceMetrics.Builder equity(double... e) {
        return PerformanceMetrics.builder().equityCurve(e);
    }

    @Test
    void aFlatCurveHasNoVolatilityNoDrawdownAndUndefinedRatios() {
        PerformanceReport r = equity(100, 100, 100, 100).compute();
        assertThat(r.totalReturn()).isZero();
        assertThat(r.annualReturn()).isZero();
        assertThat(r.annualVolatility()).isZero();
        assertThat(r.sharpe()).isNaN();  // 0 / 0
        assertThat(r.sortino()).isNaN(); // 0 / 0: no mean, no downside
        assertThat(r.maxDrawdown()).isEqualTo(Drawdown.NONE);
        assertThat(r.calmar()).isNaN();
    }

    @Test
    void aSteadyRiseHasAnUndefinedSharpeAndAnInfiniteSortino() {
        // 0.01 + 0.01 = 0.02 and 0.02 / 2 = 0.01 exactly: the standard deviation is exactly 0, which
        // empyrical maps to a NaN Sharpe; the mean is positive with no downside: Sortino +inf.
        PerformanceReport r = returns(0.01, 0.01).compute();
        assertThat(r.annualVolatility()).isZero();
        assertThat(r.sharpe()).isNaN();
        assertThat(r.sortino()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.calmar()).isNaN(); // no drawdown
    }

    @Test
    void aSingleReturnHasNoSampleStandardDeviation() {
        PerformanceReport r = returns(0.05).periodsPerYear(252).compute();
        assertThat(r.totalReturn()).isCloseTo(0.05, within(EPS));
        assertThat(r.annualReturn()).isCloseTo(Math.pow(1.05, 252) - 1, within(1e-6));
        assertThat(r.annualVolatility()).isNaN(); // ddof = 1 of one value
        assertThat(r.sharpe()).isNaN();
        assertThat(r.sortino()).isNaN();          // empyrical: fewer than two returns
        assertThat(r.maxDrawdown()).isEqualTo(Drawdown.NONE);
        assertThat(r.numberOfPeriods()).isEqualTo(1);
    }

    @Test
    void allLosingTrades() {
        PerformanceReport r = returns(R).tradePnls(new double[] {-10, -30}).compute();
        assertThat(r.numberOfTrades()).isEqualTo(2);
        assertThat(r.winRate()).isZero();
        assertThat(r.profitFactor()).isZero();
        assertThat(r.averageWin()).isNaN();
        assertThat(r.averageLoss()).isCloseTo(-20.0, within(EPS));
        assertThat(r.expectancy()).isCloseTo(-20.0, within(EPS));
    }

    @Test
    void allWinningTradesHaveAnInfiniteProfitFactor() {
        PerformanceReport r = returns(R).tradePnls(new double[] {5, 15}).compute();
        assertThat(r.winRate()).isEqualTo(1.0);
        assertThat(r.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.averageLoss()).isNaN();
    }

    @Test
    void withoutTradesTheTradeStatisticsAreUndefined() {
        for (PerformanceReport r : new PerformanceReport[] {returns(R).compute(),
                returns(R).tradePnls(new double[0]).compute()}) {
            assertThat(r.numberOfTrades()).isZero();
            assertThat(java.util.List.of(r.winRate(), r.profitFactor(), r.expectancy(), r.averageWin(),
                    r.averageLoss())).allMatch(v -> v.isNaN());
        }
    }

    @Test
    void aTotalLossIsADrawdownOfMinusOne() {
        PerformanceReport r = returns(0.1, -1.0).compute();
        assertThat(r.totalReturn()).isEqualTo(-1.0);
        assertThat(r.annualReturn()).isEqualTo(-1.0);
        assertThat(r.maxDrawdown()).isEqualTo(new Drawdown(-1.0, 1, 2, -1, 1));
    }

    @Test
    void anInfiniteCalmarIsUndefinedAsInEmpyrical() {
        // 1.98^(98280 / 2) overflows: the annual return is +inf, so Calmar is NaN rather than inf.
        PerformanceReport r = returns(1.0, -0.01).periodsPerYear(98_280).compute();
        assertThat(r.annualReturn()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.maxDrawdown().value()).isCloseTo(-0.01, within(EPS));
        assertThat(r.calmar()).isNaN();
    }
}
