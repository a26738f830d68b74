package io.github.rltrading.env.bars;

import io.github.rltrading.core.util.ZoneOffsetCache;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarketHoursTest {

    private static final ZoneId NY = ZoneId.of("America/New_York");

    private static long date(MarketHours h, String nyLocal) {
        long utc = LocalDateTime.parse(nyLocal).atZone(NY).toInstant().toEpochMilli();
        return h.tradingDate(utc, new ZoneOffsetCache(h.zone()));
    }

    private static long day(String d) {
        return LocalDate.parse(d).toEpochDay();
    }

    @Test
    void rthBarsBelongToTheirDateBetweenOpenAndClose() {
        MarketHours rth = MarketHours.US_EQUITY_RTH;
        assertThat(date(rth, "2020-03-09T09:30")).isEqualTo(MarketHours.NO_SESSION); // ends at the open: before it
        assertThat(date(rth, "2020-03-09T09:31")).isEqualTo(day("2020-03-09"));
        assertThat(date(rth, "2020-03-09T16:00")).isEqualTo(day("2020-03-09"));
        assertThat(date(rth, "2020-03-09T16:01")).isEqualTo(MarketHours.NO_SESSION);
        assertThat(date(rth, "2020-03-07T10:00")).as("Saturday").isEqualTo(MarketHours.NO_SESSION);
        assertThat(rth.lengthMillis()).isEqualTo(390 * 60_000L);
    }

    @Test
    void globexEveningBarsBelongToTheNextTradingDate() {
        MarketHours g = MarketHours.CME_GLOBEX;
        assertThat(date(g, "2020-03-08T18:01")).as("Sunday evening opens Monday").isEqualTo(day("2020-03-09"));
        assertThat(date(g, "2020-03-09T17:00")).isEqualTo(day("2020-03-09"));
        assertThat(date(g, "2020-03-09T17:30")).as("maintenance break").isEqualTo(MarketHours.NO_SESSION);
        assertThat(date(g, "2020-03-13T18:01")).as("Friday evening would open Saturday").isEqualTo(MarketHours.NO_SESSION);
        assertThat(date(g, "2020-03-10T00:00")).isEqualTo(day("2020-03-10"));
        assertThat(g.lengthMillis()).isEqualTo(23 * 3_600_000L);
        assertThat(g.localOpenMillis(day("2020-03-09")))
                .isEqualTo(LocalDateTime.parse("2020-03-08T18:00").toInstant(ZoneOffset.UTC).toEpochMilli());
    }

    @Test
    void utcDaysAreCalendarDays() {
        MarketHours u = MarketHours.UTC_DAYS;
        ZoneOffsetCache z = new ZoneOffsetCache(u.zone());
        long noon = LocalDateTime.parse("2020-01-02T12:00").toInstant(ZoneOffset.UTC).toEpochMilli();
        long midnight = LocalDateTime.parse("2020-01-03T00:00").toInstant(ZoneOffset.UTC).toEpochMilli();
        assertThat(u.tradingDate(noon, z)).isEqualTo(day("2020-01-02"));
        assertThat(u.tradingDate(midnight, z)).as("a bar ending at midnight closes the day").isEqualTo(day("2020-01-02"));
        assertThat(u.lengthMillis()).isEqualTo(86_400_000L);
    }

    @Test
    void invalidHoursAreRefused() {
        assertThatThrownBy(() -> new MarketHours("x", NY, LocalTime.NOON, LocalTime.MIDNIGHT, Set.<DayOfWeek>of()))
                .hasMessageContaining("market hours 'x' need at least one trading day");
    }

    @Test
    void zoneOffsetCacheRoundTripsAcrossBothSwitches() {
        ZoneOffsetCache z = new ZoneOffsetCache(NY);
        long start = LocalDateTime.parse("2020-03-07T00:00").toInstant(ZoneOffset.UTC).toEpochMilli();
        for (long utc = start; utc < start + 240L * 86_400_000L; utc += 7 * 60_000L) {
            long local = z.toLocal(utc);
            long expected = LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(utc), NY).toInstant(ZoneOffset.UTC).toEpochMilli();
            assertThat(local).isEqualTo(expected);
            long back = z.toUtc(local, false);
            assertThat(back == utc || (z.isAmbiguous(local) && z.toUtc(local, true) == utc)).as("utc %d", utc).isTrue();
        }
    }
}
