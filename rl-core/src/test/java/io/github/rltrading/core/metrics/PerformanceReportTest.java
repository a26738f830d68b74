package io.github.rltrading.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceReportTest {

    private static final double NAN = Double.NaN;

    @Test
    void summaryFormatsPercentagesRatiosAndUndefinedValues() {
        PerformanceReport r = new PerformanceReport(0.0294850412, 3.5, 0.3291, 4.5928, NAN,
                new PerformanceReport.Drawdown(-0.02, 1, 2, 3, 2), NAN, 0.4, Double.POSITIVE_INFINITY, 70, 250, -75,
                0.5, 6, 5, 5);
        List<String> lines = r.summary().lines().toList();
        assertThat(lines).containsExactly(
                "total return             2.95 %",
                "annual return          350.00 %",
                "annual volatility       32.91 %",
                "Sharpe                    4.593",
                "Sortino                     n/a",
                "max drawdown            -2.00 % (2 periods)",
                "Calmar                      n/a",
                "trades                        5",
                "win rate                40.00 %",
                "profit factor               inf",
                "expectancy               70.000",
                "average win             250.000",
                "average loss            -75.000",
                "exposure                50.00 %",
                "turnover                  6.000",
                "periods                       5");
    }

    @Test
    void summaryMarksAnUnrecoveredDrawdownAndShowsNoDetailWithoutOne() {
        PerformanceReport down = PerformanceMetrics.builder().returns(new double[] {-0.1, 0.05}).compute();
        assertThat(down.summary()).contains("max drawdown           -10.00 % (2 periods, not recovered)");

        PerformanceReport flat = PerformanceMetrics.builder().equityCurve(new double[] {5, 5}).compute();
        assertThat(flat.summary().lines()).contains("max drawdown             0.00 %",
                "Sharpe                      n/a", "win rate                    n/a");
    }
}
