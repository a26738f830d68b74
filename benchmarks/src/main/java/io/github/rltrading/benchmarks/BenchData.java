package io.github.rltrading.benchmarks;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.env.bars.MarketHours;
import io.github.rltrading.env.synthetic.SyntheticMarket;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Seeded benchmark inputs: synthetic ES minutes and their NinjaTrader export. */
public final class BenchData {

    private BenchData() {}

    /**
     * {@code bars} synthetic ES minutes of CME Globex sessions (23 hours a weekday, every minute on the
     * tick grid), from the seeded {@link SyntheticMarket}.
     */
    public static BarSeries minutes(int bars, long seed) {
        int sessions = (bars + 1379) / 1380;
        BarSeries all = SyntheticMarket.builder().seed(seed).hours(MarketHours.CME_GLOBEX).firstDate(LocalDate.of(2015, 1, 5))
                .sessions(sessions).build().generate().series();
        return all.size() == bars ? all : all.tail(bars);
    }

    /** Writes {@code series} as a NinjaTrader 8 minute export (CRLF, UTC) and returns the file. */
    public static Path writeNt8(BarSeries series, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            StringBuilder sb = new StringBuilder(64);
            for (int i = 0; i < series.size(); i++) {
                LocalDateTime t = LocalDateTime.ofEpochSecond(series.endMillis(i) / 1000, 0, ZoneOffset.UTC);
                sb.setLength(0);
                sb.append(t.getYear());
                two(sb, t.getMonthValue());
                two(sb, t.getDayOfMonth());
                sb.append(' ');
                two(sb, t.getHour());
                two(sb, t.getMinute());
                two(sb, t.getSecond());
                sb.append(';').append(series.open(i)).append(';').append(series.high(i)).append(';')
                        .append(series.low(i)).append(';').append(series.close(i)).append(';')
                        .append((long) series.volume(i)).append("\r\n");
                w.append(sb);
            }
        }
        return file;
    }

    private static void two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }
}
