package io.github.rltrading.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.journal.EventType;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.journal.JournalEvent;
import io.github.rltrading.core.journal.JournalReader;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.ContractSpecs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bar and decision events are streamed field by field for speed; they must read back exactly as
 * Jackson's own conversion of the bar and the decision would have written them.
 */
class StreamedJournalEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void streamedBarAndDecisionEventsEqualJacksonsOwnConversion(@TempDir Path dir) throws Exception {
        List<Bar> bars = SessionFixtures.risingBars("ES", 12);
        try (Journal journal = Journal.jsonLines(dir).open();
             TradingSession session = TradingSession.builder().instrument(ContractSpecs.ES)
                     .feed(new SessionFixtures.ListFeed(ContractSpecs.ES, bars)).features(new SessionFixtures.IndexFeature())
                     .policy(o -> o.features()[0] % 2 == 0
                             ? new Decision(Action.continuous(0.5f, -1f), 1, 0.9, "even \"bar\"", "test")
                             : new Decision(Action.discrete(2), -1, 0.8, "odd bar", "test"))
                     .broker(new SessionFixtures.NextOpenBroker()).startingCash(100_000).maxPosition(1).journal(journal)
                     .build()) {
            session.run();
        }
        List<JournalEvent> events;
        try (Stream<JournalEvent> s = JournalReader.read(dir)) {
            events = s.toList();
        }
        List<JournalEvent> barEvents = events.stream().filter(e -> e.type() == EventType.BAR).toList();
        assertThat(barEvents).hasSize(bars.size());
        for (int i = 0; i < bars.size(); i++) {
            // Compared as text: a float read back from a file is a double node, the same JSON.
            assertThat(barEvents.get(i).data().toString()).isEqualTo(JSON.valueToTree(bars.get(i)).toString());
        }
        List<JournalEvent> decisions = events.stream().filter(e -> e.type() == EventType.DECISION).toList();
        assertThat(decisions).isNotEmpty();
        for (JournalEvent d : decisions) {
            JsonNode data = d.data();
            boolean even = data.get("features").get(0).asDouble() % 2 == 0;
            Decision expected = even ? new Decision(Action.continuous(0.5f, -1f), 1, 0.9, "even \"bar\"", "test")
                    : new Decision(Action.discrete(2), -1, 0.8, "odd bar", "test");
            assertThat(data.get("decision").toString()).isEqualTo(JSON.valueToTree(expected).toString());
            assertThat(data.get("barTime").asText()).isEqualTo(Instant.parse(data.get("barTime").asText()).toString());
        }
    }

    @Test
    void theDefaultStreamedAppendBuildsTheSameTree() {
        Journal.DataWriter writer = out -> out.string("a", "x").number("b", 1.5).numbers("c", new float[] {2f});
        TradingSessionTest.RecordingJournal recording = new TradingSessionTest.RecordingJournal();
        recording.append(EventType.BAR, "t", Instant.EPOCH, writer);
        assertThat(recording.entries.get(0).data().toString()).isEqualTo("{\"a\":\"x\",\"b\":1.5,\"c\":[2.0]}");
    }
}
