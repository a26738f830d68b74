package io.github.rltrading.env.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Timeframe;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static LoadedBars nt8(String s, LoadOptions o) throws IOException {
        return Nt8Loader.minute("test.txt", text(s), o);
    }

    private static LoadedBars csv(String s, LoadOptions o) throws IOException {
        return CsvLoader.load("test.csv", text(s), CsvLayout.AUTO, o);
    }

    @Test
    void crlfAndLfAndATrailingLineWithoutNewlineReadTheSame() throws IOException {
        String lf = "20200102 143100;1;2;0.5;1.5;10\n20200102 143200;1.5;2;1;1;0\n";
        BarSeries a = nt8(lf, LoadOptions.DEFAULTS).series();
        BarSeries b = nt8(lf.replace("\n", "\r\n"), LoadOptions.DEFAULTS).series();
        BarSeries c = nt8(lf.strip(), LoadOptions.DEFAULTS).series();
        for (BarSeries s : new BarSeries[] {b, c}) {
            assertThat(s.size()).isEqualTo(2);
            assertThat(s.bar(1)).isEqualTo(a.bar(1));
        }
        assertThat(a.endTime(1)).isEqualTo(Instant.parse("2020-01-02T14:32:00Z"));
    }

    @Test
    void nt8TimesAreReadInTheZoneGiven() throws IOException {
        LoadedBars ny = nt8("20200309 093100;1;1;1;1;1\n", LoadOptions.builder().zone(NEW_YORK).build());
        assertThat(ny.series().endTime(0)).isEqualTo(Instant.parse("2020-03-09T13:31:00Z"));
    }

    @Test
    void badNumbersNameTheFileLineFieldAndValue() {
        assertThatThrownBy(() -> nt8("20200102 143100;1;2;0.5;1.5;10\n20200102 143200;1.5;abc;1;1;0\n", LoadOptions.DEFAULTS))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("test.txt line 2, field high (field 3): not a number (value 'abc'); write a decimal number "
                        + "such as 3235.25 in high (field 3), or load with lenient(true) to skip such rows")
                .satisfies(e -> {
                    DataFormatException d = (DataFormatException) e;
                    assertThat(d.line()).isEqualTo(2);
                    assertThat(d.field()).isEqualTo("high (field 3)");
                    assertThat(d.value()).isEqualTo("abc");
                });
        assertThatThrownBy(() -> nt8("20200102 143100;1;2;;1.5;10\n", LoadOptions.DEFAULTS))
                .hasMessageStartingWith("test.txt line 1, field low (field 4): empty field");
        assertThatThrownBy(() -> nt8("20200102 143100;1;2;NaN;1.5;10\n", LoadOptions.DEFAULTS))
                .hasMessageStartingWith("test.txt line 1, field low (field 4): not a number (value 'NaN')");
    }

    @Test
    void inconsistentBarsNegativeVolumeAndBadTimesAreRefused() {
        assertThatThrownBy(() -> nt8("20200102 143100;1;1.2;0.5;1.5;10\n", LoadOptions.DEFAULTS))
                .hasMessageStartingWith("test.txt line 1, field high: high below max(open, close) (value 'high=1.2 open=1.0 close=1.5')");
        assertThatThrownBy(() -> nt8("20200102 143100;1;2;1.1;1.5;10\n", LoadOptions.DEFAULTS))
                .hasMessageStartingWith("test.txt line 1, field low: low above min(open, close)");
        assertThatThrownBy(() -> nt8("20200102 143100;1;2;1;1.5;-3\n", LoadOptions.DEFAULTS))
                .hasMessageStartingWith("test.txt line 1, field volume: negative volume (value '-3.0')");
        assertThatThrownBy(() -> nt8("20200231 143100;1;2;1;1.5;3\n", LoadOptions.DEFAULTS))
                .hasMessageStartingWith("test.txt line 1, field time (field 1): time is not a valid calendar date (value '20200231 143100')");
        assertThatThrownBy(() -> nt8("2020-01-02 14:31;1;2;1;1.5;3\n", LoadOptions.DEFAULTS))
                .hasMessageContaining("is not in NinjaTrader's 'yyyyMMdd HHmmss' form");
        assertThatThrownBy(() -> nt8("20200102 143100;1;2;1;1.5\n", LoadOptions.DEFAULTS))
                .hasMessageStartingWith("test.txt line 1, field count: has 5 fields where 6 were expected")
                .hasMessageContaining("yyyyMMdd HHmmss;open;high;low;close;volume");
    }

    @Test
    void duplicateAndOutOfOrderTimesNameTheEarlierLine() {
        String dup = "20200102 143100;1;2;1;1.5;3\n20200102 143100;1;2;1;1.5;3\n";
        assertThatThrownBy(() -> nt8(dup, LoadOptions.DEFAULTS))
                .hasMessageStartingWith("test.txt line 2, field time: duplicate time stamp (value '2020-01-02T14:31:00Z')")
                .hasMessageContaining("also on line 1");
        String back = "20200102 143100;1;2;1;1.5;3\n20200102 143000;1;2;1;1.5;3\n";
        assertThatThrownBy(() -> nt8(back, LoadOptions.DEFAULTS))
                .hasMessageStartingWith("test.txt line 2, field time: time stamp out of order");
    }

    @Test
    void lenientLoadsSkipBadRowsAndCountThemByReason() throws IOException {
        String data = String.join("\n",
                "20200102 143100;1;2;1;1.5;3",
                "20200102 143200;1;x;1;1.5;3",      // not a number
                "20200102 143300;1;1.2;1;1.5;3",    // high below close
                "20200102 143300;1;2;1;1.5;3",      // kept
                "20200102 143300;1;2;1;1.5;3",      // duplicate
                "20200102 143200;1;2;1;1.5;3",      // out of order
                "20200102 143400;1;2;1;1.5",        // field count
                "20200102 143500;1;2;1;1.5;7",
                "");
        LoadedBars bars = nt8(data, LoadOptions.builder().lenient(true).maxExamples(3).build());
        assertThat(bars.series().size()).isEqualTo(3);
        LoadReport r = bars.report();
        assertThat(r.rowsRead()).isEqualTo(8);
        assertThat(r.skipped()).isEqualTo(5);
        assertThat(r.skippedByReason()).containsExactly(Map.entry("not a number", 1L),
                Map.entry("high below max(open, close)", 1L), Map.entry("duplicate time stamp", 1L),
                Map.entry("time stamp out of order", 1L), Map.entry("has 5 fields where 6 were expected", 1L));
        assertThat(r.examples()).hasSize(3);
        assertThat(r.examples().get(0)).startsWith("skipped: test.txt line 2, field high (field 3): not a number");
        assertThat(r.summary()).contains("3 bars from 8 rows").contains("skipped 5");
    }

    @Test
    void pricesOffTheTickGridAreKeptWithAWarning() throws IOException {
        LoadedBars bars = nt8("20200102 143100;3235.25;3237.1;3234.75;3237;5\n",
                LoadOptions.builder().instrument(ContractSpecs.ES).build());
        assertThat(bars.series().size()).isEqualTo(1);
        assertThat(bars.report().warnings("price off tick grid")).isEqualTo(1);
        assertThat(bars.report().examples().get(0)).contains("line 1").contains("high=3237.1").contains("tick size 0.25");
    }

    @Test
    void dailyExportBarsEndAtTheEndOfTheDayOrTheConfiguredClose() throws IOException {
        String data = "20200102;3230;3250;3220;3245;1000000\r\n20200103;3240;3241;3210;3230;1200000\r\n";
        LoadedBars d = Nt8Loader.daily("d.txt", text(data), LoadOptions.builder().zone(NEW_YORK).build());
        assertThat(d.series().timeframe()).isEqualTo(Timeframe.D1);
        assertThat(d.series().endTime(0)).isEqualTo(Instant.parse("2020-01-03T05:00:00Z"));
        LoadedBars atClose = Nt8Loader.daily("d.txt", text(data),
                LoadOptions.builder().zone(NEW_YORK).dailyClose(LocalTime.of(16, 0)).build());
        assertThat(atClose.series().endTime(1)).isEqualTo(Instant.parse("2020-01-03T21:00:00Z"));
    }

    @Test
    void ticksAggregateIntoBarsEndingOnTheMinuteWithTheLastQuote() throws IOException {
        String ticks = String.join("\n",
                "20200102 143000 0000000;3235.00;3234.75;3235.00;2", // exactly 14:30:00 -> bar ending 14:30
                "20200102 143000 0000001;3235.25;3235.00;3235.25;1", // just after -> bar ending 14:31
                "20200102 143030 5000000;3236.00;3235.75;3236.00;4",
                "20200102 143030 5000000;3234.50;3234.50;3234.75;3", // same time stamp is fine
                "20200102 143059 9999999;3235.50;3235.25;3235.50;1",
                "20200102 143300 0000000;3236.25;3236.00;3236.25;6", // no ticks in 14:31-14:32: no bar
                "");
        LoadedBars bars = Nt8Loader.ticks("t.txt", text(ticks), LoadOptions.DEFAULTS);
        BarSeries s = bars.series();
        assertThat(bars.report().format()).isEqualTo("nt8-tick");
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.endTime(0)).isEqualTo(Instant.parse("2020-01-02T14:30:00Z"));
        assertThat(s.endTime(1)).isEqualTo(Instant.parse("2020-01-02T14:31:00Z"));
        assertThat(s.endTime(2)).isEqualTo(Instant.parse("2020-01-02T14:33:00Z"));
        assertThat(new double[] {s.open(1), s.high(1), s.low(1), s.close(1), s.volume(1)})
                .containsExactly(3235.25, 3236.00, 3234.50, 3235.50, 9);
        assertThat(bars.extra("bid")[1]).isEqualTo(3235.25);
        assertThat(bars.extra("ask")[1]).isEqualTo(3235.50);
        assertThat(bars.extra("ticks")[1]).isEqualTo(4);
        assertThat(bars.report().rowsRead()).isEqualTo(6);
    }

    @Test
    void ticksInTheRepeatedHourOfAFallBackStayInOrder() throws IOException {
        // 2020-11-01 01:00-02:00 New York happens twice; a tick file in local time runs through both.
        String ticks = String.join("\n",
                "20201101 013000 0000000;3300.00;3299.75;3300.00;1",
                "20201101 015959 0000000;3300.25;3300.00;3300.25;1",
                "20201101 010000 5000000;3300.50;3300.25;3300.50;1", // the second 01:00
                "20201101 013000 0000000;3300.75;3300.50;3300.75;1",
                "");
        LoadedBars bars = Nt8Loader.ticks("t.txt", text(ticks), LoadOptions.builder().zone(NEW_YORK).build());
        assertThat(bars.series().size()).isEqualTo(4);
        assertThat(bars.series().endTime(2)).isEqualTo(Instant.parse("2020-11-01T06:01:00Z"));
        assertThat(bars.series().endTime(3)).isEqualTo(Instant.parse("2020-11-01T06:30:00Z"));
    }

    @Test
    void ticksGoingBackInTimeAreRefusedOrSkipped() throws IOException {
        String ticks = "20200102 143010 0000000;3235.00;0;0;2\n20200102 143005 0000000;3235.25;0;0;1\n";
        assertThatThrownBy(() -> Nt8Loader.ticks("t.txt", text(ticks), LoadOptions.DEFAULTS))
                .hasMessageStartingWith("t.txt line 2, field time (field 1): time stamp out of order");
        LoadedBars lenient = Nt8Loader.ticks("t.txt", text(ticks), LoadOptions.builder().lenient(true).build());
        assertThat(lenient.series().size()).isEqualTo(1);
        assertThat(lenient.report().skippedByReason()).containsEntry("time stamp out of order", 1L);
        assertThat(lenient.extra("bid")[0]).isNaN();
    }

    @Test
    void csvTimesAsEpochMillisIsoWithOffsetOrLocalLoadToTheSameInstants() throws IOException {
        Instant end = Instant.parse("2020-03-09T13:31:00Z");
        String millis = "ts,open,high,low,close,volume\n" + end.toEpochMilli() + ",1,2,1,1.5,3\n";
        String seconds = "time,open,high,low,close\n" + end.getEpochSecond() + ",1,2,1,1.5\n";
        String offset = "time,open,high,low,close,volume\n2020-03-09 09:31:00-04:00,1,2,1,1.5,3\n";
        String utc = "Time_UTC;O;H;L;C;Vol\n2020-03-09T13:31:00.000Z;1;2;1;1.5;3\n";
        String local = "datetime,open,high,low,close,volume\n2020-03-09T09:31,1,2,1,1.5,3\n";
        assertThat(csv(millis, LoadOptions.DEFAULTS).series().endTime(0)).isEqualTo(end);
        LoadedBars s = csv(seconds, LoadOptions.DEFAULTS);
        assertThat(s.series().endTime(0)).isEqualTo(end);
        assertThat(s.series().volume(0)).isZero();
        assertThat(csv(offset, LoadOptions.DEFAULTS).series().endTime(0)).isEqualTo(end);
        assertThat(CsvLoader.load("x", text(utc), CsvLayout.builder().separator(';').build(), LoadOptions.DEFAULTS)
                .series().endTime(0)).isEqualTo(end);
        assertThat(csv(local, LoadOptions.builder().zone(NEW_YORK).build()).series().endTime(0)).isEqualTo(end);
    }

    @Test
    void barStartTimesMoveToBarEnds() throws IOException {
        String data = "time,open,high,low,close,volume\n2020-01-02T14:30:00Z,1,2,1,1.5,3\n2020-01-02T14:31:00Z,1,2,1,1.5,3\n";
        LoadedBars bars = CsvLoader.load("x", text(data), CsvLayout.builder().timeIsBarStart(true).build(), LoadOptions.DEFAULTS);
        assertThat(bars.series().endTime(0)).isEqualTo(Instant.parse("2020-01-02T14:31:00Z"));
    }

    @Test
    void theRepeatedHourOfAFallBackIsReadInOrderAndTheSkippedHourIsAnError() throws IOException {
        // 2020-11-01 01:00-02:00 New York happens twice.
        String fallBack = "time,open,high,low,close,volume\n"
                + "2020-11-01 01:30:00,1,1,1,1,1\n2020-11-01 01:59:00,1,1,1,1,1\n"
                + "2020-11-01 01:00:00,1,1,1,1,1\n2020-11-01 01:30:00,1,1,1,1,1\n2020-11-01 02:00:00,1,1,1,1,1\n";
        BarSeries s = csv(fallBack, LoadOptions.builder().zone(NEW_YORK).build()).series();
        assertThat(s.endTime(0)).isEqualTo(Instant.parse("2020-11-01T05:30:00Z"));
        assertThat(s.endTime(2)).isEqualTo(Instant.parse("2020-11-01T06:00:00Z"));
        assertThat(s.endTime(3)).isEqualTo(Instant.parse("2020-11-01T06:30:00Z"));
        assertThat(s.endTime(4)).isEqualTo(Instant.parse("2020-11-01T07:00:00Z"));

        String springForward = "time,open,high,low,close,volume\n2020-03-08 02:30:00,1,1,1,1,1\n";
        assertThatThrownBy(() -> csv(springForward, LoadOptions.builder().zone(NEW_YORK).build()))
                .hasMessageStartingWith("test.csv line 2, field time: local time does not exist in America/New_York");
    }

    @Test
    void csvHeaderProblemsSayWhatWasExpected() {
        assertThatThrownBy(() -> csv("when,open,high,low,close\n1,1,1,1,1\n", LoadOptions.DEFAULTS))
                .hasMessageStartingWith("test.csv line 1, field header: no time column found")
                .hasMessageContaining("CsvLayout.builder().time(\"...\")");
        assertThatThrownBy(() -> CsvLoader.load("x.csv", text("a,open,high,low,close\n"),
                CsvLayout.builder().time("stamp").build(), LoadOptions.DEFAULTS))
                .hasMessageContaining("the time column 'stamp' is not in the header");
        assertThatThrownBy(() -> csv("", LoadOptions.DEFAULTS)).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> csv("time,open,high,low,close\n2020-01-02 25:00,1,1,1,1\n", LoadOptions.DEFAULTS))
                .hasMessageStartingWith("test.csv line 2, field time: time is not a valid time of day (value '2020-01-02 25:00')");
    }

    @Test
    void formatsAreRecognisedFromTheFirstLine(@TempDir Path dir) throws IOException {
        Path minute = Files.writeString(dir.resolve("m.txt"), "20200102 143100;1;2;1;1.5;3\r\n");
        Path daily = Files.writeString(dir.resolve("d.txt"), "\n20200102;1;2;1;1.5;3\n");
        Path tick = Files.writeString(dir.resolve("t.txt"), "20200102 143100 1234567;1;1;1;3\n");
        Path csv = Files.writeString(dir.resolve("c.csv"), "\uFEFFtime,open,high,low,close\n2020-01-02,1,2,1,1.5\n");
        assertThat(MarketData.detect(minute)).isEqualTo(MarketData.Format.NT8_MINUTE);
        assertThat(MarketData.detect(daily)).isEqualTo(MarketData.Format.NT8_DAILY);
        assertThat(MarketData.detect(tick)).isEqualTo(MarketData.Format.NT8_TICK);
        assertThat(MarketData.detect(csv)).isEqualTo(MarketData.Format.CSV);
        assertThat(MarketData.load(csv, LoadOptions.DEFAULTS).series().endTime(0)).isEqualTo(Instant.parse("2020-01-03T00:00:00Z"));
        assertThat(MarketData.load(tick, LoadOptions.DEFAULTS).series().endTime(0)).isEqualTo(Instant.parse("2020-01-02T14:32:00Z"));
        assertThat(MarketData.load(daily, LoadOptions.DEFAULTS).series().size()).isEqualTo(1);
    }

    @Test
    void largeInputsStreamThroughLinesLongerThanTheBuffer() throws IOException {
        StringBuilder sb = new StringBuilder("time,open,high,low,close,volume,note\n");
        String note = "n".repeat(3 << 20); // one field of 3 MB: the line buffer must grow
        sb.append("2020-01-02T14:31:00Z,1,2,1,1.5,3,").append(note).append('\n');
        sb.append("2020-01-02T14:32:00Z,1,2,1,1.5,3,short\n");
        LoadedBars bars = csv(sb.toString(), LoadOptions.DEFAULTS);
        assertThat(bars.series().size()).isEqualTo(2);
        assertThat(bars.text("note", 1)).isEqualTo("short");
    }
}
