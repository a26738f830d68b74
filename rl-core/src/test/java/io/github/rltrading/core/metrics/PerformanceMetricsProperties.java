package io.github.rltrading.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

class PerformanceMetricsProperties {

    /** Cent-valued equity (jqwik's default scale of 2), so distinct values differ by far more than rounding. */
    @Provide
    Arbitrary<double[]> equityCurves() {
        return Arbitraries.doubles().between(1, 1_000_000).array(double[].class).ofMinSize(2).ofMaxSize(200);
    }

    @Provide
    Arbitrary<double[]> returnSeries() {
        return Arbitraries.doubles().between(-1, 1).ofScale(4).array(double[].class).ofMinSize(1).ofMaxSize(200);
    }

    @Property
    void maxDrawdownOfAnEquityCurveLiesBetweenMinusOneAndZero(@ForAll("equityCurves") double[] equity) {
        PerformanceReport.Drawdown dd = PerformanceMetrics.builder().equityCurve(equity).compute().maxDrawdown();
        assertThat(dd.value()).isBetween(-1.0, 0.0);
        assertThat(dd.peakIndex()).isLessThanOrEqualTo(dd.troughIndex());
        assertThat(dd.troughIndex()).isLessThan(equity.length);
    }

    @Property
    void maxDrawdownOfReturnsLiesBetweenMinusOneAndZero(@ForAll("returnSeries") double[] returns) {
        double dd = PerformanceMetrics.builder().returns(returns).compute().maxDrawdown().value();
        assertThat(dd).isBetween(-1.0, 0.0);
    }

    @Property
    void totalReturnOfAnEquityCurveIsLastOverFirst(@ForAll("equityCurves") double[] equity) {
        double total = PerformanceMetrics.builder().equityCurve(equity).compute().totalReturn();
        double expected = equity[equity.length - 1] / equity[0] - 1;
        assertThat(total).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }

    @Property
    void scalingTheEquityCurveChangesNoMetric(@ForAll("equityCurves") double[] equity,
                                              @ForAll @DoubleRange(min = 0.01, max = 100) double factor) {
        double[] scaled = new double[equity.length];
        double[] traded = new double[equity.length];
        double[] tradedScaled = new double[equity.length];
        double[] positions = new double[equity.length - 1];
        for (int i = 0; i < equity.length; i++) {
            scaled[i] = equity[i] * factor;
            // Traded notional is money too: a larger account trades proportionally more.
            traded[i] = (i % 3) * equity[i];
            tradedScaled[i] = traded[i] * factor;
        }
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i % 2;
        }
        double[] pnls = {10, -5, 0};
        PerformanceReport a = PerformanceMetrics.builder().equityCurve(equity).tradedNotional(traded)
                .positions(positions).tradePnls(pnls).compute();
        PerformanceReport b = PerformanceMetrics.builder().equityCurve(scaled).tradedNotional(tradedScaled)
                .positions(positions).tradePnls(pnls).compute();

        assertSame(b.totalReturn(), a.totalReturn());
        assertSame(b.annualReturn(), a.annualReturn());
        assertSame(b.annualVolatility(), a.annualVolatility());
        // A ratio over an (almost) zero deviation is ill-conditioned: one rounding error makes it NaN or huge.
        if (a.annualVolatility() > 0 && b.annualVolatility() > 0) {
            assertSame(b.sharpe(), a.sharpe());
            assertSame(b.sortino(), a.sortino());
        }
        assertSame(b.maxDrawdown().value(), a.maxDrawdown().value());
        assertThat(b.maxDrawdown()).extracting(PerformanceReport.Drawdown::peakIndex,
                        PerformanceReport.Drawdown::troughIndex, PerformanceReport.Drawdown::recoveryIndex,
                        PerformanceReport.Drawdown::durationPeriods)
                .containsExactly(a.maxDrawdown().peakIndex(), a.maxDrawdown().troughIndex(),
                        a.maxDrawdown().recoveryIndex(), a.maxDrawdown().durationPeriods());
        assertSame(b.calmar(), a.calmar());
        assertSame(b.exposure(), a.exposure());
        assertSame(b.turnover(), a.turnover());
        assertSame(b.winRate(), a.winRate());
        assertSame(b.profitFactor(), a.profitFactor());
        assertThat(b.numberOfPeriods()).isEqualTo(a.numberOfPeriods());
    }

    @Property
    void anEquityCurveAndItsReturnsAgree(@ForAll("equityCurves") double[] equity) {
        double[] r = new double[equity.length - 1];
        for (int t = 1; t < equity.length; t++) {
            r[t - 1] = equity[t] / equity[t - 1] - 1;
        }
        PerformanceReport a = PerformanceMetrics.builder().equityCurve(equity).compute();
        PerformanceReport b = PerformanceMetrics.builder().returns(r).compute();
        // A return near -1 (a fall from 18836.5 to 1) keeps only ~12 significant digits of 1 + r, so
        // wealth rebuilt from returns drifts by ~1e-12 per such step; the equity path has no such error.
        double tol = 1e-9;
        assertThat(b.totalReturn()).isCloseTo(a.totalReturn(), within(tol * Math.max(1, Math.abs(a.totalReturn()))));
        assertThat(b.maxDrawdown().value()).isCloseTo(a.maxDrawdown().value(), within(tol));
        assertSame(b.annualVolatility(), a.annualVolatility());
    }

    /**
     * Equal up to rounding: NaN matches NaN, infinities match exactly, otherwise a relative tolerance.
     * Returns are ratios of scaled values, so each carries a rounding error of about 1e-16; for the
     * smallest cent moves of a million-sized account (returns of 1e-8) that is 1e-8 relative.
     */
    private static void assertSame(double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else if (Double.isInfinite(expected)) {
            assertThat(actual).isEqualTo(expected);
        } else {
            assertThat(actual).isCloseTo(expected, within(1e-6 * Math.abs(expected) + 1e-12));
        }
    }
}
