package io.github.rltrading.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BarSeriesTest {

    private static final Instant T = Instant.parse("2020-03-09T13:31:00Z");
    private static final long T0 = T.toEpochMilli();
    private static final long MINUTE = 60_000L;

    private static BarSeries minutes(int count) {
        BarSeries s = new BarSeries("ES", Timeframe.M1, 16);
        for (int i = 0; i < count; i++) {
            double p = 3000 + i * 0.25;
            s.append(T0 + MINUTE * i, p, p + 1, p - 1, p + 0.5, i);
        }
        return s;
    }

    // --- append ------------------------------------------------------------------------------------

    @Test
    void aNewSeriesIsEmpty() {
        BarSeries s = new BarSeries("ES", Timeframe.M1);
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.size()).isZero();
        assertThat(s.symbol()).isEqualTo("ES");
        assertThat(s.timeframe()).isEqualTo(Timeframe.M1);
        assertThat(s.lastIndexAtOrBefore(Long.MAX_VALUE)).isEqualTo(-1);
        assertThat(s).hasToString("BarSeries[ES 1m, 0 bars]");
    }

    @Test
    void aDuplicateTimeIsRefusedAndTheSeriesIsUnchanged() {
        BarSeries s = minutes(1);
        assertThatThrownBy(() -> s.append(T0, 1, 2, 0.5, 1.5, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bar series ES 1m: bar ending 2020-03-09T13:31:00Z is not after the previous bar ending "
                        + "2020-03-09T13:31:00Z; bars must be appended in time order without duplicates");
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.close(0)).isEqualTo(3000.5);
    }

    @Test
    void anEarlierTimeIsRefusedAndTheSeriesIsUnchanged() {
        BarSeries s = minutes(3);
        assertThatThrownBy(() -> s.append(T0 + MINUTE, 1, 2, 0.5, 1.5, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bar series ES 1m: bar ending 2020-03-09T13:32:00Z is not after the previous bar ending "
                        + "2020-03-09T13:33:00Z; bars must be appended in time order without duplicates");
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.endTime(2)).isEqualTo(T.plusSeconds(120));
    }

    @Test
    void anInconsistentBarIsRefusedNamingTheSeriesAndTheTime() {
        BarSeries s = minutes(1);
        assertThatThrownBy(() -> s.append(T0 + MINUTE, 1, 0.9, 0.5, 1.5, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bar series ES 1m: bar ending 2020-03-09T13:32:00Z: high 0.9 is below max(open 1.0, close 1.5)");
        assertThat(s.size()).isEqualTo(1);
        // the refused time is still free
        s.append(T0 + MINUTE, 1, 2, 0.5, 1.5, 3);
        assertThat(s.size()).isEqualTo(2);
    }

    @Test
    void aBarOfAnotherInstrumentOrTimeframeIsRefused() {
        BarSeries s = new BarSeries("ES", Timeframe.M1);
        assertThatThrownBy(() -> s.append(new Bar("MES", Timeframe.M1, T, 1, 1, 1, 1, 0)))
                .hasMessage("bar series ES 1m cannot take a bar of MES 1m");
        assertThatThrownBy(() -> s.append(new Bar("ES", Timeframe.M5, T, 1, 1, 1, 1, 0)))
                .hasMessage("bar series ES 1m cannot take a bar of ES 5m");
        assertThat(s.isEmpty()).isTrue();
    }

    @Test
    void aNegativeCapacityIsRefused() {
        assertThatThrownBy(() -> new BarSeries("ES", Timeframe.M1, -1))
                .hasMessage("initialCapacity must be >= 0, got -1");
    }

    @Test
    void aSeriesGrowsFarPastItsInitialCapacityAndKeepsEveryBar() {
        int n = 100_000;
        BarSeries s = new BarSeries("ES", Timeframe.M1, 0);
        for (int i = 0; i < n; i++) {
            double p = 3000 + (i % 400) * 0.25;
            s.append(T0 + MINUTE * i, p, p + 1, p - 1, p + 0.5, i);
        }
        assertThat(s.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            double p = 3000 + (i % 400) * 0.25;
            if (s.endMillis(i) != T0 + MINUTE * i || s.open(i) != p || s.high(i) != p + 1 || s.low(i) != p - 1
                    || s.close(i) != p + 0.5 || s.volume(i) != i) {
                throw new AssertionError("bar " + i + " changed while the series grew: " + s.bar(i));
            }
        }
        assertThat(s.bar(n - 1)).isEqualTo(new Bar("ES", Timeframe.M1, T.plusSeconds(60L * (n - 1)),
                3099.75, 3100.75, 3098.75, 3100.25, n - 1)); // 99,999 % 400 = 399 ticks above 3000
        assertThat(s).hasToString("BarSeries[ES 1m, 100000 bars, 2020-03-09T13:31:00Z .. "
                + T.plusSeconds(60L * (n - 1)) + "]");
        assertThat(s.lastIndexAtOrBefore(T0 + MINUTE * 54_321 + 59_999)).isEqualTo(54_321);
    }

    // --- reading -------------------------------------------------------------------------------------

    @Test
    void readingOutsideTheSeriesFails() {
        BarSeries s = minutes(3);
        assertThatThrownBy(() -> s.close(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.open(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.bar(3)).isInstanceOf(IndexOutOfBoundsException.class);
        // capacity is 16, so index 5 exists in the arrays but not in the series
        assertThatThrownBy(() -> s.endMillis(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void closesCopiesAHalfOpenRange() {
        BarSeries s = minutes(5);
        double[] closes = s.closes(1, 4);
        assertThat(closes).containsExactly(3000.75, 3001.0, 3001.25);
        closes[0] = -1;
        assertThat(s.close(1)).as("a copy").isEqualTo(3000.75);
        assertThat(s.closes(2, 2)).isEmpty();
        assertThatThrownBy(() -> s.closes(3, 6)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aTailIsAnIndependentCopyOfTheLastBars() {
        BarSeries s = minutes(10);
        BarSeries tail = s.tail(3);
        assertThat(tail.size()).isEqualTo(3);
        assertThat(tail.bar(0)).isEqualTo(s.bar(7));
        assertThat(tail.bar(2)).isEqualTo(s.bar(9));
        s.append(T0 + MINUTE * 10, 1, 2, 0, 1, 0);
        tail.append(T0 + MINUTE * 20, 5, 6, 4, 5, 0);
        assertThat(tail.size()).isEqualTo(4);
        assertThat(s.size()).isEqualTo(11);
        assertThat(s.bar(10).close()).isEqualTo(1.0);
        assertThat(s.tail(100).size()).isEqualTo(11);
        assertThat(s.tail(0).isEmpty()).isTrue();
        assertThatThrownBy(() -> s.tail(-1)).hasMessage("tail needs n >= 0, got -1");
    }

    @Test
    void lookupAtABarsEndFindsThatBarAndJustBeforeFindsThePreviousOne() {
        BarSeries s = minutes(3);
        assertThat(s.lastIndexAtOrBefore(T0 - 1)).isEqualTo(-1);
        assertThat(s.lastIndexAtOrBefore(T0)).isEqualTo(0);
        assertThat(s.lastIndexAtOrBefore(T0 + MINUTE - 1)).isEqualTo(0);
        assertThat(s.lastIndexAtOrBefore(T0 + MINUTE)).isEqualTo(1);
        assertThat(s.lastIndexAtOrBefore(T0 + 100 * MINUTE)).isEqualTo(2);
    }

    // --- properties ------------------------------------------------------------------------------

    /** Strictly increasing bar end times, starting anywhere (before 1970 too), gaps of 1 ms to 1 day. */
    @Provide
    Arbitrary<long[]> increasingTimes() {
        Arbitrary<Long> start = Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L);
        Arbitrary<List<Long>> gaps = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(1, 5)),
                Tuple.of(5, Arbitraries.of(MINUTE, 5 * MINUTE)),
                Tuple.of(2, Arbitraries.longs().between(1, 86_400_000L))).list().ofMaxSize(80);
        return Combinators.combine(start, gaps).as((t0, steps) -> {
            long[] t = new long[steps.size()];
            long acc = t0;
            for (int i = 0; i < t.length; i++) {
                acc += steps.get(i);
                t[i] = acc;
            }
            return t;
        });
    }

    private static int linearLastAtOrBefore(long[] times, long probe) {
        int found = -1;
        for (int i = 0; i < times.length; i++) {
            if (times[i] <= probe) {
                found = i;
            }
        }
        return found;
    }

    @Property(tries = 1000)
    void lastIndexAtOrBeforeAgreesWithALinearScan(@ForAll("increasingTimes") long[] times,
                                                  @ForAll @IntRange(min = 0, max = 1000) int pick,
                                                  @ForAll @IntRange(min = -2, max = 2) int nudge,
                                                  @ForAll long anyProbe) {
        BarSeries s = new BarSeries("ES", Timeframe.M1, 4);
        for (long t : times) {
            s.append(t, 1, 1, 1, 1, 0);
        }
        // probes at, just before and just after existing times hit the boundaries a random probe misses
        List<Long> probes = new ArrayList<>(List.of(anyProbe, Long.MIN_VALUE, Long.MAX_VALUE));
        if (times.length > 0) {
            probes.add(times[pick % times.length] + nudge);
            probes.add(times[0] - 1);
            probes.add(times[times.length - 1]);
        }
        for (long probe : probes) {
            assertThat(s.lastIndexAtOrBefore(probe)).as("probe %d", probe).isEqualTo(linearLastAtOrBefore(times, probe));
        }
    }

    @Provide
    Arbitrary<List<Bar>> bars() {
        Arbitrary<Bar> shape = Combinators.combine(
                Arbitraries.integers().between(-400, 40_000),   // open in ticks
                Arbitraries.integers().between(-40, 40),        // close - open in ticks
                Arbitraries.integers().between(0, 20),          // high above max(open, close)
                Arbitraries.integers().between(0, 20),          // low below min(open, close)
                Arbitraries.doubles().between(0, 1e6).ofScale(2))
                .as((o, dc, up, down, v) -> {
                    double open = o * 0.25;
                    double close = (o + dc) * 0.25;
                    return new Bar("ES", Timeframe.M1, T, open, Math.max(open, close) + up * 0.25,
                            Math.min(open, close) - down * 0.25, close, v);
                });
        return shape.list().ofMaxSize(60).map(shapes -> {
            // one minute apart, with an irregular few seconds on top
            List<Bar> out = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                Bar b = shapes.get(i);
                out.add(new Bar(b.symbol(), b.timeframe(), T.plusSeconds(60L * i + (i % 7)), b.open(), b.high(),
                        b.low(), b.close(), b.volume()));
            }
            return out;
        });
    }

    @Property(tries = 300)
    void everyAppendedBarReadsBackEqual(@ForAll("bars") List<Bar> bars) {
        BarSeries viaObjects = new BarSeries("ES", Timeframe.M1, 0);
        BarSeries viaPrimitives = new BarSeries("ES", Timeframe.M1, 0);
        for (Bar b : bars) {
            viaObjects.append(b);
            viaPrimitives.append(b.end().toEpochMilli(), b.open(), b.high(), b.low(), b.close(), b.volume());
        }
        assertThat(viaObjects.size()).isEqualTo(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            assertThat(viaObjects.bar(i)).isEqualTo(b);
            assertThat(viaPrimitives.bar(i)).isEqualTo(b);
            assertThat(viaObjects.endTime(i)).isEqualTo(b.end());
            assertThat(viaObjects.close(i)).isEqualTo(b.close());
            assertThat(viaObjects.lastIndexAtOrBefore(b.end().toEpochMilli())).isEqualTo(i);
        }
        if (!bars.isEmpty()) {
            int k = Math.min(5, bars.size());
            BarSeries tail = viaObjects.tail(k);
            for (int j = 0; j < k; j++) {
                assertThat(tail.bar(j)).isEqualTo(bars.get(bars.size() - k + j));
            }
        }
    }
}
