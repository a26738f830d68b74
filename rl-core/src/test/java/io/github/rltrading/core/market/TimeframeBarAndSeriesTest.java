package io.github.rltrading.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TimeframeBarAndSeriesTest {

    private static final Instant T = Instant.parse("2020-03-09T13:31:00Z");

    @Test
    void timeframesParseAndPrintInTheShortForm() {
        for (String s : List.of("30s", "1m", "5m", "15m", "1h", "1d")) {
            assertThat(Timeframe.parse(s).toString()).isEqualTo(s);
        }
        assertThat(Timeframe.parse("60m")).isEqualTo(Timeframe.H1);
        assertThat(Timeframe.parse(" 5M ")).isEqualTo(Timeframe.M5);
        assertThat(Timeframe.M1.divides(Timeframe.M15)).isTrue();
        assertThat(Timeframe.M5.divides(Timeframe.parse("7m"))).isFalse();
        assertThat(Timeframe.M5.millis()).isEqualTo(300_000);
        assertThatThrownBy(() -> Timeframe.parse("5 minutes"))
                .hasMessage("timeframe '5 minutes' is not valid; write a positive count and a unit s, m, h or d, "
                        + "e.g. 1m, 5m, 15m, 1h, 1d");
        assertThatThrownBy(() -> Timeframe.parse("0m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Timeframe(Duration.ofMillis(1500)))
                .hasMessage("timeframe length must be a positive whole number of seconds, got PT1.5S");
    }

    @Test
    void aBarMustBeConsistent() {
        Bar ok = new Bar("ES", Timeframe.M1, T, 3000, 3001, 2999, 3000.5, 10);
        assertThat(ok.start()).isEqualTo(T.minusSeconds(60));
        assertThat(ok.range()).isEqualTo(2.0);
        assertThatThrownBy(() -> new Bar("ES", Timeframe.M1, T, 3000, 2999.75, 2999, 3000.5, 10))
                .hasMessage("bar ES 1m ending 2020-03-09T13:31:00Z: high 2999.75 is below max(open 3000.0, close 3000.5)");
        assertThatThrownBy(() -> new Bar("ES", Timeframe.M1, T, 3000, 3001, 3000.25, 3000.5, 10))
                .hasMessage("bar ES 1m ending 2020-03-09T13:31:00Z: low 3000.25 is above min(open 3000.0, close 3000.5)");
        assertThatThrownBy(() -> new Bar("ES", Timeframe.M1, T, 3000, 3001, 2999, 3000.5, -1))
                .hasMessage("bar ES 1m ending 2020-03-09T13:31:00Z: volume must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> new Bar("ES", Timeframe.M1, T, Double.NaN, 3001, 2999, 3000.5, 1))
                .hasMessageContaining("prices must be finite numbers, got open=NaN");
        assertThat(new Bar("CL", Timeframe.M1, T, -37.63, -10, -40.32, -37.63, 5).low()).isEqualTo(-40.32);
    }

    @Test
    void aSeriesRefusesOutOfOrderAndDuplicateBars() {
        BarSeries s = new BarSeries("ES", Timeframe.M1, 2);
        s.append(T.toEpochMilli(), 1, 2, 0.5, 1.5, 3);
        assertThatThrownBy(() -> s.append(T.toEpochMilli(), 1, 2, 0.5, 1.5, 3))
                .hasMessage("bar series ES 1m: bar ending 2020-03-09T13:31:00Z is not after the previous bar ending "
                        + "2020-03-09T13:31:00Z; bars must be appended in time order without duplicates");
        assertThatThrownBy(() -> s.append(T.plusSeconds(60).toEpochMilli(), 1, 0.9, 0.5, 1.5, 3))
                .hasMessage("bar series ES 1m: bar ending 2020-03-09T13:32:00Z: high 0.9 is below max(open 1.0, close 1.5)");
        assertThat(s.size()).isEqualTo(1);
    }

    @Test
    void aSeriesGrowsPastItsCapacityAndReadsBack() {
        BarSeries s = new BarSeries("ES", Timeframe.M1, 16);
        for (int i = 0; i < 100_000; i++) {
            double p = 3000 + (i % 100) * 0.25;
            s.append(T.toEpochMilli() + 60_000L * i, p, p + 1, p - 1, p + 0.5, i);
        }
        assertThat(s.size()).isEqualTo(100_000);
        assertThat(s.bar(99_999)).isEqualTo(new Bar("ES", Timeframe.M1, T.plusSeconds(60L * 99_999),
                3024.75, 3025.75, 3023.75, 3025.25, 99_999));
        assertThat(s.closes(0, 3)).containsExactly(3000.5, 3000.75, 3001.0);
        assertThat(s.toString()).isEqualTo("BarSeries[ES 1m, 100000 bars, 2020-03-09T13:31:00Z .. "
                + T.plusSeconds(60L * 99_999) + "]");
        assertThatThrownBy(() -> s.close(100_000)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aTailIsAnIndependentCopyOfTheLastBars() {
        BarSeries s = new BarSeries("ES", Timeframe.M1);
        for (int i = 0; i < 10; i++) {
            s.append(T.toEpochMilli() + 60_000L * i, i + 1, i + 2, i, i + 1.5, i);
        }
        BarSeries tail = s.tail(3);
        assertThat(tail.size()).isEqualTo(3);
        assertThat(tail.bar(0)).isEqualTo(s.bar(7));
        assertThat(tail.bar(2)).isEqualTo(s.bar(9));
        s.append(T.toEpochMilli() + 60_000L * 10, 1, 2, 0, 1, 0);
        tail.append(T.toEpochMilli() + 60_000L * 20, 5, 6, 4, 5, 0);
        assertThat(tail.size()).isEqualTo(4);
        assertThat(s.size()).isEqualTo(11);
        assertThat(s.tail(100).size()).isEqualTo(11);
        assertThat(s.tail(0).isEmpty()).isTrue();
    }

    @Provide
    Arbitrary<long[]> increasingTimes() {
        return Arbitraries.longs().between(1, 5_000).array(long[].class).ofMaxSize(60).map(steps -> {
            long[] t = new long[steps.length];
            long acc = 0;
            for (int i = 0; i < steps.length; i++) {
                acc += steps[i];
                t[i] = acc;
            }
            return t;
        });
    }

    @Property
    void lastIndexAtOrBeforeMatchesALinearScan(@ForAll("increasingTimes") long[] times,
                                               @ForAll("probe") long probe) {
        BarSeries s = new BarSeries("ES", Timeframe.M1);
        for (long t : times) {
            s.append(t, 1, 1, 1, 1, 0);
        }
        int expected = -1;
        for (int i = 0; i < times.length; i++) {
            if (times[i] <= probe) {
                expected = i;
            }
        }
        assertThat(s.lastIndexAtOrBefore(probe)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Long> probe() {
        return Arbitraries.longs().between(-10, 320_000);
    }
}
