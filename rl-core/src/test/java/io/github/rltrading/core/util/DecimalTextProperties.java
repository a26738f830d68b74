package io.github.rltrading.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link DecimalText}: its text always reads back to the same double, and short decimals print plainly. */
class DecimalTextProperties {

    @Provide
    Arbitrary<Double> anyDouble() {
        return Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.doubles().between(-1e12, 1e12),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.of(0.0, -0.0, 1e11, -1e11, 99_999_999_999.9999, 1e-4, 5e-5, Double.MIN_VALUE, Double.MAX_VALUE));
    }

    /** Money, ticks and fractions: whole numbers of 10^-4 up to 10^11. */
    @Provide
    Arbitrary<Long> tenThousandths() {
        return Arbitraries.longs().between(-999_999_999_999_999L, 999_999_999_999_999L);
    }

    @Property(tries = 3000)
    void everyTextReadsBackToTheSameDouble(@ForAll("anyDouble") double v) {
        String text = DecimalText.format(v);
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).as(text).isEqualTo(Double.doubleToRawLongBits(v));
    }

    @Property(tries = 3000)
    void shortDecimalsArePrintedAsPlainDecimals(@ForAll("tenThousandths") long scaled) {
        double v = scaled / 10_000.0;
        String text = DecimalText.format(v);
        assertThat(text).doesNotContain("E").contains(".");
        assertThat(new BigDecimal(text).compareTo(BigDecimal.valueOf(scaled, 4))).as(text).isZero();
        assertThat(DecimalText.tenThousandths(v)).isEqualTo(scaled);
    }

    @Example
    void examples() {
        assertThat(DecimalText.format(100_012.5)).isEqualTo("100012.5");
        assertThat(DecimalText.format(100_000)).isEqualTo("100000.0");
        assertThat(DecimalText.format(-0.05)).isEqualTo("-0.05");
        assertThat(DecimalText.format(-0.0)).isEqualTo("-0.0");
        assertThat(DecimalText.format(12_345_678.25)).as("no exponent where Double.toString has one").isEqualTo("12345678.25");
        assertThat(DecimalText.format(0.1 + 0.2)).as("not a short decimal").isEqualTo(Double.toString(0.1 + 0.2));
        assertThat(DecimalText.format(Double.NaN)).isEqualTo("NaN");
        assertThat(DecimalText.tenThousandths(1e-5)).isEqualTo(DecimalText.NOT_SHORT);
    }
}
