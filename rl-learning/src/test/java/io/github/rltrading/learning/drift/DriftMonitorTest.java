package io.github.rltrading.learning.drift;

import io.github.rltrading.learning.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.rltrading.core.journal.EventType;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.journal.JournalEvent;
import io.github.rltrading.core.journal.JournalReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftMonitorTest {

    static final Instant START = Instant.parse("2026-11-30T14:30:00Z");
    static final List<String> NAMES = List.of("atr", "volume");

    final MutableClock clock = new MutableClock(START);
    final SplittableRandom random = new SplittableRandom(11);

    /** Training data: atr ~ N(0, 1), volume ~ N(5, 2). */
    static ReferenceDistribution reference() {
        SplittableRandom r = new SplittableRandom(3);
        float[][] rows = new float[5_000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new float[] {(float) r.nextGaussian(), (float) (5 + 2 * r.nextGaussian())};
        }
        return ReferenceDistribution.fromRows(NAMES, rows);
    }

    DriftMonitor.Builder builder() {
        return DriftMonitor.builder("ES", reference()).clock(clock).windowSize(1_000).minSampleSize(200).checkEvery(500);
    }

    /** Feeds {@code n} rows with atr ~ N(atrMean, atrSd) and volume as in training. */
    void feed(DriftMonitor monitor, int n, double atrMean, double atrSd) {
        for (int i = 0; i < n; i++) {
            monitor.observe(new float[] {(float) (atrMean + atrSd * random.nextGaussian()),
                (float) (5 + 2 * random.nextGaussian())});
        }
    }

    @Test
    void theTrainingDistributionRaisesNothing() {
        DriftMonitor monitor = builder().build();

        feed(monitor, 2_000, 0, 1);

        assertThat(monitor.events()).isEmpty();
        assertThat(monitor.lastChecks()).extracting(FeatureCheck::feature).containsExactly("atr", "volume");
        assertThat(monitor.lastChecks()).allSatisfy(c -> {
            assertThat(c.sampleSize()).isEqualTo(1_000);
            assertThat(c.psi()).isLessThan(PopulationStabilityIndex.MODERATE_SHIFT);
            assertThat(c.ksPValue()).isGreaterThan(0.01);
        });
    }

    @Test
    void aHalfSdMeanShiftIsFoundByPsiAndKsOnThatFeatureOnly() {
        DriftMonitor monitor = builder().psiThreshold(PopulationStabilityIndex.MODERATE_SHIFT).build();

        feed(monitor, 1_000, 0, 1);
        assertThat(monitor.events()).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        feed(monitor, 1_000, 0.5, 1);

        List<DriftEvent> events = monitor.events();
        assertThat(events).extracting(DriftEvent::kind).containsExactlyInAnyOrder(DriftEvent.Kind.PSI, DriftEvent.Kind.KS);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.feature()).isEqualTo("atr");
            assertThat(e.instrument()).isEqualTo("ES");
            assertThat(e.time()).isEqualTo(START.plus(Duration.ofMinutes(5)));
            assertThat(e.sampleSize()).isPositive();
        });
        DriftEvent psi = events.stream().filter(e -> e.kind() == DriftEvent.Kind.PSI).findFirst().orElseThrow();
        assertThat(psi.statistic()).isGreaterThanOrEqualTo(psi.threshold());
        assertThat(psi.threshold()).isEqualTo(PopulationStabilityIndex.MODERATE_SHIFT);
        assertThat(psi.detail()).startsWith("psi on atr = ").contains(" >= 0.1 over ");
        DriftEvent ks = events.stream().filter(e -> e.kind() == DriftEvent.Kind.KS).findFirst().orElseThrow();
        assertThat(ks.statistic()).isLessThan(0.01);
        assertThat(ks.detail()).startsWith("ks on atr: D = ").endsWith("live vs 5000 reference values)");
    }

    @Test
    void aDoubledStandardDeviationIsFoundWithTheDefaultThresholds() {
        DriftMonitor monitor = builder().build();

        feed(monitor, 1_000, 0, 2);

        assertThat(monitor.events()).extracting(DriftEvent::kind, DriftEvent::feature)
                .containsExactlyInAnyOrder(tuple(DriftEvent.Kind.PSI, "atr"),
                        tuple(DriftEvent.Kind.KS, "atr"));
    }

    @Test
    void anEventIsRaisedOnCrossingNotOnEveryCheckWhileDrifting() {
        DriftMonitor monitor = builder().build();

        feed(monitor, 3_000, 0, 2);
        assertThat(monitor.events()).hasSize(2);
        feed(monitor, 2_000, 0, 1); // back to normal: re-armed
        assertThat(monitor.events()).hasSize(2);
        feed(monitor, 1_000, 0, 2);

        assertThat(monitor.events()).hasSize(4);
    }

    @Test
    void theRetrainRequesterIsCalledOncePerCooldown() {
        List<String> requests = new ArrayList<>();
        DriftMonitor monitor = builder()
                .retrainCooldown(Duration.ofHours(1))
                .pageHinkley(PageHinkleyTest.UNIT_REWARD)
                .retrainRequester((instrument, reason) -> requests.add(instrument + ": " + reason))
                .build();

        feed(monitor, 1_000, 0, 2); // PSI and KS on atr in one check: one request
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).startsWith("ES: psi on atr = ").contains("; ks on atr: D = ");

        clock.advance(Duration.ofMinutes(30));
        rewards(monitor, 300, 0);
        rewards(monitor, 200, -1); // Page-Hinkley finds the drop: an event, but within the cooldown
        assertThat(monitor.events()).extracting(DriftEvent::kind).contains(DriftEvent.Kind.PAGE_HINKLEY);
        assertThat(requests).hasSize(1);

        clock.advance(Duration.ofMinutes(31));
        rewards(monitor, 300, -1);
        rewards(monitor, 200, -2); // a further drop after the cooldown: the second request
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1)).startsWith("ES: page_hinkley on reward: decrease of the mean, statistic ");
    }

    @Test
    void aFailedRetrainRequestIsRetriedOnTheNextDrift() {
        List<String> requests = new ArrayList<>();
        DriftMonitor monitor = builder()
                .pageHinkley(PageHinkleyTest.UNIT_REWARD)
                .retrainRequester((instrument, reason) -> {
                    requests.add(reason);
                    if (requests.size() == 1) {
                        throw new IllegalStateException("retrain queue is full");
                    }
                })
                .build();

        feed(monitor, 1_000, 0, 2);
        rewards(monitor, 300, 0);
        rewards(monitor, 200, -1);

        assertThat(requests).hasSize(2);
    }

    @Test
    void aPageHinkleyEventNamesTheReward() {
        DriftMonitor monitor = builder().pageHinkley(PageHinkleyTest.UNIT_REWARD).build();

        rewards(monitor, 1_000, 0.2);
        assertThat(monitor.events()).isEmpty();
        rewards(monitor, 200, -0.8);

        assertThat(monitor.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(DriftEvent.Kind.PAGE_HINKLEY);
            assertThat(e.feature()).isEqualTo(DriftEvent.REWARD);
            assertThat(e.statistic()).isGreaterThan(e.threshold());
            assertThat(e.threshold()).isEqualTo(25);
            assertThat(e.sampleSize()).isBetween(1_001L, 1_200L);
        });
    }

    @Test
    void eventsAreJournalledAsAlerts(@TempDir Path dir) {
        try (Journal journal = Journal.jsonLines(dir).open()) {
            DriftMonitor monitor = builder().journal(journal).build();
            feed(monitor, 1_000, 0, 2);
        }

        List<JournalEvent> written;
        try (Stream<JournalEvent> events = JournalReader.read(dir)) {
            written = events.toList();
        }
        assertThat(written).hasSize(2).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventType.DRIFT);
            assertThat(e.source()).isEqualTo(DriftMonitor.JOURNAL_SOURCE);
            assertThat(e.time()).isEqualTo(START);
            assertThat(e.data().has("alert")).isFalse();
            assertThat(e.data().get("instrument").asText()).isEqualTo("ES");
            assertThat(e.data().get("feature").asText()).isEqualTo("atr");
            assertThat(e.data().get("sampleSize").asLong()).isEqualTo(500); // found at the first check
            assertThat(e.data().get("detail").asText()).contains("atr");
        });
        assertThat(written).extracting(e -> e.data().get("kind").asText()).containsExactlyInAnyOrder("psi", "ks");
        JournalEvent psi = written.stream().filter(e -> e.data().get("kind").asText().equals("psi")).findFirst()
                .orElseThrow();
        assertThat(psi.data().get("statistic").asDouble()).isGreaterThan(psi.data().get("threshold").asDouble());
        assertThat(psi.data().get("threshold").asDouble()).isEqualTo(0.25);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        List<DriftEvent> heard = new ArrayList<>();
        DriftMonitor monitor = builder()
                .listener(e -> {
                    throw new IllegalStateException("dashboard is down");
                })
                .listener(heard::add)
                .build();

        feed(monitor, 1_000, 0, 2);

        assertThat(heard).hasSize(2).isEqualTo(monitor.events());
    }

    @Test
    void eventsCanBePolledFromAnotherThreadWhileTheSessionObserves() throws Exception {
        List<DriftEvent> heard = new CopyOnWriteArrayList<>();
        DriftMonitor monitor = builder().checkEvery(50).listener(heard::add).build();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            AtomicBoolean done = new AtomicBoolean();
            Future<?> session = threads.submit(() -> {
                feed(monitor, 3_000, 0, 1);
                feed(monitor, 3_000, 0, 2);
                done.set(true);
            });
            Future<Integer> reader = threads.submit(() -> {
                int polls = 0;
                int seen = 0;
                while (!done.get()) {
                    List<DriftEvent> snapshot = monitor.events();
                    assertThat(snapshot.size()).isGreaterThanOrEqualTo(seen); // only ever grows
                    seen = snapshot.size();
                    monitor.lastChecks().forEach(c -> assertThat(c.sampleSize()).isBetween(200, 1_000));
                    polls++;
                }
                return polls;
            });
            session.get(60, TimeUnit.SECONDS);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
        } finally {
            threads.shutdownNow();
        }
        assertThat(monitor.rowsObserved()).isEqualTo(6_000);
        assertThat(monitor.events()).isEqualTo(heard).extracting(DriftEvent::feature).containsOnly("atr").isNotEmpty();
    }

    @Test
    void badInputsAreRefusedWithTheFix() {
        DriftMonitor monitor = builder().build();
        assertThatThrownBy(() -> monitor.observe(new float[] {1}))
                .hasMessage("drift monitor ES: live row has 1 values, expected 2 (one per reference feature: [atr, volume])");
        assertThatThrownBy(() -> monitor.observeReward(Double.POSITIVE_INFINITY))
                .hasMessage("drift monitor ES: reward must be a finite number, got Infinity");
        assertThatThrownBy(() -> builder().minSampleSize(2_000).build())
                .hasMessage("drift minSampleSize 2000 is larger than windowSize 1000, so no feature would ever be tested; "
                        + "lower minSampleSize or raise windowSize");
        assertThatThrownBy(() -> builder().ksPValueThreshold(1))
                .hasMessage("drift ksPValueThreshold must be in (0, 1), got 1.0; 0.01 is the default");
        assertThatThrownBy(() -> builder().psiThreshold(0))
                .hasMessage("drift psiThreshold must be a finite number > 0, got 0.0; 0.25 (significant) and 0.1 "
                        + "(moderate) are conventional");
        assertThatThrownBy(() -> builder().retrainCooldown(Duration.ofSeconds(-1)))
                .hasMessage("drift retrainCooldown must not be negative, got PT-1S; use Duration.ZERO to request on "
                        + "every drift");
        assertThatThrownBy(() -> DriftMonitor.builder(" ", reference()))
                .hasMessage("drift monitor instrument must not be blank; give the symbol, e.g. ES");
    }

    void rewards(DriftMonitor monitor, int n, double mean) {
        for (int i = 0; i < n; i++) {
            monitor.observeReward(mean + random.nextGaussian());
        }
    }
}
