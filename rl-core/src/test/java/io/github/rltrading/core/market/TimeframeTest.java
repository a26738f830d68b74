package io.github.rltrading.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TimeframeTest {

    private static String invalid(String text) {
        return "timeframe '" + text
                + "' is not valid; write a positive count and a unit s, m, h or d, e.g. 1m, 5m, 15m, 1h, 1d";
    }

    @Test
    void theUsualBarLengthsParseToTheirDurations() {
        assertThat(Timeframe.parse("30s").length()).isEqualTo(Duration.ofSeconds(30));
        assertThat(Timeframe.parse("1m")).isEqualTo(Timeframe.M1);
        assertThat(Timeframe.parse("5m")).isEqualTo(Timeframe.M5);
        assertThat(Timeframe.parse("15m")).isEqualTo(Timeframe.M15);
        assertThat(Timeframe.parse("1h")).isEqualTo(Timeframe.H1);
        assertThat(Timeframe.parse("1d")).isEqualTo(Timeframe.D1);
        assertThat(Timeframe.D1.length()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void theUsualBarLengthsPrintInTheShortForm() {
        for (String text : List.of("30s", "1m", "5m", "15m", "1h", "1d")) {
            assertThat(Timeframe.parse(text)).hasToString(text);
        }
    }

    @Test
    void printingPicksTheLargestUnitThatDividesTheLength() {
        assertThat(Timeframe.parse("60m")).isEqualTo(Timeframe.H1).hasToString("1h");
        assertThat(Timeframe.parse("24h")).isEqualTo(Timeframe.D1).hasToString("1d");
        assertThat(Timeframe.parse("120s")).hasToString("2m");
        assertThat(Timeframe.parse("90s")).hasToString("90s");
        assertThat(Timeframe.parse("90m")).hasToString("90m");
        assertThat(Timeframe.parse("48h")).hasToString("2d");
    }

    @Test
    void parsingIgnoresCaseAndSurroundingOrInnerBlanks() {
        assertThat(Timeframe.parse(" 5M ")).isEqualTo(Timeframe.M5);
        assertThat(Timeframe.parse("1 H")).isEqualTo(Timeframe.H1);
        assertThat(Timeframe.parse("015m")).isEqualTo(Timeframe.M15);
    }

    @Test
    void badTextIsRefusedNamingTheTextAndTheAcceptedForms() {
        assertThatThrownBy(() -> Timeframe.parse("5 minutes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeframe '5 minutes' is not valid; write a positive count and a unit s, m, h or d, "
                        + "e.g. 1m, 5m, 15m, 1h, 1d");
        for (String bad : List.of("", "m", "5", "5x", "-5m", "1.5h", "5ms", "m5", "1w")) {
            assertThatThrownBy(() -> Timeframe.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(invalid(bad));
        }
    }

    @Test
    void aZeroCountIsRefused() {
        assertThatThrownBy(() -> Timeframe.parse("0m")).hasMessage(invalid("0m"));
        assertThatThrownBy(() -> Timeframe.parse("000s")).hasMessage(invalid("000s"));
    }

    @Test
    void nullIsRefusedLikeAnyOtherBadText() {
        assertThatThrownBy(() -> Timeframe.parse(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(invalid("null"));
    }

    @Test
    void aCountTooLargeForADurationIsRefusedWithTheSameMessage() {
        for (String huge : List.of("99999999999999999999m", "9223372036854775807d", "106751991167301d",
                "9223372036854775807s")) {
            assertThatThrownBy(() -> Timeframe.parse(huge)).as(huge)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(invalid(huge));
        }
    }

    @Test
    void aLengthMustBeAPositiveWholeNumberOfSeconds() {
        assertThatThrownBy(() -> new Timeframe(Duration.ofMillis(1500)))
                .hasMessage("timeframe length must be a positive whole number of seconds, got PT1.5S");
        assertThatThrownBy(() -> new Timeframe(Duration.ZERO))
                .hasMessage("timeframe length must be a positive whole number of seconds, got PT0S");
        assertThatThrownBy(() -> new Timeframe(Duration.ofMinutes(-5)))
                .hasMessage("timeframe length must be a positive whole number of seconds, got PT-5M");
        assertThatThrownBy(() -> new Timeframe(null)).isInstanceOf(NullPointerException.class).hasMessage("length");
    }

    @Test
    void millisAndOrderingFollowTheLength() {
        assertThat(Timeframe.M5.millis()).isEqualTo(300_000L);
        assertThat(Timeframe.D1.millis()).isEqualTo(86_400_000L);
        List<Timeframe> shuffled = new ArrayList<>(List.of(Timeframe.D1, Timeframe.M5, Timeframe.H1,
                Timeframe.parse("30s"), Timeframe.M15, Timeframe.M1));
        shuffled.sort(null);
        assertThat(shuffled).containsExactly(Timeframe.parse("30s"), Timeframe.M1, Timeframe.M5, Timeframe.M15,
                Timeframe.H1, Timeframe.D1);
    }

    @Test
    void aTimeframeDividesItsWholeMultiplesOnly() {
        assertThat(Timeframe.M1.divides(Timeframe.M15)).isTrue();
        assertThat(Timeframe.M5.divides(Timeframe.M15)).isTrue();
        assertThat(Timeframe.M15.divides(Timeframe.H1)).isTrue();
        assertThat(Timeframe.M5.divides(Timeframe.M5)).isTrue();
        assertThat(Timeframe.M5.divides(Timeframe.parse("7m"))).isFalse();
        assertThat(Timeframe.M15.divides(Timeframe.M5)).as("a longer bar does not divide a shorter one").isFalse();
        assertThat(Timeframe.parse("30s").divides(Timeframe.M1)).isTrue();
    }

    @Test
    void jsonWritesAndReadsTheShortForm() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.writeValueAsString(Timeframe.M15)).isEqualTo("\"15m\"");
        assertThat(json.readValue("\"1h\"", Timeframe.class)).isEqualTo(Timeframe.H1);
    }

    @Property
    void everyTimeframePrintsToTextThatParsesBackToIt(
            @ForAll @LongRange(min = 1, max = 10L * 366 * 86_400) long seconds) {
        Timeframe tf = new Timeframe(Duration.ofSeconds(seconds));
        Timeframe back = Timeframe.parse(tf.toString());
        assertThat(back).isEqualTo(tf);
        assertThat(back.millis()).isEqualTo(seconds * 1000);
        assertThat(tf.toString()).matches("[1-9]\\d*[smhd]");
    }

    @Property
    void anyTextEitherParsesToAPositiveLengthOrIsRefusedNamingIt(@ForAll @StringLength(max = 25) String text) {
        Timeframe tf;
        try {
            tf = Timeframe.parse(text);
        } catch (IllegalArgumentException refused) {
            assertThat(refused).hasMessage(invalid(text));
            return;
        }
        assertThat(tf.length()).isPositive();
        assertThat(Timeframe.parse(tf.toString())).isEqualTo(tf);
    }
}
