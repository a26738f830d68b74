package io.github.rltrading.env.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.env.SharedData;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Every file in ../shared/data loads, with the counts, first and last bars its README states. */
class RealFilesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void ninjaTraderMinuteExportWithSpacesHashAndCrlfLoadsInUtc() {
        Path file = SharedData.file("nt8/ES ##-##.Last.txt");
        assertThat(MarketData.detect(file)).isEqualTo(MarketData.Format.NT8_MINUTE);
        LoadedBars es = MarketData.load(file, LoadOptions.builder().instrument(ContractSpecs.ES).build());
        BarSeries s = es.series();
        assertThat(s.size()).isEqualTo(30_397);
        assertThat(s.symbol()).isEqualTo("ES");
        assertThat(s.timeframe()).isEqualTo(Timeframe.M1);
        assertThat(s.endTime(0)).isEqualTo(Instant.parse("2020-01-02T14:31:00Z"));
        assertThat(new double[] {s.open(0), s.high(0), s.low(0), s.close(0), s.volume(0)})
                .containsExactly(3235.25, 3237.0, 3234.75, 3237.0, 16808);
        assertThat(s.endTime(s.size() - 1)).isEqualTo(Instant.parse("2020-04-22T20:00:00Z"));
        assertThat(s.close(s.size() - 1)).isEqualTo(2789.0);
        assertThat(es.report().skipped()).isZero();
        assertThat(es.report().warnings("price off tick grid")).isZero();
        assertThat(es.report().rowsRead()).isEqualTo(30_397);
    }

    @Test
    void theDaylightSavingSwitchOf2020_03_08MovesTheUtcOpenByAnHour() {
        LoadedBars es = Nt8Loader.minute(SharedData.file("nt8/ES ##-##.Last.txt"), LoadOptions.DEFAULTS);
        BarSeries s = es.series();
        // The first RTH bar (09:31 New York) is 14:31 UTC in winter time and 13:31 UTC in summer time.
        assertThat(s.lastIndexAtOrBefore(Instant.parse("2020-03-06T14:31:00Z").toEpochMilli()))
                .satisfies(i -> assertThat(s.endTime(i)).isEqualTo(Instant.parse("2020-03-06T14:31:00Z")));
        int monday = s.lastIndexAtOrBefore(Instant.parse("2020-03-09T13:31:00Z").toEpochMilli());
        assertThat(s.endTime(monday)).isEqualTo(Instant.parse("2020-03-09T13:31:00Z"));
        assertThat(s.endTime(monday - 1)).isEqualTo(Instant.parse("2020-03-06T21:00:00Z"));
    }

    @Test
    void theSameBarsInNewYorkLocalTimeLoadToTheSameInstantsAcrossTheSwitch() {
        BarSeries utc = Nt8Loader.minute(SharedData.file("nt8/ES ##-##.Last.txt"), LoadOptions.DEFAULTS).series();
        LoadedBars local = MarketData.load(SharedData.file("es-1min-rth-2020.csv"),
                LoadOptions.builder().zone(NEW_YORK).instrument(ContractSpecs.ES).build());
        BarSeries ny = local.series();
        assertThat(local.report().format()).isEqualTo("csv");
        assertThat(ny.size()).isEqualTo(30_397);
        for (int i = 0; i < ny.size(); i++) {
            if (ny.endMillis(i) != utc.endMillis(i) || ny.close(i) != utc.close(i) || ny.volume(i) != utc.volume(i)) {
                throw new AssertionError("bar " + i + " differs: " + ny.bar(i) + " vs " + utc.bar(i));
            }
        }
    }

    @Test
    void globexQuotesCarryBidAskAndTheContractRoll() {
        LoadedBars q = MarketData.load(SharedData.file("es-1min-globex-2013q4-quotes.csv"),
                LoadOptions.builder().instrument(ContractSpecs.ES).build());
        BarSeries s = q.series();
        assertThat(s.size()).isEqualTo(16_232);
        assertThat(s.endTime(0)).isEqualTo(Instant.parse("2013-10-07T00:00:00Z"));
        assertThat(s.endTime(s.size() - 1)).isEqualTo(Instant.parse("2013-12-18T23:59:00Z"));
        assertThat(q.extras().keySet()).containsExactly("bid_close", "bid_size", "ask_close", "ask_size");
        assertThat(q.extra("bid_close")[0]).isEqualTo(1676.5);
        assertThat(q.extra("ask_close")[0]).isEqualTo(1676.75);
        assertThat(q.extra("ask_size")[s.size() - 1]).isEqualTo(71);
        assertThat(q.text().get("contract")).extracting(LoadedBars.TextRun::value).containsExactly("ES 12-13", "ES 03-14");
        assertThat(q.text("contract", 0)).isEqualTo("ES 12-13");
        assertThat(q.text("contract", s.size() - 1)).isEqualTo("ES 03-14");
        assertThat(q.report().warnings("price off tick grid")).isZero();
    }

    @Test
    void aStrictLoadRefusesTheOneRowOfUpro2020ThatGoesBackInTimeNamingItsLine() {
        Path file = SharedData.file("upro-1min-2020.csv");
        assertThatThrownBy(() -> MarketData.load(file, LoadOptions.DEFAULTS))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("upro-1min-2020.csv line 53853, field time: time stamp out of order")
                .hasMessageContaining("2020-10-21T19:10:00Z")
                .hasMessageContaining("earlier than line 53852 (2020-10-21T19:38:00Z)")
                .hasMessageContaining("lenient(true)");
    }

    @Test
    void isoTimesWithOffsetsLoadForUproAndSpy() {
        LoadedBars upro = MarketData.load(SharedData.file("upro-1min-2020.csv"), LoadOptions.builder().lenient(true).build());
        assertThat(upro.series().size()).isEqualTo(59_120);
        assertThat(upro.report().rowsRead()).isEqualTo(59_121);
        assertThat(upro.report().skippedByReason()).containsExactly(java.util.Map.entry("time stamp out of order", 1L));
        assertThat(upro.report().examples().get(0)).contains("line 53853").contains("2020-10-21T19:10:00Z");
        assertThat(upro.series().endTime(0)).isEqualTo(Instant.parse("2020-01-02T14:20:00Z"));
        assertThat(upro.series().endTime(upro.series().size() - 1)).isEqualTo(Instant.parse("2020-11-30T23:17:00Z"));
        assertThat(upro.series().timeframe()).isEqualTo(Timeframe.M1);

        LoadedBars upro21 = MarketData.load(SharedData.file("upro-1min-2021q3.csv"), LoadOptions.DEFAULTS);
        assertThat(upro21.series().size()).isEqualTo(3_090);
        assertThat(upro21.series().endTime(0)).isEqualTo(Instant.parse("2021-07-01T13:30:00Z"));

        LoadedBars spy = MarketData.load(SharedData.file("spy-1min-2021q3.csv"), LoadOptions.DEFAULTS);
        assertThat(spy.series().size()).isEqualTo(12_131);
        assertThat(spy.series().endTime(0)).isEqualTo(Instant.parse("2021-07-01T16:56:00Z"));
        assertThat(spy.series().close(spy.series().size() - 1)).isEqualTo(445.77);
        assertThat(spy.series().symbol()).isEqualTo("spy-1min-2021q3");
    }

    @Test
    void yahooDailyLayoutKeepsAdjustedCloseDividendsAndSplits() {
        LoadedBars spy = MarketData.load(SharedData.file("spy-daily-2019.csv"),
                LoadOptions.builder().zone(NEW_YORK).symbol("SPY").build());
        BarSeries s = spy.series();
        assertThat(spy.report().format()).isEqualTo("yahoo-daily");
        assertThat(s.size()).isEqualTo(252);
        assertThat(s.timeframe()).isEqualTo(Timeframe.D1);
        // A daily bar ends at the end of its date in New York: 2019-01-02 ends at 2019-01-03 05:00 UTC.
        assertThat(s.endTime(0)).isEqualTo(Instant.parse("2019-01-03T05:00:00Z"));
        assertThat(s.endTime(s.size() - 1)).isEqualTo(Instant.parse("2020-01-01T05:00:00Z"));
        assertThat(spy.extras().keySet()).containsExactly("Adj Close", "Dividends", "Stock Splits");
        assertThat(spy.extra("Adj Close")[0]).isEqualTo(238.69454956054688);
        assertThat(s.close(0)).isEqualTo(250.17999267578125);
        double dividends = 0;
        for (int i = 0; i < s.size(); i++) {
            dividends += spy.extra("Dividends")[i];
        }
        assertThat(dividends).as("SPY paid four dividends in 2019").isGreaterThan(5.0).isLessThan(6.5);
    }
}
