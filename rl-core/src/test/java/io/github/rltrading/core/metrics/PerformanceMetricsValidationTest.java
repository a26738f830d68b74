package io.github.rltrading.core.metrics;

import static io.github.rltrading.core.metrics.MetricsInputs.R;
import static io.github.rltrading.core.metrics.MetricsInputs.equity;
import static io.github.rltrading.core.metrics.MetricsInputs.returns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Invalid input fails with an IllegalArgumentException naming the input, the index, the value and a remedy. */
class PerformanceMetricsValidationTest {

    @Test
    void nanEquityIsRejectedWithTheInputIndexValueAndRemedy() {
        assertThatThrownBy(() -> equity(100, Double.NaN, 90).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("equity curve[1] = NaN is invalid: equity values must be finite and > 0; "
                        + "fill or drop the missing value before computing metrics");
    }

    @Test
    void nonPositiveEquityIsRejected() {
        assertThatThrownBy(() -> equity(100, 50, 0).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("equity curve[2] = 0.0 is invalid: equity values must be finite and > 0; "
                        + "end the curve before the account was wiped out, or pass returns(..) instead");
        assertThatThrownBy(() -> equity(-5, 100).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("equity curve[0] = -5.0 is invalid");
    }

    @Test
    void infiniteEquityIsRejected() {
        assertThatThrownBy(() -> equity(100, Double.POSITIVE_INFINITY).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("equity curve[1] = Infinity is invalid: equity values must be finite and > 0; "
                        + "check the source of the curve for an overflow or a division by zero");
    }

    @Test
    void invalidReturnsAreRejected() {
        assertThatThrownBy(() -> returns(0.01, -0.02, Double.NaN).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("returns[2] = NaN is invalid: returns must be finite simple returns >= -1 "
                        + "(-1 is a total loss); fill or drop the missing value before computing metrics");
        assertThatThrownBy(() -> returns(0.01, -1.5).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("returns[1] = -1.5 is invalid: returns must be finite simple returns >= -1 "
                        + "(-1 is a total loss); pass simple returns (E[t] / E[t-1] - 1) as fractions, "
                        + "not log returns");
        assertThatThrownBy(() -> returns(Double.NEGATIVE_INFINITY).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("returns[0] = -Infinity is invalid");
    }

    @Test
    void emptyOrTooShortInputIsRejected() {
        assertThatThrownBy(() -> returns().compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("returns are empty; metrics need at least one return");
        assertThatThrownBy(() -> equity().compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("equity curve has 0 values; metrics need at least 2 "
                        + "(the starting equity and the equity after one period)");
        assertThatThrownBy(() -> equity(100).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("equity curve has 1 value; metrics need at least 2 "
                        + "(the starting equity and the equity after one period)");
    }

    @Test
    void exactlyOneOfEquityAndReturnsIsRequired() {
        assertThatThrownBy(() -> PerformanceMetrics.builder().compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("performance metrics need an equity curve or returns: "
                        + "call equityCurve(..) or returns(..) before compute()");
        assertThatThrownBy(() -> equity(100, 101).returns(new double[] {0.01}).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("performance metrics need exactly one of equity curve or returns, got both: "
                        + "call only one of equityCurve(..) and returns(..)");
    }

    @Test
    void invalidOptionalInputsAreRejected() {
        assertThatThrownBy(() -> returns(R).tradePnls(new double[] {1, Double.NaN}).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trade P&Ls[1] = NaN is invalid: trade P&Ls must be finite; "
                        + "drop trades whose P&L is unknown");
        assertThatThrownBy(() -> returns(R).positions(new double[] {Double.POSITIVE_INFINITY}).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("positions[0] = Infinity is invalid");
        assertThatThrownBy(() -> equity(100, 101).tradedNotional(new double[] {0, Double.NaN}).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("traded notional[1] = NaN is invalid");
        assertThatThrownBy(() -> returns(R).tradedNotional(new double[] {1}).compute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("traded notional needs an equity curve");
        assertThatThrownBy(() -> returns((double[]) null))
                .isInstanceOf(NullPointerException.class).hasMessage("returns");
    }

    @Test
    void invalidSettingsAreRejected() {
        for (double p : new double[] {0, -252, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> PerformanceMetrics.builder().periodsPerYear(p))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("periodsPerYear must be a finite number > 0, got " + p);
        }
        assertThatThrownBy(() -> PerformanceMetrics.builder().riskFreeRate(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("riskFreeRate must be a finite");
    }
}
