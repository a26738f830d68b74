package io.github.rltrading.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link PerformanceMetrics#periodsPerYear(java.time.Duration, double, int)}. */
class PeriodsPerYearTest {

    @Test
    void oneMinuteBarsInTheUsCashSession() {
        // 6.5 h * 60 = 390 bars a day, * 252 days
        assertThat(PerformanceMetrics.periodsPerYear(Duration.ofMinutes(1), 6.5, 252)).isEqualTo(98_280.0);
    }

    @Test
    void otherBarLengths() {
        assertThat(PerformanceMetrics.periodsPerYear(Duration.ofMinutes(5), 23, 252)).isEqualTo(276 * 252.0);
        assertThat(PerformanceMetrics.periodsPerYear(Duration.ofHours(1), 24, 365)).isEqualTo(24 * 365.0);
        assertThat(PerformanceMetrics.periodsPerYear(Duration.ofMillis(500), 1, 1)).isEqualTo(7200.0);
        assertThat(PerformanceMetrics.periodsPerYear(Duration.ofMinutes(30), 6.5, 252)).isEqualTo(13 * 252.0);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> PerformanceMetrics.periodsPerYear(Duration.ZERO, 6.5, 252))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("periodsPerYear: barLength must be positive, got PT0S");
        assertThatThrownBy(() -> PerformanceMetrics.periodsPerYear(Duration.ofMinutes(1), 0, 252))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("periodsPerYear: tradingHoursPerDay must be in (0, 24], got 0.0");
        assertThatThrownBy(() -> PerformanceMetrics.periodsPerYear(Duration.ofMinutes(1), 6.5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("periodsPerYear: tradingDaysPerYear must be at least 1, got 0");
    }
}
