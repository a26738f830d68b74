package io.github.rltrading.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class IsoTimeProperties {

    @Property(tries = 5000)
    void formatsEveryInstantLikeInstantToString(@ForAll @LongRange(min = -70_000_000_000L, max = 260_000_000_000L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 3) int round) {
        int n = switch (round) {
            case 0 -> 0;
            case 1 -> nanos / 1_000_000 * 1_000_000;
            case 2 -> nanos / 1000 * 1000;
            default -> nanos;
        };
        Instant t = Instant.ofEpochSecond(seconds, n);
        assertThat(IsoTime.format(t)).isEqualTo(t.toString());
    }

    @Property(tries = 2000)
    void formatsEpochMillisLikeInstantToString(@ForAll @LongRange(min = -62_000_000_000_000L, max = 253_000_000_000_000L) long millis) {
        assertThat(IsoTime.formatMillis(millis)).isEqualTo(Instant.ofEpochMilli(millis).toString());
    }

    /** A run of times (minutes, some with seconds or millis, across days and out-of-range years) appended in order. */
    @Property(tries = 300)
    void theAppenderWritesWhatFormatMillisWrites(@ForAll @LongRange(min = -62_000_000_000_000L, max = 253_000_000_000_000L) long start,
            @ForAll @IntRange(min = 1, max = 200) int count, @ForAll @IntRange(min = 1, max = 4000) int stepSeconds,
            @ForAll @IntRange(min = 0, max = 999) int oddMillis) {
        IsoTime.Appender appender = new IsoTime.Appender();
        StringBuilder out = new StringBuilder();
        long t = start;
        for (int i = 0; i < count; i++) {
            long ms = i % 7 == 3 ? t + oddMillis : t;
            out.setLength(0);
            appender.appendMillis(out, ms);
            assertThat(out.toString()).isEqualTo(Instant.ofEpochMilli(ms).toString());
            t += stepSeconds * 1000L;
        }
    }

    @Example
    void edges() {
        for (Instant t : new Instant[] {Instant.EPOCH, Instant.parse("2020-02-29T23:59:59.999Z"), Instant.MIN, Instant.MAX,
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z")}) {
            assertThat(IsoTime.format(t)).isEqualTo(t.toString());
        }
    }
}
