package io.github.rltrading.env.bars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.env.SharedData;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.env.data.MarketData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BarAggregatorTest {

    private static final ZoneId NY = ZoneId.of("America/New_York");

    private static long ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NY).toInstant().toEpochMilli();
    }

    /** 1m bars ending at the given New York times, price = minute index. */
    private static BarSeries minutes(String... localEnds) {
        BarSeries s = new BarSeries("T", Timeframe.M1);
        for (int i = 0; i < localEnds.length; i++) {
            s.append(ny(localEnds[i]), 100 + i, 101 + i, 99 + i, 100.5 + i, 10 + i);
        }
        return s;
    }

    @Test
    void fiveMinuteBarsEndOnClockBoundariesAndAGapInventsNothing() {
        BarSeries m1 = minutes("2020-01-02T09:31", "2020-01-02T09:32", "2020-01-02T09:33", "2020-01-02T09:34",
                "2020-01-02T09:35", "2020-01-02T09:36", /* 09:37-09:44 missing */ "2020-01-02T09:45",
                "2020-01-02T09:52");
        BarAggregator.Aggregated m5 = BarAggregator.aggregateWithCounts(m1, Timeframe.M5, MarketHours.US_EQUITY_RTH);
        BarSeries s = m5.bars();
        assertThat(s.size()).isEqualTo(4);
        assertThat(s.endTime(0)).isEqualTo(Instant.ofEpochMilli(ny("2020-01-02T09:35")));
        assertThat(new double[] {s.open(0), s.high(0), s.low(0), s.close(0), s.volume(0)})
                .containsExactly(100, 105, 99, 104.5, 10 + 11 + 12 + 13 + 14);
        // 09:36 alone makes the 09:40 bar; 09:45 its own; nothing for 09:40-09:45 beyond what exists.
        assertThat(s.endTime(1)).isEqualTo(Instant.ofEpochMilli(ny("2020-01-02T09:40")));
        assertThat(s.endTime(2)).isEqualTo(Instant.ofEpochMilli(ny("2020-01-02T09:45")));
        assertThat(s.endTime(3)).isEqualTo(Instant.ofEpochMilli(ny("2020-01-02T09:55")));
        assertThat(m5.sourceCount()).containsExactly(5, 1, 1, 1);
    }

    @Test
    void barsOutsideTheSessionAreLeftOutAndCounted() {
        BarSeries m1 = minutes("2020-01-02T09:29", "2020-01-02T09:30", "2020-01-02T09:31", "2020-01-02T16:00",
                "2020-01-02T16:01");
        BarAggregator.Aggregated h1 = BarAggregator.aggregateWithCounts(m1, Timeframe.H1, MarketHours.US_EQUITY_RTH);
        assertThat(h1.outsideSession()).isEqualTo(3);
        assertThat(h1.bars().size()).isEqualTo(2);
        assertThat(h1.bars().endTime(0)).isEqualTo(Instant.ofEpochMilli(ny("2020-01-02T10:00")));
        assertThat(h1.bars().endTime(1)).isEqualTo(Instant.ofEpochMilli(ny("2020-01-02T16:00")));
    }

    @Test
    void globexSundayEveningBelongsToMondaysSessionAndDailyBarsEndAtTheClose() {
        BarSeries m1 = minutes("2020-01-03T16:59", "2020-01-03T17:00", // Friday's session
                "2020-01-05T18:01", "2020-01-06T09:31", "2020-01-06T17:00"); // Monday's, opened Sunday 18:00
        BarSeries d = BarAggregator.aggregate(m1, Timeframe.D1, MarketHours.CME_GLOBEX);
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.endTime(0)).isEqualTo(Instant.ofEpochMilli(ny("2020-01-03T17:00")));
        assertThat(d.endTime(1)).isEqualTo(Instant.ofEpochMilli(ny("2020-01-06T17:00")));
        assertThat(d.open(1)).isEqualTo(102);
        assertThat(d.volume(1)).isEqualTo(12 + 13 + 14);
    }

    @Test
    void targetsThatDoNotFitAreRefused() {
        BarSeries m5 = new BarSeries("T", Timeframe.M5);
        assertThatThrownBy(() -> BarAggregator.aggregate(m5, Timeframe.ofMinutes(7), MarketHours.US_EQUITY_RTH))
                .hasMessageContaining("cannot aggregate T 5m bars into 7m");
        assertThatThrownBy(() -> BarAggregator.aggregate(m5, Timeframe.M1, MarketHours.US_EQUITY_RTH))
                .hasMessageContaining("whole multiple");
        assertThatThrownBy(() -> new BarAggregator(Timeframe.ofMinutes(7), MarketHours.US_EQUITY_RTH, (e, o, h, l, c, v, n) -> {}))
                .hasMessageContaining("must divide a day");
    }

    @Test
    void realEsRthMinutesAggregateInto5m15m1hAndSessions() {
        BarSeries m1 = MarketData.load(SharedData.file("es-1min-rth-2020.csv"), LoadOptions.builder().zone(NY).build()).series();
        Set<LocalDate> days = new HashSet<>();
        for (int i = 0; i < m1.size(); i++) {
            days.add(LocalDate.ofInstant(m1.endTime(i), NY));
        }
        BarSeries daily = BarAggregator.aggregate(m1, Timeframe.D1, MarketHours.US_EQUITY_RTH);
        assertThat(daily.size()).isEqualTo(days.size());
        assertThat(daily.endTime(0)).isEqualTo(Instant.parse("2020-01-02T21:00:00Z"));
        assertThat(daily.endTime(daily.size() - 1)).isEqualTo(Instant.parse("2020-04-22T20:00:00Z"));
        double totalVolume = 0;
        for (int i = 0; i < m1.size(); i++) {
            totalVolume += m1.volume(i);
        }
        for (Timeframe tf : new Timeframe[] {Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.D1}) {
            BarAggregator.Aggregated a = BarAggregator.aggregateWithCounts(m1, tf, MarketHours.US_EQUITY_RTH);
            double v = 0;
            int sources = 0;
            for (int k = 0; k < a.bars().size(); k++) {
                v += a.bars().volume(k);
                sources += a.sourceCount()[k];
            }
            assertThat(a.outsideSession()).as(tf.toString()).isZero();
            assertThat(sources).as(tf.toString()).isEqualTo(m1.size());
            assertThat(v).as(tf.toString()).isEqualTo(totalVolume);
        }
        // Each 15m bar is exactly the 1m bars with end in (end - 15m, end].
        BarSeries m15 = BarAggregator.aggregate(m1, Timeframe.M15, MarketHours.US_EQUITY_RTH);
        int i = 0;
        for (int k = 0; k < m15.size(); k++) {
            long end = m15.endMillis(k);
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            double open = m1.open(i);
            double close = 0;
            while (i < m1.size() && m1.endMillis(i) <= end) {
                assertThat(m1.endMillis(i)).isGreaterThan(end - Timeframe.M15.millis());
                hi = Math.max(hi, m1.high(i));
                lo = Math.min(lo, m1.low(i));
                close = m1.close(i);
                i++;
            }
            assertThat(new double[] {m15.open(k), m15.high(k), m15.low(k), m15.close(k)}).containsExactly(open, hi, lo, close);
        }
        assertThat(i).isEqualTo(m1.size());
    }
}
