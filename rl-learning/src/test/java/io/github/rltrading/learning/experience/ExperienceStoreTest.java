package io.github.rltrading.learning.experience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.trading.Side;
import io.github.rltrading.learning.store.LearningDatabase;
import io.github.rltrading.learning.store.LearningStoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperienceStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-30T14:30:00Z");

    static Experience sample(String instrument, int i) {
        return Experience.of(instrument, "v1_20261130_000000", T0.plusSeconds(60L * i), new float[] {i, -i, 0.5f},
                new float[] {(i % 3) - 1}, 0.01 * i, new float[] {i + 1, -i - 1, 0.25f}, i % 10 == 9);
    }

    @Test
    void everyFieldSurvivesTheRoundTripThroughAFileAndAReopen(@TempDir Path dir) {
        Path file = dir.resolve("learning.db");
        Experience full = sample("ES", 7).withConfidence(0.8, 0.6).withMarketConditions(Map.of("atr", 4.25, "volume", 1200.0))
                .withOutcome(new TradeOutcome(-62.5, Duration.ofMinutes(14), Side.SELL)).withReflection("stopped out in a chop");
        long id;
        try (LearningDatabase db = LearningDatabase.open(file)) {
            id = ExperienceStore.open(db).append(full).id();
            assertThat(id).isPositive();
        }
        try (LearningDatabase db = LearningDatabase.open(file)) {
            Experience back = ExperienceStore.open(db).get(id).orElseThrow();
            assertThat(back).usingRecursiveComparison().isEqualTo(full.withId(id));
            assertThat(back.hasReasoner()).isTrue();
            Experience plain = ExperienceStore.open(db).append(sample("ES", 1));
            assertThat(ExperienceStore.open(db).get(plain.id()).orElseThrow().hasReasoner()).isFalse();
            assertThat(ExperienceStore.open(db).get(plain.id()).orElseThrow().outcome()).isNull();
        }
    }

    @Property(tries = 200)
    void statesAreStoredBitForBit(@ForAll float[] values) {
        assertThat(ExperienceStore.decode(ExperienceStore.encode(values))).containsExactly(values);
        assertThat(ExperienceStore.encode(values)).hasSize(4 * values.length);
    }

    @Test
    void instrumentsArePartitionedApartByDefaultAndPooledWhenGrouped() {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ExperienceStore store = ExperienceStore.open(db);
            store.append(sample("ES", 1));
            store.append(sample("mes", 2));
            store.append(sample("MES", 3));
            assertThat(store.partitions()).containsExactly("ES", "MES");
            assertThat(store.stats("MES").count()).isEqualTo(2);
            assertThat(store.stats("ES").count()).isEqualTo(1);
        }
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ExperienceStore store = ExperienceStore.open(db, Partitioning.grouped(Map.of("MES", "ES")), RetentionPolicy.defaults());
            store.append(sample("ES", 1));
            store.append(sample("MES", 2));
            store.append(sample("UPRO", 3));
            assertThat(store.partitions()).containsExactly("ES", "UPRO");
            assertThat(store.after("ES", 0, 10)).extracting(Experience::instrument).containsExactly("ES", "MES");
        }
    }

    @Test
    void queriesFindHighValueFailedAndAnnotatedExperiences() {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ExperienceStore store = ExperienceStore.open(db);
            List<Experience> stored = store.appendAll(List.of(sample("ES", 0), sample("ES", 1), sample("ES", 2), sample("ES", 3)));
            store.recordOutcome(stored.get(0).id(), new TradeOutcome(250, Duration.ofMinutes(30), Side.BUY));
            store.recordOutcome(stored.get(1).id(), new TradeOutcome(-100, Duration.ofMinutes(5), Side.BUY));
            store.recordOutcome(stored.get(2).id(), new TradeOutcome(40, Duration.ofMinutes(9), Side.SELL));
            store.annotate(stored.get(1).id(), "entered against the 15m trend");

            assertThat(store.highValue("ES", 100, 10)).extracting(Experience::id).containsExactly(stored.get(0).id());
            assertThat(store.highValue("ES", 0, 10)).extracting(Experience::id).containsExactly(stored.get(0).id(), stored.get(2).id());
            assertThat(store.failed("ES", 10)).extracting(Experience::id).containsExactly(stored.get(1).id());
            assertThat(store.annotated("ES", 10)).extracting(Experience::reflection).containsExactly("entered against the 15m trend");
            assertThat(store.recent("ES", 2)).extracting(Experience::id).containsExactly(stored.get(3).id(), stored.get(2).id());
            assertThat(store.countAfter("ES", stored.get(1).id())).isEqualTo(2);

            ExperienceStats stats = store.stats("ES");
            assertThat(stats.count()).isEqualTo(4);
            assertThat(stats.withOutcome()).isEqualTo(3);
            assertThat(stats.wins()).isEqualTo(2);
            assertThat(stats.annotated()).isEqualTo(1);
            assertThat(stats.totalPnl()).isEqualTo(190.0);
            assertThat(stats.meanReward()).isCloseTo((0 + 0.01 + 0.02 + 0.03) / 4, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(stats.first()).isEqualTo(T0);
            assertThat(stats.last()).isEqualTo(T0.plusSeconds(180));
            assertThat(stats.lastId()).isEqualTo(stored.get(3).id());
            assertThat(store.stats("NQ").count()).isZero();
        }
    }

    @Test
    void retentionDropsTheOldestButSparesAnnotatedOnes() {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ExperienceStore store = ExperienceStore.open(db, Partitioning.perInstrument(), RetentionPolicy.defaults().withCapacity(5));
            List<Experience> in = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                in.add(sample("ES", i));
            }
            List<Experience> stored = store.appendAll(in);
            store.annotate(stored.get(0).id(), "kept for fine-tuning");
            assertThat(store.applyRetention()).isEqualTo(3);
            assertThat(store.after("ES", 0, 100)).extracting(Experience::id).containsExactly(stored.get(0).id(), stored.get(4).id(),
                    stored.get(5).id(), stored.get(6).id(), stored.get(7).id());
        }
    }

    @Test
    void retentionByAgeCountsFromTheNewestExperience() {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ExperienceStore store = ExperienceStore.open(db, Partitioning.perInstrument(),
                    RetentionPolicy.defaults().withMaxAge(Duration.ofMinutes(2)));
            store.appendAll(List.of(sample("ES", 0), sample("ES", 1), sample("ES", 2), sample("ES", 3), sample("NQ", 0)));
            assertThat(store.applyRetention()).isEqualTo(1);
            assertThat(store.after("ES", 0, 10)).extracting(Experience::time).containsExactly(T0.plusSeconds(60), T0.plusSeconds(120),
                    T0.plusSeconds(180));
            assertThat(store.stats("NQ").count()).isEqualTo(1);
        }
    }

    @Test
    void badInputIsRefusedWithTheFieldTheValueAndTheFix() {
        assertThatThrownBy(() -> sample("ES", 1).withConfidence(1.5, Double.NaN))
                .hasMessage("experience policyConfidence must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Experience.of(" ", "", T0, new float[0], new float[0], 0, new float[0], false))
                .hasMessage("experience instrument must not be blank; give the symbol, e.g. ES");
        assertThatThrownBy(() -> Experience.of("ES", "", T0, new float[0], new float[0], Double.NaN, new float[0], false))
                .hasMessageContaining("experience reward must be a finite number, got NaN");
        assertThatThrownBy(() -> RetentionPolicy.defaults().withCapacity(0))
                .hasMessage("retention capacity must be at least 1 experience, got 0");
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ExperienceStore store = ExperienceStore.open(db);
            assertThatThrownBy(() -> store.annotate(42, "text"))
                    .hasMessage("no experience with id 42 in in-memory database (it may have been removed by the retention policy)");
        }
    }

    @Test
    void aFolderIsNotADatabaseAndANewerSchemaIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> LearningDatabase.open(dir)).isInstanceOf(LearningStoreException.class)
                .hasMessageContaining("is a folder; give a file such as");
        Path file = dir.resolve("l.db");
        try (LearningDatabase db = LearningDatabase.open(file)) {
            ExperienceStore.open(db);
            db.transaction(c -> c.createStatement().executeUpdate("UPDATE schema_version SET version = 99 WHERE component = 'experience'"));
        }
        try (LearningDatabase db = LearningDatabase.open(file)) {
            assertThatThrownBy(() -> ExperienceStore.open(db)).hasMessageContaining("has experience tables at version 99 but this "
                    + "library knows up to 1; use the newer library that wrote it");
        }
    }
}
