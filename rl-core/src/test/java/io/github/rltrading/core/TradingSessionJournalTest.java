package io.github.rltrading.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.SessionFixtures.IndexFeature;
import io.github.rltrading.core.SessionFixtures.ListFeed;
import io.github.rltrading.core.SessionFixtures.NextOpenBroker;
import io.github.rltrading.core.journal.EventType;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.journal.JournalEvent;
import io.github.rltrading.core.journal.JournalReader;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.ContractSpecs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session writing a real JSON Lines journal, read back from disk. */
class TradingSessionJournalTest {

    @TempDir
    Path dir;

    @Test
    void everyEventOfASessionCanBeReadBackFromDisk() {
        List<Bar> bars = SessionFixtures.risingBars("ES", 4);
        try (TradingSession session = TradingSession.builder()
                .instrument(ContractSpecs.ES)
                .feed(new ListFeed(ContractSpecs.ES, bars))
                .features(new IndexFeature())
                .policy(SessionFixtures.scripted(i -> i == 0 ? 1.0 : 0.0, 0.9))
                .broker(new NextOpenBroker())
                .maxPosition(1)
                .journal(Journal.jsonLines(dir).open())
                .closeComponents(true)
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .build()) {
            session.run();
        }

        List<JournalEvent> events;
        try (Stream<JournalEvent> stream = JournalReader.read(dir)) {
            events = stream.toList();
        }
        assertThat(events).extracting(JournalEvent::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events.get(0).type()).isEqualTo(EventType.SESSION_START);
        assertThat(events.get(events.size() - 1).type()).isEqualTo(EventType.SESSION_END);
        JournalEvent firstBar = events.stream().filter(e -> e.type() == EventType.BAR).findFirst().orElseThrow();
        assertThat(firstBar.data().get("timeframe").asText()).isEqualTo("1m");
        assertThat(firstBar.data().get("end").asText()).isEqualTo("2020-01-02T14:31:00Z");
        JournalEvent fill = events.stream().filter(e -> e.type() == EventType.FILL).findFirst().orElseThrow();
        assertThat(fill.data().get("price").asDouble()).isEqualTo(101.0);
        assertThat(events.get(events.size() - 1).data().get("trades").asInt()).isEqualTo(1);
    }
}
