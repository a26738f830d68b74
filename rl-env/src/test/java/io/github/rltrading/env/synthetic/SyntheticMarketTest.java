package io.github.rltrading.env.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.env.bars.MarketHours;
import io.github.rltrading.core.util.ZoneOffsetCache;
import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SyntheticMarketTest {

    private static SyntheticMarket.Result market(long seed, int sessions) {
        return SyntheticMarket.builder().seed(seed).sessions(sessions).build().generate();
    }

    @Test
    void theSameSeedGivesTheSameBarsAndAnotherSeedOthers() {
        BarSeries a = market(7, 5).series();
        BarSeries b = market(7, 5).series();
        BarSeries c = market(8, 5).series();
        assertThat(a.size()).isEqualTo(b.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.bar(i)).isEqualTo(b.bar(i));
        }
        boolean differs = false;
        for (int i = 0; i < a.size() && !differs; i++) {
            differs = a.close(i) != c.close(i);
        }
        assertThat(differs).isTrue();
    }

    @Test
    void itIsLabelledSynthetic() {
        SyntheticMarket.Result r = market(1, 1);
        assertThat(r.series().symbol()).isEqualTo("SYNTHETIC-ES");
        assertThat(r.label()).startsWith("synthetic market (not real data)").contains("seed 1");
    }

    @Property(tries = 30)
    void everyPriceIsOnTheTickGridAndEveryBarInsideTheSession(@ForAll long seed) {
        SyntheticMarket.Result r = SyntheticMarket.builder().seed(seed).sessions(3).hours(MarketHours.CME_GLOBEX)
                .instrument(ContractSpecs.MES).build().generate();
        BarSeries s = r.series();
        ZoneOffsetCache zone = new ZoneOffsetCache(MarketHours.CME_GLOBEX.zone());
        assertThat(s.size()).isEqualTo(3 * 23 * 60);
        for (int i = 0; i < s.size(); i++) {
            for (double p : new double[] {s.open(i), s.high(i), s.low(i), s.close(i)}) {
                assertThat(ContractSpecs.MES.isOnTickGrid(p)).as("bar %d price %s", i, p).isTrue();
                assertThat(p).isPositive();
            }
            assertThat(MarketHours.CME_GLOBEX.tradingDate(s.endMillis(i), zone)).isNotEqualTo(MarketHours.NO_SESSION);
        }
    }

    @Test
    void rthSessionsHave390MinutesAcrossADaylightSavingChange() {
        BarSeries s = SyntheticMarket.builder().firstDate(LocalDate.of(2020, 3, 5)).sessions(4).build().generate().series();
        assertThat(s.size()).isEqualTo(4 * 390);
        assertThat(s.endTime(0)).isEqualTo(Instant.parse("2020-03-05T14:31:00Z"));
        assertThat(s.endTime(2 * 390)).as("Monday after the switch").isEqualTo(Instant.parse("2020-03-09T13:31:00Z"));
        assertThat(s.endTime(4 * 390 - 1)).isEqualTo(Instant.parse("2020-03-10T20:00:00Z"));
    }

    @Test
    void volumeIsUShapedAcrossTheSession() {
        BarSeries s = market(3, 60).series();
        double edges = 0;
        double middle = 0;
        int ne = 0;
        int nm = 0;
        for (int i = 0; i < s.size(); i++) {
            int m = i % 390;
            if (m < 30 || m >= 360) {
                edges += s.volume(i);
                ne++;
            } else if (m >= 165 && m < 225) {
                middle += s.volume(i);
                nm++;
            }
        }
        assertThat(edges / ne).as("mean volume of the first and last 30 minutes vs mid-session").isGreaterThan(1.5 * middle / nm);
    }

    @Test
    void volatilityClustersAndDiffersByRegime() {
        SyntheticMarket.Result r = market(11, 120);
        BarSeries s = r.series();
        int n = s.size();
        double[] abs = new double[n - 1];
        double volatile2 = 0;
        double ranging2 = 0;
        int nv = 0;
        int nr = 0;
        int gaps = 0;
        for (int i = 1; i < n; i++) {
            double ret = Math.log(s.close(i) / s.close(i - 1));
            abs[i - 1] = Math.abs(ret);
            if (i % 390 == 0) {
                gaps += s.open(i) != s.close(i - 1) ? 1 : 0;
                continue;
            }
            if (r.regime(i) == SyntheticMarket.Regime.VOLATILE) {
                volatile2 += ret * ret;
                nv++;
            } else if (r.regime(i) == SyntheticMarket.Regime.RANGING) {
                ranging2 += ret * ret;
                nr++;
            }
        }
        assertThat(nv).isPositive();
        assertThat(nr).isPositive();
        assertThat(Math.sqrt(volatile2 / nv)).isGreaterThan(2 * Math.sqrt(ranging2 / nr));
        assertThat(autocorrelation(abs)).as("|returns| are autocorrelated (clustering)").isGreaterThan(0.1);
        assertThat(gaps).as("sessions open away from the last close").isGreaterThan(100);
    }

    private static double autocorrelation(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            den += (x[i] - mean) * (x[i] - mean);
            if (i > 0) {
                num += (x[i] - mean) * (x[i - 1] - mean);
            }
        }
        return num / den;
    }

    @Test
    void badSettingsNameTheFieldAndTheValue() {
        assertThatThrownBy(() -> SyntheticMarket.builder().sessions(0)).hasMessage("sessions must be >= 1, got 0");
        assertThatThrownBy(() -> SyntheticMarket.builder().startPrice(-1))
                .hasMessage("startPrice must be a finite number > 0, got -1.0");
        assertThatThrownBy(() -> SyntheticMarket.builder().meanRegimeBars(0.5))
                .hasMessageContaining("meanRegimeBars must be a finite number >= 1");
    }
}
