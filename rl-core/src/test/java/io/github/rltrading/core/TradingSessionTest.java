package io.github.rltrading.core;

import static io.github.rltrading.core.SessionFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.core.SessionFixtures.IndexFeature;
import io.github.rltrading.core.SessionFixtures.ListFeed;
import io.github.rltrading.core.SessionFixtures.NextOpenBroker;
import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.journal.EventType;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.CommissionModel;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.Alert;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.spi.Reasoner;
import io.github.rltrading.core.spi.RiskGate;
import io.github.rltrading.core.trading.ClosedTrade;
import io.github.rltrading.core.trading.Side;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TradingSessionTest {

    private static final Instrument ES = ContractSpecs.ES.withCommission(CommissionModel.perUnit(2.0));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    /** Captures journal events in memory. */
    static final class RecordingJournal implements Journal {
        record Entry(EventType type, ObjectNode data) {}

        final List<Entry> entries = new ArrayList<>();

        @Override
        public synchronized long append(EventType type, String source, Instant time, ObjectNode data) {
            entries.add(new Entry(type, data));
            return entries.size();
        }

        List<ObjectNode> of(EventType type) {
            return entries.stream().filter(e -> e.type() == type).map(Entry::data).toList();
        }

        @Override
        public void close() {}
    }

    private final RecordingJournal journal = new RecordingJournal();
    private final NextOpenBroker broker = new NextOpenBroker();
    private final List<Alert> alerts = new ArrayList<>();

    private TradingSession.Builder session(List<Bar> bars, Policy policy) {
        return TradingSession.builder()
                .instrument(ES)
                .feed(new ListFeed(ES, bars))
                .features(new IndexFeature())
                .policy(policy)
                .broker(broker)
                .startingCash(100_000)
                .maxPosition(2)
                .journal(journal)
                .clock(CLOCK)
                .alerts(alerts::add);
    }

    @Test
    void aDecisionOnABarsCloseFillsAtTheNextBarsOpenNeverTheSameBar() {
        List<Bar> bars = SessionFixtures.risingBars("ES", 5);
        // Go fully long (2 contracts) on bar 1's close, flat on bar 3's close.
        Policy policy = SessionFixtures.scripted(i -> i >= 1 && i < 3 ? 1.0 : 0.0, 0.9);

        SessionResult result;
        try (TradingSession s = session(bars, policy).build()) {
            result = s.run();
        }

        List<ObjectNode> fills = journal.of(EventType.FILL);
        assertThat(fills).hasSize(2);
        assertThat(fills.get(0).get("price").asDouble()).isEqualTo(bars.get(2).open());   // 102, not bar 1's close
        assertThat(fills.get(0).get("side").asText()).isEqualTo("BUY");
        assertThat(fills.get(0).get("quantity").asDouble()).isEqualTo(2.0);
        assertThat(fills.get(1).get("price").asDouble()).isEqualTo(bars.get(4).open());   // 104
        // 2 contracts × (104 − 102) points × $50 − 4 fills × $2 commission.
        assertThat(result.finalEquity()).isEqualTo(100_000 + 2 * 2 * 50 - 4 * 2.0);
        assertThat(result.trades()).singleElement().satisfies(t -> {
            assertThat(t.side()).isEqualTo(Side.BUY);
            assertThat(t.netPnl()).isEqualTo(200.0 - 8.0);
        });
        assertThat(result.positions()).containsExactly(0, 0, 2, 2, 0);

        var metrics = result.metrics(252);
        assertThat(metrics.numberOfTrades()).isEqualTo(1);
        assertThat(metrics.winRate()).isEqualTo(1.0);
        assertThat(metrics.exposure()).isEqualTo(0.4); // 2 of 5 bars held a position
        assertThat(metrics.totalReturn()).isCloseTo(result.finalEquity() / 100_000 - 1, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void theJournalExplainsEveryDecisionInOrder() {
        List<Bar> bars = SessionFixtures.risingBars("ES", 3);
        try (TradingSession s = session(bars, SessionFixtures.scripted(i -> i == 0 ? 0.5 : 0.0, 0.9)).build()) {
            s.run();
        }
        List<EventType> types = journal.entries.stream().map(RecordingJournal.Entry::type).toList();
        assertThat(types).containsExactly(
                EventType.SESSION_START,
                EventType.BAR, EventType.DECISION, EventType.ORDER,                              // bar 0: buy 1 (no gates, no verdicts)
                EventType.BAR, EventType.FILL, EventType.ORDER, EventType.DECISION, EventType.ORDER, // bar 1: filled, sell 1
                EventType.BAR, EventType.FILL, EventType.ORDER, EventType.DECISION,             // bar 2: filled, flat
                EventType.SESSION_END);
        ObjectNode decision = journal.of(EventType.DECISION).get(0);
        assertThat(decision.get("decision").get("rationale").asText()).isEqualTo("scripted");
        assertThat(decision.get("decision").get("source").asText()).isEqualTo("test-policy");
        assertThat(decision.get("route").asText()).isEqualTo("FAST_PATH");
    }

    @Test
    void riskGatesReduceAndTheSmallestReductionWins() {
        RiskGate maxOne = gate("max-one", (p, c) -> Math.abs(p.targetQuantity()) > 1
                ? RiskVerdict.reduce("max-one", Math.copySign(1, p.targetQuantity()), "max 1", Map.of("limit", 1.0))
                : RiskVerdict.approve("max-one"));
        RiskGate approveAll = gate("approve", (p, c) -> RiskVerdict.approve("approve"));
        List<Bar> bars = SessionFixtures.risingBars("ES", 3);
        try (TradingSession s = session(bars, SessionFixtures.scripted(i -> 1.0, 0.9))
                .riskGates(List.of(approveAll, maxOne)).build()) {
            s.run();
        }
        assertThat(broker.submitted).singleElement().satisfies(o -> assertThat(o.quantity()).isEqualTo(1.0));
        // The policy keeps asking for 2 contracts, so every bar is judged again and reduced to the 1 held.
        assertThat(journal.of(EventType.RISK_VERDICT)).extracting(n -> n.get("outcome").asText())
                .containsExactly("APPROVE", "REDUCE", "APPROVE", "REDUCE", "APPROVE", "REDUCE");
    }

    @Test
    void aFractionalReductionIsRoundedTowardTheCurrentPositionNeverBeyondIt() {
        RiskGate cap = gate("cap", (p, c) -> RiskVerdict.reduce("cap", 1.6, "allow 1.6", Map.of()));
        try (TradingSession s = session(SessionFixtures.risingBars("ES", 2), SessionFixtures.scripted(i -> 1.0, 0.9))
                .riskGates(List.of(cap)).build()) {
            s.run();
        }
        assertThat(broker.submitted).extracting(o -> o.quantity()).first().isEqualTo(1.0);
    }

    @Test
    void aFailingFeatureSetKeepsThePositionAndTheSessionGoesOn() {
        io.github.rltrading.core.spi.FeatureSet broken = new IndexFeature() {
            @Override
            public void compute(io.github.rltrading.core.market.BarSeries series, int index, float[] out, int offset) {
                if (index == 1) {
                    throw new ArrayIndexOutOfBoundsException("window too short");
                }
                super.compute(series, index, out, offset);
            }
        };
        SessionResult result;
        try (TradingSession s = session(SessionFixtures.risingBars("ES", 3), SessionFixtures.scripted(i -> 0.5, 0.9))
                .features(broken).build()) {
            result = s.run();
        }
        assertThat(result.errors()).isEqualTo(1);
        assertThat(journal.of(EventType.ERROR).get(0).get("message").asText()).isEqualTo("features failed; keeping the position");
        assertThat(result.positions()).containsExactly(0, 1, 1);
    }

    @Test
    void aRejectStopsTheChainAndAThrowingGateFailsClosed() {
        RiskGate boom = gate("boom", (p, c) -> {
            throw new IllegalStateException("state store offline");
        });
        RiskGate neverAsked = gate("never", (p, c) -> {
            throw new AssertionError("a gate after a reject must not be asked");
        });
        List<Bar> bars = SessionFixtures.risingBars("ES", 2);
        try (TradingSession s = session(bars, SessionFixtures.scripted(i -> 1.0, 0.9))
                .riskGates(List.of(boom, neverAsked)).build()) {
            s.run();
        }
        assertThat(broker.submitted).isEmpty();
        ObjectNode verdict = journal.of(EventType.RISK_VERDICT).get(0);
        assertThat(verdict.get("outcome").asText()).isEqualTo("REJECT");
        assertThat(verdict.get("reason").asText())
                .isEqualTo("gate threw IllegalStateException: state store offline (fail closed)");
        assertThat(alerts).extracting(Alert::message).first().asString().contains("risk gate boom rejected a trade");
    }

    @Test
    void belowTheConfidenceFloorNoRiskIsAdded() {
        List<Bar> bars = SessionFixtures.risingBars("ES", 3);
        try (TradingSession s = session(bars, SessionFixtures.scripted(i -> 1.0, 0.1))
                .decisionGate(DecisionGate.builder().fastPath(0.8).floor(0.3).build()).build()) {
            s.run();
        }
        assertThat(broker.submitted).isEmpty();
        assertThat(journal.of(EventType.DECISION)).allSatisfy(d -> {
            assertThat(d.get("route").asText()).isEqualTo("BELOW_FLOOR");
            assertThat(d.get("gatedTarget").asDouble()).isZero();
        });
    }

    @Test
    void aReasonerInTheMiddleBandCanHalveTheSize() {
        Reasoner halve = request -> Assessment.modify(0.7, 0.5, "volatile open", "test-reasoner");
        List<Bar> bars = SessionFixtures.risingBars("ES", 2);
        // Combined confidence 0.5 x 0.7 + 0.5 x 0.7 = 0.7 reaches the default minimum.
        try (TradingSession s = session(bars, SessionFixtures.scripted(i -> 1.0, 0.7))
                .decisionGate(DecisionGate.builder().fastPath(0.8).floor(0.3).build())
                .reasoner(halve).build()) {
            s.run();
        }
        assertThat(broker.submitted.get(0).quantity()).isEqualTo(1.0); // 2 contracts wanted, halved
        assertThat(journal.of(EventType.ASSESSMENT).get(0).get("verdict").asText()).isEqualTo("MODIFY");
    }

    @Test
    void aReasonerSeesTheBarsSoFarIsAskedOnlyAboutChangesAndReflectsOnClosedTrades() {
        List<io.github.rltrading.core.market.BarSeries> seen = new ArrayList<>();
        List<Map<String, Double>> indicators = new ArrayList<>();
        Reasoner reflective = new Reasoner() {
            @Override
            public Assessment assess(io.github.rltrading.core.decision.ReasoningRequest request) {
                seen.add(request.history());
                indicators.add(request.indicators());
                return Assessment.approve(0.8, "fine", "reflective");
            }

            @Override
            public io.github.rltrading.core.decision.Reflection reflect(ClosedTrade trade) {
                return new io.github.rltrading.core.decision.Reflection("t1", "exit on signal", List.of(), "calm",
                        List.of("keep size"), "", "reflective");
            }
        };
        List<Bar> bars = SessionFixtures.risingBars("ES", 4);
        try (TradingSession s = session(bars, SessionFixtures.scripted(i -> i < 2 ? 1.0 : 0.0, 0.7))
                .decisionGate(DecisionGate.builder().fastPath(0.8).floor(0.3).build())
                .reasoner(reflective).build()) {
            s.run();
            assertThat(seen).isNotEmpty().allSatisfy(h -> assertThat(h).isNotSameAs(s.history()));
        }
        assertThat(seen.get(0).size()).isEqualTo(1);
        // The reasoner sees the policy's inputs by feature name (here the bar index), and is asked only
        // when the policy wants a change: the entry on bar 0 and the exit on bar 2.
        assertThat(indicators).extracting(m -> m.get("index")).containsExactly(0.0, 2.0);
        assertThat(seen.get(1).size()).as("every bar up to the decision").isEqualTo(3);
        assertThat(indicators).allSatisfy(m -> assertThat(m).containsOnlyKeys("index"));
        assertThat(journal.of(EventType.REFLECTION)).singleElement()
                .satisfies(r -> assertThat(r.get("lessons").get(0).asText()).isEqualTo("keep size"));
    }

    @Test
    void whenPolicyAndReasonerAreBothUnsureNothingNewIsOpened() {
        Reasoner lukewarm = request -> Assessment.approve(0.6, "maybe", "lukewarm");
        List<Bar> bars = SessionFixtures.risingBars("ES", 3);
        try (TradingSession s = session(bars, SessionFixtures.scripted(i -> 1.0, 0.65))
                .decisionGate(DecisionGate.builder().fastPath(0.9).floor(0.6).minCombined(0.7).build())
                .reasoner(lukewarm).build()) {
            s.run();
        }
        assertThat(broker.submitted).isEmpty();
        assertThat(journal.of(EventType.DECISION).get(0).get("gateNote").asText())
                .isEqualTo("scripted; reasoner approve, combined confidence 0.63 below 0.7: no new risk: maybe");
    }

    @Test
    void afterRepeatedReasonerFailuresItIsSkippedForTheCoolOff() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        Reasoner broken = request -> {
            calls.incrementAndGet();
            throw new IllegalStateException("HTTP 500");
        };
        List<Bar> bars = SessionFixtures.risingBars("ES", 6);
        try (TradingSession s = session(bars, SessionFixtures.scripted(i -> i % 2 == 0 ? 1.0 : 0.0, 0.7))
                .decisionGate(DecisionGate.builder().fastPath(0.9).floor(0.3).maxFailures(2)
                        .coolOff(Duration.ofHours(1)).build())
                .reasoner(broken).build()) {
            s.run();
        }
        assertThat(calls.get()).as("asked twice, then skipped").isEqualTo(2);
        assertThat(journal.of(EventType.ERROR)).extracting(e -> e.get("message").asText())
                .anySatisfy(m -> assertThat(m).startsWith("reasoner failed 2 times in a row; skipped until"));
        assertThat(broker.submitted).as("the policy alone kept trading").hasSizeGreaterThan(2);
    }

    @Test
    void aFullReflectionQueueDropsTheOldestAndNeverBlocksTrading() {
        CountDownLatch never = new CountDownLatch(1);
        Reasoner slowReflections = new Reasoner() {
            @Override
            public Assessment assess(io.github.rltrading.core.decision.ReasoningRequest request) {
                return Assessment.approve(1.0, "ok", "slow");
            }

            @Override
            public io.github.rltrading.core.decision.Reflection reflect(ClosedTrade trade) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }
        };
        int bars = 2 * (TradingSession.MAX_PENDING_REFLECTIONS + 5) + 2;
        SessionResult result;
        try (TradingSession s = session(SessionFixtures.risingBars("ES", bars), SessionFixtures.scripted(i -> i % 2 == 0 ? 1.0 : 0.0, 0.7))
                .decisionGate(DecisionGate.builder().fastPath(0.9).floor(0.3).deadline(Duration.ofMillis(20)).build())
                .reasoner(slowReflections).build()) {
            result = s.run();
        }
        assertThat(result.trades().size()).isGreaterThan(TradingSession.MAX_PENDING_REFLECTIONS);
        assertThat(journal.of(EventType.ERROR)).extracting(e -> e.get("message").asText())
                .anySatisfy(m -> assertThat(m).startsWith("reflection queue full (32 pending): dropped the oldest; "));
    }

    @Test
    void aLateReasonerNeverBlocksTradingBeyondItsDeadline() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Reasoner stuck = request -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Assessment.reject(1.0, "too late to matter", "stuck");
        };
        List<Bar> bars = SessionFixtures.risingBars("ES", 2);
        try (TradingSession s = session(bars, SessionFixtures.scripted(i -> 1.0, 0.5))
                .decisionGate(DecisionGate.builder().fastPath(0.8).floor(0.3).deadline(Duration.ofMillis(50)).build())
                .reasoner(stuck).build()) {
            s.run();
        } finally {
            release.countDown();
        }
        assertThat(broker.submitted.get(0).quantity()).isEqualTo(2.0); // policy alone
        assertThat(journal.of(EventType.ERROR)).extracting(e -> e.get("message").asText())
                .contains("reasoner missed its 50 ms deadline; acting on the policy alone");
        assertThat(journal.of(EventType.ASSESSMENT)).isEmpty();
    }

    @Test
    void aFailingPolicyKeepsThePositionAndTheSessionGoesOn() {
        List<Bar> bars = SessionFixtures.risingBars("ES", 4);
        Policy flaky = o -> {
            if ((int) o.features()[0] == 1) {
                throw new IllegalStateException("model file corrupt");
            }
            return io.github.rltrading.core.decision.Decision.target(0.5, 0.9, "ok", "flaky");
        };
        SessionResult result;
        try (TradingSession s = session(bars, flaky).build()) {
            result = s.run();
        }
        assertThat(result.errors()).isEqualTo(1);
        assertThat(journal.of(EventType.ERROR).get(0).get("message").asText())
                .isEqualTo("policy failed; keeping the position");
        assertThat(journal.of(EventType.ERROR).get(0).get("detail").asText()).isEqualTo("model file corrupt");
        assertThat(result.positions()).containsExactly(0, 1, 1, 1);
    }

    @Test
    void aRejectedOrderIsJournalledAndAlerted() {
        broker.rejectAll = true;
        try (TradingSession s = session(SessionFixtures.risingBars("ES", 2), SessionFixtures.scripted(i -> 1.0, 0.9))
                .build()) {
            s.run();
        }
        assertThat(journal.of(EventType.ORDER)).extracting(o -> o.get("state").asText()).containsOnly("REJECTED");
        assertThat(alerts).extracting(Alert::message)
                .contains("order s1-1 rejected: test broker rejects everything");
    }

    @Test
    void anOutOfOrderBarIsSkippedWithAClearError() {
        List<Bar> bars = new ArrayList<>(SessionFixtures.risingBars("ES", 3));
        bars.add(1, bars.get(2)); // bar 2 arrives early, then again
        SessionResult result;
        try (TradingSession s = session(bars, SessionFixtures.scripted(i -> 0.0, 0.9)).build()) {
            result = s.run();
        }
        assertThat(result.timesMillis()).hasSize(2);
        assertThat(journal.of(EventType.ERROR).get(0).get("detail").asText())
                .contains("is not after the previous bar ending");
    }

    @Test
    void theSameInputsGiveTheSameResultBitForBit() {
        List<Bar> bars = SessionFixtures.risingBars("ES", 50);
        Policy wave = SessionFixtures.scripted(i -> Math.sin(i / 3.0), 0.9);
        SessionResult first;
        try (TradingSession s = session(bars, wave).build()) {
            first = s.run();
        }
        NextOpenBroker secondBroker = new NextOpenBroker();
        SessionResult second;
        try (TradingSession s = session(bars, wave).broker(secondBroker).journal(new RecordingJournal()).build()) {
            second = s.run();
        }
        assertThat(second.equity()).containsExactly(first.equity());
        assertThat(second.positions()).containsExactly(first.positions());
        assertThat(second.trades()).isEqualTo(first.trades());
        assertThat(first.trades()).extracting(ClosedTrade::symbol).containsOnly("ES");
    }

    @Test
    void aBarOfAnotherTimeframeOrSymbolIsRefused() {
        try (TradingSession s = session(List.of(), SessionFixtures.scripted(i -> 0.0, 0.9)).build()) {
            s.start();
            s.onBar(new Bar("NQ", Timeframe.M1, T0, 1, 1, 1, 1, 1));
            assertThat(s.history().size()).isZero();
            assertThat(journal.of(EventType.ERROR).get(0).get("detail").asText())
                    .isEqualTo("bar series ES 1m cannot take a bar of NQ 1m");
        }
    }

    private static RiskGate gate(String name, java.util.function.BiFunction<io.github.rltrading.core.decision.TradeProposal,
            io.github.rltrading.core.decision.RiskContext, RiskVerdict> f) {
        return new RiskGate() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RiskVerdict evaluate(io.github.rltrading.core.decision.TradeProposal p,
                                        io.github.rltrading.core.decision.RiskContext c) {
                return f.apply(p, c);
            }
        };
    }
}
