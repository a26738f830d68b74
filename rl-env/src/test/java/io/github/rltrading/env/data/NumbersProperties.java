package io.github.rltrading.env.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The fast decimal parser must agree bit for bit with {@link Double#parseDouble}. */
class NumbersProperties {

    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Numbers.parseDouble(b, 0, b.length);
    }

    @Property(tries = 5000)
    void decimalsWithFewDigitsMatchTheJdk(@ForAll @LongRange(min = -999_999_999_999L, max = 999_999_999_999L) long units,
            @ForAll @IntRange(min = 0, max = 12) int scale) {
        String text = new java.math.BigDecimal(java.math.BigInteger.valueOf(units), scale).toPlainString();
        assertThat(Double.doubleToRawLongBits(parse(text))).as(text)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @Property(tries = 3000)
    void anyPrintedDoubleMatchesTheJdk(@ForAll double value) {
        String text = Double.toString(value);
        assertThat(Double.doubleToRawLongBits(parse(text))).as(text)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        String plain = String.format(Locale.ROOT, "%.6f", value);
        if (Double.isFinite(value)) {
            assertThat(Double.doubleToRawLongBits(parse(plain))).as(plain)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(plain)));
        }
    }

    @Example
    void textThatIsNotANumberIsNaN() {
        for (String s : new String[] {"", "-", ".", "abc", "1.2.3", "1,5", "--1", "1e"}) {
            assertThat(parse(s)).as(s).isNaN();
        }
        assertThat(parse("12345678901234567890.5")).isEqualTo(12345678901234567890.5);
        assertThat(parse("1e3")).isEqualTo(1000.0);
        assertThat(parse("+2.5")).isEqualTo(2.5);
    }
}
