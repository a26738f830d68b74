package io.github.rltrading.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.journal.EventType;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.journal.JournalDetail;
import io.github.rltrading.core.journal.JournalEvent;
import io.github.rltrading.core.journal.JournalReader;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.ContractSpecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each {@link JournalDetail} level keeps of the per-bar flow, and what it never drops. */
class JournalDetailTest {

    /** Long from bar 3 to bar 6, then flat: two changes (bars 3 and 7) among 12 decisions. */
    private static Decision decide(float index) {
        double target = index >= 3 && index <= 6 ? 1 : 0;
        return new Decision(Action.continuous((float) target), target, 1, "bar " + (int) index, "test");
    }

    private static List<JournalEvent> run(Path dir, JournalDetail detail) throws Exception {
        List<Bar> bars = SessionFixtures.risingBars("ES", 12);
        try (Journal journal = Journal.jsonLines(dir).open();
             TradingSession session = TradingSession.builder().instrument(ContractSpecs.ES)
                     .feed(new SessionFixtures.ListFeed(ContractSpecs.ES, bars)).features(new SessionFixtures.IndexFeature())
                     .policy(o -> decide(o.features()[0])).broker(new SessionFixtures.NextOpenBroker())
                     .maxPosition(1).journal(journal).journalDetail(detail).build()) {
            session.run();
        }
        try (Stream<JournalEvent> s = JournalReader.read(dir)) {
            return s.toList();
        }
    }

    private static long count(List<JournalEvent> events, EventType type) {
        return events.stream().filter(e -> e.type() == type).count();
    }

    @Test
    void allKeepsEveryBarAndDecision(@TempDir Path dir) throws Exception {
        List<JournalEvent> events = run(dir, JournalDetail.ALL);
        assertThat(count(events, EventType.BAR)).isEqualTo(12);
        JournalEvent end = events.get(events.size() - 1);
        long decisions = end.data().get("decisions").asLong();
        assertThat(count(events, EventType.DECISION)).isEqualTo(decisions).isPositive();
        assertThat(end.data().get("decisionsNotJournalled").asLong()).isZero();
    }

    @Test
    void changesKeepsOnlyDecisionsThatChangeSomethingAndEverythingThatHappened(@TempDir Path dir) throws Exception {
        List<JournalEvent> all = run(dir.resolve("all"), JournalDetail.ALL);
        List<JournalEvent> changes = run(dir.resolve("changes"), JournalDetail.CHANGES);

        assertThat(count(changes, EventType.BAR)).isZero();
        List<String> kept = changes.stream().filter(e -> e.type() == EventType.DECISION)
                .map(e -> e.data().get("decision").get("rationale").asText()).toList();
        assertThat(kept).containsExactly("bar 3", "bar 7");
        // Orders and fills are what happened: every level keeps all of them.
        for (EventType always : List.of(EventType.ORDER, EventType.FILL, EventType.SESSION_START, EventType.SESSION_END)) {
            assertThat(count(changes, always)).as("%s events", always).isEqualTo(count(all, always)).isPositive();
        }
        JournalEvent end = changes.get(changes.size() - 1);
        assertThat(end.data().get("decisionsNotJournalled").asLong() + kept.size())
                .isEqualTo(end.data().get("decisions").asLong());
        // The decision events that are kept are the same bytes at both levels.
        List<String> keptAtAll = all.stream().filter(e -> e.type() == EventType.DECISION)
                .filter(e -> kept.contains(e.data().get("decision").get("rationale").asText()))
                .map(e -> e.data().toString()).toList();
        assertThat(changes.stream().filter(e -> e.type() == EventType.DECISION).map(e -> e.data().toString()).toList())
                .isEqualTo(keptAtAll);
    }

    @Test
    void parseNamesTheKeyTheValueAndTheChoices() {
        assertThat(JournalDetail.parse(" Changes ")).isEqualTo(JournalDetail.CHANGES);
        assertThatThrownBy(() -> JournalDetail.parse("verbose")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("journal.detail: unknown value 'verbose'; use one of [all, changes]");
    }

    @Test
    void replaceExistingDeletesOnlyThisJournalsFiles(@TempDir Path dir) throws Exception {
        run(dir, JournalDetail.ALL);
        Files.writeString(dir.resolve("notes.txt"), "mine");
        long before;
        try (Stream<Path> files = Files.list(dir)) {
            before = files.count();
        }
        assertThat(before).isGreaterThan(1);
        try (io.github.rltrading.core.journal.JsonLinesJournal j = Journal.jsonLines(dir).replaceExisting(true).open()) {
            assertThat(j.lastSequence()).as("a replaced journal starts again").isZero();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("notes.txt");
        }
    }
}
