package io.github.rltrading.env.bars;

import io.github.rltrading.core.util.ZoneOffsetCache;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.Timeframe;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Aggregation invariants on random minute data with gaps, across RTH and Globex sessions, and the
 * no-look-ahead rule: what is known at time t never depends on bars after t.
 */
class AggregationProperties {

    @Provide
    Arbitrary<BarSeries> minutes() {
        return io.github.rltrading.env.RandomBars.minutes(600);
    }

    @Provide
    Arbitrary<Timeframe> targets() {
        return Arbitraries.of(Timeframe.M5, Timeframe.M15, Timeframe.ofMinutes(30), Timeframe.H1, Timeframe.D1);
    }

    @Provide
    Arbitrary<MarketHours> hours() {
        return Arbitraries.of(MarketHours.US_EQUITY_RTH, MarketHours.CME_GLOBEX, MarketHours.UTC_DAYS);
    }

    @Property(tries = 300)
    void aggregatedBarsAreTheirSourceBarsWithNothingInvented(@ForAll("minutes") BarSeries m1,
            @ForAll("targets") Timeframe tf, @ForAll("hours") MarketHours hours) {
        BarAggregator.Aggregated a = BarAggregator.aggregateWithCounts(m1, tf, hours);
        BarSeries out = a.bars();
        int i = 0;
        long counted = a.outsideSession();
        ZoneOffsetCache zone = new ZoneOffsetCache(hours.zone());
        for (int k = 0; k < out.size(); k++) {
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            double v = 0;
            int n = 0;
            double open = Double.NaN;
            double close = Double.NaN;
            while (i < m1.size() && m1.endMillis(i) <= out.endMillis(k)) {
                if (hours.tradingDate(m1.endMillis(i), zone) != MarketHours.NO_SESSION) {
                    if (n == 0) {
                        open = m1.open(i);
                    }
                    hi = Math.max(hi, m1.high(i));
                    lo = Math.min(lo, m1.low(i));
                    close = m1.close(i);
                    v += m1.volume(i);
                    n++;
                }
                i++;
            }
            assertThat(n).as("bar %d has source bars", k).isPositive().isEqualTo(a.sourceCount()[k]);
            assertThat(new double[] {out.open(k), out.high(k), out.low(k), out.close(k), out.volume(k)})
                    .containsExactly(open, hi, lo, close, v);
            counted += n;
        }
        // What is after the last bar is outside every session.
        for (; i < m1.size(); i++) {
            assertThat(hours.tradingDate(m1.endMillis(i), zone)).isEqualTo(MarketHours.NO_SESSION);
        }
        assertThat(counted).isEqualTo(m1.size());
    }

    @Property(tries = 300)
    void barsClosedByTimeTNeverDependOnDataAfterT(@ForAll("minutes") BarSeries m1, @ForAll("targets") Timeframe tf,
            @ForAll("hours") MarketHours hours, @ForAll long cutSeed) {
        int cut = (int) Math.floorMod(cutSeed, (long) m1.size());
        long t = m1.endMillis(cut);
        BarSeries prefix = copyPrefix(m1, cut + 1);
        BarSeries full = BarAggregator.aggregate(m1, tf, hours);
        List<String> known = closedBy(full, t);
        // Streaming only the prefix: closed bars are those emitted by the aggregator, no flush.
        BarSeries streamed = new BarSeries("P", tf);
        BarAggregator agg = new BarAggregator(tf, hours, (e, o, h, l, c, v, n) -> streamed.append(e, o, h, l, c, v));
        for (int i = 0; i < prefix.size(); i++) {
            agg.add(prefix.endMillis(i), prefix.open(i), prefix.high(i), prefix.low(i), prefix.close(i), prefix.volume(i));
        }
        List<String> emitted = closedBy(streamed, t);
        assertThat(emitted).isEqualTo(known);
    }

    private static BarSeries copyPrefix(BarSeries s, int n) {
        BarSeries p = new BarSeries(s.symbol(), s.timeframe(), n);
        for (int i = 0; i < n; i++) {
            p.append(s.endMillis(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
        }
        return p;
    }

    private static List<String> closedBy(BarSeries s, long t) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int k = 0; k < s.size() && s.endMillis(k) <= t; k++) {
            out.add(s.bar(k).toString());
        }
        return out;
    }
}
