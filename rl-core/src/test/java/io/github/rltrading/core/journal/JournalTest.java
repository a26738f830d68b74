package io.github.rltrading.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant DAY1 = Instant.parse("2020-03-06T20:59:00Z");
    private static final Instant DAY2 = Instant.parse("2020-03-09T13:31:00Z");

    @TempDir
    Path dir;

    private static ObjectNode data(int i) {
        return JSON.createObjectNode().put("i", i).put("text", "événement " + i);
    }

    private List<JournalEvent> readAll(Path d) {
        try (Stream<JournalEvent> s = JournalReader.read(d)) {
            return s.toList();
        }
    }

    private List<Path> files(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    @Test
    void everyEventTypeRoundTrips() {
        try (Journal j = Journal.jsonLines(dir).open()) {
            for (EventType t : EventType.values()) {
                j.append(t, "session", DAY1, data(t.ordinal()));
            }
        }
        List<JournalEvent> events = readAll(dir);
        assertThat(events).extracting(JournalEvent::type).containsExactly(EventType.values());
        assertThat(events).extracting(JournalEvent::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, EventType.values().length).boxed().toList());
        assertThat(events.get(4).data()).isEqualTo(data(4));
        assertThat(events.get(4).time()).isEqualTo(DAY1);
        assertThat(events.get(4).source()).isEqualTo("session");
    }

    @Test
    void filesRotateBySizeAndReadBackInOrderWithoutGaps() throws IOException {
        try (Journal j = Journal.jsonLines(dir).rotateEveryBytes(300).open()) {
            for (int i = 0; i < 40; i++) {
                j.append(EventType.BAR, "feed", DAY1, data(i));
            }
        }
        List<Path> files = files(dir);
        assertThat(files.size()).isGreaterThan(5);
        for (Path f : files) {
            assertThat(Files.size(f)).as(f.toString()).isLessThanOrEqualTo(300);
        }
        List<JournalEvent> events = readAll(dir);
        assertThat(events).extracting(e -> e.data().get("i").asInt())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 40).boxed().toList());
        assertThat(events).extracting(JournalEvent::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
    }

    @Test
    void aNewUtcDayStartsANewFile() throws IOException {
        try (Journal j = Journal.jsonLines(dir).open()) {
            j.append(EventType.BAR, "feed", DAY1, data(1));
            j.append(EventType.BAR, "feed", DAY2, data(2));
            j.append(EventType.BAR, "feed", DAY2.plusSeconds(60), data(3));
        }
        assertThat(files(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("journal-000001-2020-03-06.jsonl", "journal-000002-2020-03-09.jsonl");
    }

    @Test
    void theBufferedPolicyWritesEverythingByCloseAndNeverForces() throws IOException {
        int n = 20_000; // several 64 KiB buffers and, with rotation, several files
        JsonLinesJournal j = Journal.jsonLines(dir).rotateEveryBytes(256 * 1024).syncPolicy(SyncPolicy.buffered()).open();
        for (int i = 1; i <= n; i++) {
            int value = i;
            assertThat(j.append(EventType.BAR, "feed", DAY1, out -> out.number("i", (long) value))).isEqualTo(i);
        }
        j.close();
        assertThat(j.syncCount()).isZero();
        List<JournalEvent> events = readAll(dir);
        assertThat(events).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(events.get(i).sequence()).isEqualTo(i + 1);
            assertThat(events.get(i).data().get("i").asInt()).isEqualTo(i + 1);
        }
        assertThat(files(dir)).hasSizeGreaterThan(1);
    }

    @Test
    void reopeningContinuesTheSequence() {
        try (Journal j = Journal.jsonLines(dir).open()) {
            j.append(EventType.BAR, "feed", DAY1, data(1));
            j.append(EventType.BAR, "feed", DAY1, data(2));
        }
        try (JsonLinesJournal j = Journal.jsonLines(dir).open()) {
            assertThat(j.recovery().repaired()).isFalse();
            assertThat(j.recovery().lastSequence()).isEqualTo(2);
            assertThat(j.append(EventType.BAR, "feed", DAY1, data(3))).isEqualTo(3);
        }
        assertThat(readAll(dir)).extracting(JournalEvent::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aTornLastLineIsCutOffOnOpenAndNothingElseIsLost() throws IOException {
        try (Journal j = Journal.jsonLines(dir).open()) {
            for (int i = 1; i <= 3; i++) {
                j.append(EventType.FILL, "broker", DAY1, data(i));
            }
        }
        Path file = files(dir).get(0);
        long intact = Files.size(file);
        String half = "{\"seq\":4,\"time\":\"2020-03-06T20:59:00Z\",\"type\":\"fill\",\"sour";
        Files.writeString(file, half, StandardOpenOption.APPEND);

        // The reader alone skips the torn line without failing.
        assertThat(readAll(dir)).hasSize(3);

        try (JsonLinesJournal j = Journal.jsonLines(dir).open()) {
            assertThat(j.recovery().repaired()).isTrue();
            assertThat(j.recovery().droppedBytes()).isEqualTo(half.getBytes(StandardCharsets.UTF_8).length);
            assertThat(j.recovery().file()).isEqualTo(file);
            assertThat(j.recovery().lastSequence()).isEqualTo(3);
            assertThat(Files.size(file)).isEqualTo(intact);
            assertThat(j.append(EventType.FILL, "broker", DAY1, data(4))).isEqualTo(4);
        }
        assertThat(readAll(dir)).extracting(e -> e.data().get("i").asInt()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aCompleteButInvalidLastLineIsCutOffToo() throws IOException {
        try (Journal j = Journal.jsonLines(dir).open()) {
            j.append(EventType.BAR, "feed", DAY1, data(1));
        }
        Path file = files(dir).get(0);
        Files.writeString(file, "{\"seq\":2,\"ti\u0000\n", StandardOpenOption.APPEND);
        try (JsonLinesJournal j = Journal.jsonLines(dir).open()) {
            assertThat(j.recovery().repaired()).isTrue();
            assertThat(j.append(EventType.BAR, "feed", DAY1, data(2))).isEqualTo(2);
        }
        assertThat(readAll(dir)).extracting(JournalEvent::sequence).containsExactly(1L, 2L);
    }

    @Test
    void aLastLineMissingOnlyItsNewlineIsTornForReaderAndWriterAlike() throws IOException {
        try (Journal j = Journal.jsonLines(dir).open()) {
            for (int i = 1; i <= 3; i++) {
                j.append(EventType.FILL, "broker", DAY1, data(i));
            }
        }
        Path file = files(dir).get(0);
        byte[] bytes = Files.readAllBytes(file);
        // The crash came after the JSON but before its '\n': the line is valid JSON yet unfinished.
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));

        // The reader must not report event 3: the writer drops it on open and reuses its number.
        assertThat(readAll(dir)).extracting(JournalEvent::sequence).containsExactly(1L, 2L);
        try (JsonLinesJournal j = Journal.jsonLines(dir).open()) {
            assertThat(j.recovery().lastSequence()).isEqualTo(2);
            assertThat(j.append(EventType.FILL, "broker", DAY1, data(30))).isEqualTo(3);
        }
        assertThat(readAll(dir)).extracting(e -> e.data().get("i").asInt()).containsExactly(1, 2, 30);
    }

    @Test
    void aLastLineThatIsJsonButNotAValidEventIsCutSoLaterAppendsDoNotBuryIt() throws IOException {
        try (Journal j = Journal.jsonLines(dir).open()) {
            j.append(EventType.BAR, "feed", DAY1, data(1));
        }
        Path file = files(dir).get(0);
        Files.writeString(file, "{\"seq\":2,\"time\":\"yesterday\",\"type\":\"bar\",\"source\":\"feed\",\"data\":{}}\n",
                StandardOpenOption.APPEND);
        try (JsonLinesJournal j = Journal.jsonLines(dir).open()) {
            assertThat(j.recovery().repaired()).isTrue();
            assertThat(j.recovery().lastSequence()).isEqualTo(1);
            assertThat(j.append(EventType.BAR, "feed", DAY1, data(2))).isEqualTo(2);
        }
        // Had the invalid line been kept, it would now sit mid-file and the reader would refuse the journal.
        assertThat(readAll(dir)).extracting(JournalEvent::sequence).containsExactly(1L, 2L);
    }

    @Test
    void aNewestFileWithOnlyATornLineContinuesFromThePreviousFile() throws IOException {
        try (Journal j = Journal.jsonLines(dir).open()) {
            j.append(EventType.BAR, "feed", DAY1, data(1));
            j.append(EventType.BAR, "feed", DAY2, data(2));
        }
        Path second = files(dir).get(1);
        Files.writeString(second, "{\"seq\":2,\"ti");      // the whole second file is one torn line
        try (JsonLinesJournal j = Journal.jsonLines(dir).open()) {
            assertThat(j.recovery().lastSequence()).isEqualTo(1);
            assertThat(j.append(EventType.BAR, "feed", DAY2, data(3))).isEqualTo(2);
        }
    }

    @Test
    void aCorruptLineBeforeTheEndIsDamageAndNamesFileAndLine() throws IOException {
        try (Journal j = Journal.jsonLines(dir).open()) {
            for (int i = 1; i <= 3; i++) {
                j.append(EventType.BAR, "feed", DAY1, data(i));
            }
        }
        Path file = files(dir).get(0);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, "{\"seq\":2,\"time\":\"yesterday\",\"type\":\"bar\",\"source\":\"feed\",\"data\":{}}");
        Files.write(file, lines);
        assertThatThrownBy(() -> readAll(dir))
                .isInstanceOf(JournalReader.CorruptJournalException.class)
                .hasMessage("journal " + file + " line 2 is corrupt: field 'time' is not an ISO-8601 instant: 'yesterday'; "
                        + "the journal is damaged before its end, so it was not written by this SDK alone "
                        + "(restore the file from a backup)");
    }

    @Test
    void flushingPoliciesMakeEachEventReadableBeforeClose() {
        for (SyncPolicy policy : List.of(SyncPolicy.everyEvent(), SyncPolicy.flushEveryEvent(), SyncPolicy.syncEvery(3),
                SyncPolicy.syncInterval(java.time.Duration.ofSeconds(1)))) {
            Path d = dir.resolve(policy.getClass().getSimpleName());
            try (Journal j = Journal.jsonLines(d).syncPolicy(policy).open()) {
                j.append(EventType.BAR, "feed", DAY1, data(1));
                assertThat(readAll(d)).as(policy.toString()).hasSize(1);
                j.append(EventType.BAR, "feed", DAY1, data(2));
                assertThat(readAll(d)).as(policy.toString()).hasSize(2);
            }
        }
    }

    @Test
    void eachPolicyForcesTheFileWhenItSays() {
        record Case(SyncPolicy policy, long afterTwo, long afterThree) {}
        for (Case c : List.of(new Case(SyncPolicy.everyEvent(), 2, 3), new Case(SyncPolicy.syncEvery(3), 0, 1),
                new Case(SyncPolicy.flushEveryEvent(), 0, 0), new Case(SyncPolicy.onClose(), 0, 0))) {
            Path d = dir.resolve(c.policy().getClass().getSimpleName());
            try (JsonLinesJournal j = Journal.jsonLines(d).syncPolicy(c.policy()).open()) {
                j.append(EventType.BAR, "feed", DAY1, data(1));
                j.append(EventType.BAR, "feed", DAY1, data(2));
                assertThat(j.syncCount()).as(c.policy() + " after 2 events").isEqualTo(c.afterTwo());
                j.append(EventType.BAR, "feed", DAY1, data(3));
                assertThat(j.syncCount()).as(c.policy() + " after 3 events").isEqualTo(c.afterThree());
            }
        }
    }

    @Test
    void theOnClosePolicyBuffersUntilFlushOrClose() {
        try (JsonLinesJournal j = Journal.jsonLines(dir).syncPolicy(SyncPolicy.onClose()).open()) {
            j.append(EventType.BAR, "feed", DAY1, data(1));
            assertThat(readAll(dir)).isEmpty();
            j.flush();
            assertThat(readAll(dir)).hasSize(1);
            j.append(EventType.BAR, "feed", DAY1, data(2));
        }
        assertThat(readAll(dir)).hasSize(2);
    }

    @Test
    void concurrentAppendsGetUniqueGapFreeSequences() throws Exception {
        int threads = 4;
        int perThread = 500;
        List<Long> sequences = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Journal j = Journal.jsonLines(dir).rotateEveryBytes(16 * 1024).open()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        sequences.add(j.append(EventType.ORDER, "t" + thread, DAY1, data(i)));
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(sequences).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, (long) threads * perThread).boxed().toList());
        assertThat(readAll(dir)).extracting(JournalEvent::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, (long) threads * perThread).boxed().toList());
    }

    @Test
    void appendingAfterCloseIsRefused() {
        Journal j = Journal.jsonLines(dir).open();
        j.close();
        assertThatThrownBy(() -> j.append(EventType.BAR, "feed", DAY1, data(1)))
                .hasMessage("journal " + dir + " is closed; open a new one to append");
        assertThat(Journal.noop().append(EventType.BAR, "x", DAY1, data(1))).isEqualTo(1);
    }

    @Provide
    Arbitrary<List<String>> payloads() {
        return Arbitraries.strings().ofMaxLength(80).list().ofMaxSize(60);
    }

    @Property(tries = 50)
    void whateverIsWrittenReadsBackIdenticallyAndInOrder(@ForAll("payloads") List<String> payloads,
                                                          @ForAll @IntRange(min = 64, max = 4096) int rotateBytes)
            throws IOException {
        Path d = Files.createTempDirectory("journal-property");
        try {
            List<JournalEvent> written = new ArrayList<>();
            try (Journal j = Journal.jsonLines(d).rotateEveryBytes(rotateBytes).open()) {
                for (int i = 0; i < payloads.size(); i++) {
                    EventType type = EventType.values()[i % EventType.values().length];
                    Instant time = DAY1.plusSeconds(3_600L * i);
                    ObjectNode payload = JSON.createObjectNode().put("s", payloads.get(i));
                    long seq = j.append(type, "p", time, payload);
                    written.add(new JournalEvent(seq, time, type, "p", payload));
                }
            }
            assertThat(readAll(d)).isEqualTo(written);
        } finally {
            try (Stream<Path> s = Files.walk(d)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void unknownTypesAndBadBuilderSettingsAreRefusedClearly() {
        assertThatThrownBy(() -> EventType.fromWireName("trade"))
                .hasMessage("unknown journal event type 'trade'; expected one of " + Arrays.stream(EventType.values())
                        .map(EventType::wireName).toList());
        assertThatThrownBy(() -> Journal.jsonLines(dir).baseName("my journal"))
                .hasMessage("journal baseName must be letters, digits, '_' or '-', got 'my journal'");
        assertThatThrownBy(() -> SyncPolicy.syncEvery(0)).hasMessage("syncEvery needs events >= 1, got 0");
    }
}
