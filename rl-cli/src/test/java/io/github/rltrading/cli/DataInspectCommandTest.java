package io.github.rltrading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataInspectCommandTest {

    /** A session of 1-minute bars 09:31-09:40 New York (14:31-14:40 UTC) with minutes 09:35-09:37 missing and a bad row. */
    private static Path fileWithAGapAndABadRow(Path dir) throws Exception {
        List<String> lines = new ArrayList<>(List.of("time,open,high,low,close,volume"));
        for (int m = 31; m <= 40; m++) {
            if (m >= 35 && m <= 37) {
                continue;
            }
            lines.add("2024-01-02 09:" + m + ":00,4000.0,4001.0,3999.0,4000.5,100");
        }
        lines.add(4, "2024-01-02 09:34:30,4000.0,abc,3999.0,4000.5,100");
        return Files.write(dir.resolve("es.csv"), lines);
    }

    @Test
    void reportsRowsRangeZoneGapsAndProblems(@TempDir Path dir) throws Exception {
        Path file = fileWithAGapAndABadRow(dir);
        Cli.Result r = Cli.ok("data", "inspect", file.toString(), "--zone", "America/New_York", "--symbol", "ES");
        assertThat(r.out())
                .contains("Time zone:  America/New_York")
                .contains("Rows:       8 data rows")
                .contains("Bars:       7 bars of 1m, symbol ES")
                .contains("Range:      2024-01-02T09:31 .. 2024-01-02T09:40 (bar end times in America/New_York)")
                .contains("2024-01-02T14:31:00Z .. 2024-01-02T14:40:00Z (UTC)")
                .contains("Gaps:       1 inside sessions (3 bars missing)")
                .contains("2024-01-02T09:34 -> 2024-01-02T09:38: 3 bars missing (America/New_York)")
                .contains("Skipped:    1 rows")
                .contains("Problems:")
                .contains("line 5");
    }

    @Test
    void aMissingFileIsAUsageErrorNamingIt(@TempDir Path dir) {
        Cli.Result r = Cli.run("data", "inspect", dir.resolve("nope.csv").toString());
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.err()).contains("rl data inspect: FILE " + dir.resolve("nope.csv") + ": no such file; give a NinjaTrader 8 "
                + "export or a CSV file with a header");
    }

    @Test
    void strictStopsAtTheFirstBadRowWithItsLineFieldAndValue(@TempDir Path dir) throws Exception {
        Path file = fileWithAGapAndABadRow(dir);
        Cli.Result r = Cli.run("data", "inspect", file.toString(), "--strict");
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.err()).contains("line 5").contains("'abc'").contains("--strict stops at the first bad row");
    }

    @Test
    void aFileWithNoBarsIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("empty.csv"), "time,open,high,low,close,volume\n2024-01-02,x,y,z,w,v\n");
        Cli.Result r = Cli.run("data", "inspect", file.toString());
        assertThat(r.code()).isEqualTo(Rl.USAGE);
        assertThat(r.out()).contains("Bars:       0 bars");
        assertThat(r.err()).contains("no bars could be read (1 rows skipped)");
    }

    @Test
    void readsTheSharedEsFileInNewYorkTime() {
        Path es = Cli.sharedData("es-1min-rth-2020.csv");
        Cli.Result r = Cli.ok("data", "inspect", es.toString(), "--zone", "America/New_York", "--symbol", "ES", "--hours", "rth");
        assertThat(r.out()).contains("Range:      2020-01-02T09:31").contains("2020-01-02T14:31:00Z").contains("Sessions:   ")
                .contains("Skipped:    0 rows").contains("Warnings:   none");
    }
}
