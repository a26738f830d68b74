package io.github.rltrading.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The byte-level journal encoder writes valid JSON that reads back to exactly what was written. */
class FastJsonLineProperties {

    static final ObjectMapper JSON = new ObjectMapper();

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.integers().between(-4_000_000, 4_000_000).map(i -> i * 0.25),
                Arbitraries.of(0.0, -0.0, 0.1, 1e-7, 123456789.0001, 1e10, 9.99999999e10, 1e11, 1e300, Double.MIN_VALUE,
                        Double.MAX_VALUE, -3998.75));
    }

    @Property(tries = 2000)
    void everyFiniteDoubleReadsBackExactly(@ForAll("doubles") double v) throws Exception {
        JsonNode data = line(out -> out.number("v", v));
        assertThat(Double.doubleToLongBits(data.get("v").asDouble()))
                .as("%s encoded as %s", v, data.get("v")).isEqualTo(Double.doubleToLongBits(v));
    }

    @Property(tries = 2000)
    void everyFiniteFloatReadsBackExactly(@ForAll float f) throws Exception {
        JsonNode data = line(out -> out.numbers("v", new float[] {f}));
        float back = Float.parseFloat(data.get("v").get(0).asText());
        assertThat(Float.floatToIntBits(back)).as("%s encoded as %s", f, data.get("v")).isEqualTo(Float.floatToIntBits(f));
    }

    @Property(tries = 1000)
    void anyStringReadsBackExactly(@ForAll String s) throws Exception {
        JsonNode data = line(out -> out.string("s", s).object("o").string("t", s).end());
        assertThat(data.get("s").asText()).isEqualTo(s);
        assertThat(data.get("o").get("t").asText()).isEqualTo(s);
    }

    @Property(tries = 200)
    void nonFiniteNumbersAreNull(@ForAll("nonFinite") double v) throws Exception {
        assertThat(line(out -> out.number("v", v)).get("v").isNull()).isTrue();
    }

    @Provide
    Arbitrary<Double> nonFinite() {
        return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    private static JsonNode line(Journal.DataWriter data) throws Exception {
        byte[] bytes = new FastJsonLine().encode(7, Instant.parse("2020-03-09T14:30:00Z"), EventType.BAR, "t\"s", data);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n").doesNotContain("\n}");
        JsonNode n = JSON.readTree(text);
        assertThat(n.get("seq").asLong()).isEqualTo(7);
        assertThat(n.get("time").asText()).isEqualTo("2020-03-09T14:30:00Z");
        assertThat(n.get("source").asText()).isEqualTo("t\"s");
        return n.get("data");
    }
}
