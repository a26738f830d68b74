package io.github.rltrading.env.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The report's coordinate printer: one decimal, as {@code "%.1f"} would print it. */
class HtmlReportFormatTest {

    @Test
    void roundsHalfAwayFromZeroAndNeverPrintsMinusZero() {
        assertThat(HtmlReport.fmt(12.34)).isEqualTo("12.3");
        assertThat(HtmlReport.fmt(99.96)).isEqualTo("100.0");
        assertThat(HtmlReport.fmt(0.25)).isEqualTo("0.3");
        assertThat(HtmlReport.fmt(-0.25)).isEqualTo("-0.3");
        assertThat(HtmlReport.fmt(-0.04)).isEqualTo("0.0");
        assertThat(HtmlReport.fmt(0)).isEqualTo("0.0");
    }

    /** Off {@code "%.1f"} only where the double sits within a rounding error of a half tenth. */
    @Property(tries = 2000)
    void agreesWithStringFormat(@ForAll @DoubleRange(min = -2000, max = 2000) double v) {
        String expected = String.format(Locale.ROOT, "%.1f", v);
        if (expected.equals("-0.0")) {
            expected = "0.0";
        }
        double tenths = Math.abs(v) * 10;
        boolean nearHalf = Math.abs(tenths - Math.floor(tenths) - 0.5) < 1e-9;
        if (!nearHalf) {
            assertThat(HtmlReport.fmt(v)).isEqualTo(expected);
        }
    }
}
