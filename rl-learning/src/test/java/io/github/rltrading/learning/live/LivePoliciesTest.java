package io.github.rltrading.learning.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.journal.EventType;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.journal.JournalEvent;
import io.github.rltrading.core.journal.JournalReader;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.trading.Side;
import io.github.rltrading.learning.experience.Experience;
import io.github.rltrading.learning.experience.ExperienceStore;
import io.github.rltrading.learning.store.LearningDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivePoliciesTest {

    private static final Instant T0 = Instant.parse("2026-11-30T14:31:00Z");

    /** An observation at minute {@code i} with the close {@code price}, holding {@code quantity} ES. */
    private static Observation bar(int i, double price, double quantity) {
        return new Observation(T0.plusSeconds(60L * i), new float[] {i, (float) price}, Math.max(-1, Math.min(1, quantity)),
                new Observation.PositionState(quantity, quantity == 0 ? Double.NaN : 5000, price, quantity == 0 ? 0 : 1));
    }

    private static Policy targets(Function<Observation, Double> target) {
        return o -> new Decision(Action.continuous(target.apply(o).floatValue()), target.apply(o), 0.7, "test", "test");
    }

    @Test
    void theRecorderStoresEachTransitionWithItsRewardAndTheTradesOutcome() {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ExperienceStore store = ExperienceStore.open(db);
            ExperienceRecorder recorder = new ExperienceRecorder(targets(o -> o.features()[0] < 2 ? 1.0 : 0.0), store, ContractSpecs.ES,
                    () -> "v1_20261130_000000");
            // Bar 0 flat at 5000 decides long; filled, bar 1 holds 1 at 5002; bar 2 holds 1 at 5010 and decides flat; bar 3 flat at 5008.
            recorder.decide(bar(0, 5000, 0));
            recorder.decide(bar(1, 5002, 1));
            recorder.decide(bar(2, 5010, 1));
            recorder.decide(bar(3, 5008, 0));
            assertThat(recorder.recorded()).isEqualTo(3);
            List<Experience> stored = store.after("ES", 0, 10);
            assertThat(stored).hasSize(3);
            Experience first = stored.get(0);
            assertThat(first.state()).containsExactly(0f, 5000f);
            assertThat(first.nextState()).containsExactly(1f, 5002f);
            assertThat(first.action()).containsExactly(1f);
            assertThat(first.reward()).isZero(); // flat over bar 0 -> 1
            assertThat(first.policyConfidence()).isEqualTo(0.7);
            assertThat(first.modelVersion()).isEqualTo("v1_20261130_000000");
            assertThat(stored.get(1).reward()).isCloseTo(8.0 / 5002, within(1e-12)); // long over 5002 -> 5010
            // The trade opened by the experience of bar 0 (its fill shows at bar 1) closed at bar 3: (5008 - 5000) x 1 x $50.
            assertThat(stored.get(1).outcome()).isNull();
            assertThat(stored.get(2).outcome()).isNull();
            Experience opened = first;
            assertThat(opened.outcome().pnl()).isEqualTo(400.0);
            assertThat(opened.outcome().side()).isEqualTo(Side.BUY);
            assertThat(opened.outcome().duration()).isEqualTo(Duration.ofMinutes(2));
        }
    }

    @Test
    void theRecorderFeedsTheDriftMonitorFeaturesAndRewards() {
        java.util.Random random = new java.util.Random(3);
        float[][] training = new float[2000][2];
        for (float[] row : training) {
            row[0] = (float) random.nextGaussian();
            row[1] = (float) (5000 + random.nextGaussian());
        }
        io.github.rltrading.learning.drift.DriftMonitor monitor = io.github.rltrading.learning.drift.DriftMonitor
                .builder("ES", io.github.rltrading.learning.drift.ReferenceDistribution.fromRows(List.of("minute", "price"), training))
                .minSampleSize(200).windowSize(300).checkEvery(100).build();
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ExperienceRecorder recorder = new ExperienceRecorder(targets(o -> 0.0), ExperienceStore.open(db), ContractSpecs.ES, () -> "")
                    .watchDrift(monitor);
            // The first feature drifts far from its training distribution (minute index 0..399 vs N(0, 1)).
            for (int i = 0; i < 400; i++) {
                recorder.decide(bar(i, 5000 + random.nextGaussian(), 0));
            }
        }
        assertThat(monitor.rowsObserved()).isEqualTo(400);
        assertThat(monitor.events()).extracting(e -> e.feature()).contains("minute").doesNotContain("price");
    }

    @Test
    void theRecorderKeepsTradingWhenTheStoreFails() {
        LearningDatabase db = LearningDatabase.inMemory();
        ExperienceStore store = ExperienceStore.open(db);
        ExperienceRecorder recorder = new ExperienceRecorder(targets(o -> 0.5), store, ContractSpecs.ES, () -> "");
        recorder.decide(bar(0, 5000, 0));
        db.close();
        assertThat(recorder.decide(bar(1, 5001, 0)).targetPosition()).isEqualTo(0.5);
        assertThat(recorder.failures()).isEqualTo(1);
    }

    @Test
    void theShadowBooksBothModelsTheSameWayAndJournalsTheChallenger(@TempDir Path dir) {
        Journal journal = Journal.jsonLines(dir).open();
        ShadowPolicy shadow = new ShadowPolicy(targets(o -> 1.0), targets(o -> o.features()[0] < 1 ? -1.0 : 1.0), "v2_x",
                ContractSpecs.ES, 2, 5.0, journal);
        assertThat(shadow.decide(bar(0, 5000, 0)).targetPosition()).isEqualTo(1.0); // production's decision is the one returned
        shadow.decide(bar(1, 4990, 0));
        shadow.decide(bar(2, 5000, 0));
        journal.close();
        ShadowPolicy.Report r = shadow.report();
        assertThat(r.bars()).isEqualTo(2);
        // Production: long 2 from bar 0: -10 x 50 x 2 + 10 x 50 x 2 = 0, minus entering 2 contracts at $5 = -10.
        assertThat(r.productionPnl()).isEqualTo(-10.0);
        // Challenger: short 2 (cost 10), +10 pts x 100 = +1000, reverses to long 2 (4 contracts, cost 20), +10 pts x 100 = +1000.
        assertThat(r.challengerPnl()).isEqualTo(1970.0);
        assertThat(r.challengerAdvantage()).isEqualTo(1980.0);
        assertThat(r.agreement()).isCloseTo(2.0 / 3, within(1e-12));
        List<JournalEvent> events;
        try (var stream = JournalReader.read(dir)) {
            events = stream.filter(e -> e.type() == EventType.SHADOW).toList();
        }
        assertThat(events).hasSize(3);
        assertThat(events.get(2).data().get("challengerPnl").asDouble()).isEqualTo(1970.0);
        assertThat(events.get(0).data().get("challengerTarget").asDouble()).isEqualTo(-1.0);
        assertThat(events.get(0).source()).isEqualTo("shadow:v2_x");
    }
}
