package io.github.rltrading.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.SessionFixturesAccess;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.spi.RiskGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session's state survives a restart of the process: saved while running, restored at start. */
class SessionStateStoreTest {

    /** Counts the bars it saw; remembers the count across restarts through saveState/restoreState. */
    static final class CountingGate implements RiskGate {
        int bars;
        final List<Map<String, Object>> restored = new ArrayList<>();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public RiskVerdict evaluate(TradeProposal proposal, RiskContext context) {
            return RiskVerdict.approve(name());
        }

        @Override
        public RiskVerdict onBar(RiskContext context, double position) {
            bars++;
            return null;
        }

        @Override
        public void reset() {
            bars = 0;
        }

        @Override
        public Map<String, Object> saveState() {
            return Map.of("bars", bars);
        }

        @Override
        public void restoreState(Map<String, Object> state) {
            restored.add(new HashMap<>(state));
            bars = ((Number) state.get("bars")).intValue();
        }
    }

    @Test
    void gatesLastDecisionEquityAndOpenInstructionsComeBackAfterARestart(@TempDir Path dir) {
        Path file = dir.resolve("live/state.json");
        List<Bar> bars = SessionFixturesAccess.risingBars("ES", 12);
        CountingGate gate = new CountingGate();
        SessionStateStore store = SessionStateStore.builder(file).interval(Duration.ZERO).build();
        assertThat(store.load()).isEmpty();
        TradingSession first = SessionFixturesAccess.session(bars, i -> i >= 3 ? 1.0 : 0.0).riskGates(List.of(gate))
                .hook(store).build();
        first.run();
        assertThat(store.restoreReport()).containsExactly("no saved state at " + file + "; starting fresh");
        assertThat(store.saves()).as("saved after every poll (interval 0) and at the end").isGreaterThanOrEqualTo(12);
        assertThat(Files.exists(file)).isTrue();
        assertThat(Files.exists(dir.resolve("live/state.json.tmp"))).as("no temporary file left").isFalse();

        SessionStateStore next = SessionStateStore.builder(file).build();
        SessionStateStore.Snapshot saved = next.load().orElseThrow();
        assertThat(saved.symbol()).isEqualTo("ES");
        assertThat(saved.riskGates()).containsEntry("counting", Map.of("bars", 12));
        assertThat(saved.lastDecision().targetPosition()).isEqualTo(1.0);
        assertThat(saved.lastDecision().source()).isEqualTo("test-policy");
        assertThat(saved.lastDecision().barEnd()).isEqualTo(bars.get(11).end());
        assertThat(saved.position()).isEqualTo(first.portfolio().position("ES").quantity());
        assertThat(saved.equity()).isEqualTo(first.portfolio().equity());

        CountingGate restarted = new CountingGate();
        TradingSession second = SessionFixturesAccess.session(bars.subList(0, 2), i -> 0.0).riskGates(List.of(restarted))
                .startingCash(saved.equity()).hook(next).build();
        second.run();
        assertThat(restarted.restored).as("restored once, after start() reset the gate").containsExactly(Map.of("bars", 12));
        assertThat(restarted.bars).as("counting goes on from 12").isEqualTo(14);
        assertThat(next.restoreReport()).contains("risk gate counting restored: {bars=12}");
    }

    @Test
    void aSnapshotWithOpenInstructionsRoundTripsThroughTheFile(@TempDir Path dir) {
        SessionStateStore store = SessionStateStore.builder(dir.resolve("s.json")).build();
        SessionStateStore.Snapshot s = new SessionStateStore.Snapshot(1, java.time.Instant.parse("2026-11-30T14:31:05Z"), "live",
                "MES", 24_712.5, 1, Map.of("daily-loss", Map.of("day", 20787, "loss", 287.5, "tripped", false)),
                new SessionStateStore.LastDecision(java.time.Instant.parse("2026-11-30T14:31:00Z"), 1, 1, "ema-cross", "up"),
                List.of(new SessionStateStore.Instruction("o-1-sl", "SELL", 1, "STOP", Double.NaN, 6001.25, "SUBMITTED", 0)));
        store.write(s);
        SessionStateStore.Snapshot back = store.load().orElseThrow();
        assertThat(back.openInstructions()).singleElement().satisfies(i -> {
            assertThat(i.limitPrice()).isNaN();
            assertThat(i.stopPrice()).isEqualTo(6001.25);
        });
        assertThat(back.riskGates().get("daily-loss")).containsEntry("loss", 287.5).containsEntry("tripped", false);
        assertThat(back.lastDecision()).isEqualTo(s.lastDecision());
        assertThat(back.savedAt()).isEqualTo(s.savedAt());
    }

    @Test
    void aBrokenStateFileIsRefusedWithTheFileAndTheFix(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{\"version\":1,\"symbol\":");
        assertThatThrownBy(() -> SessionStateStore.builder(file).build().load())
                .hasMessageStartingWith("session state " + file + " is not valid (")
                .hasMessageEndingWith("; fix it, or move it away to start without the saved state");
        Files.writeString(file, "{\"version\":7,\"symbol\":\"ES\"}");
        assertThatThrownBy(() -> SessionStateStore.builder(file).build().load())
                .hasMessage("session state " + file + " has version 7, this SDK reads 1; move it away to start without the saved state");
    }

    @Test
    void aThrowingHookIsReportedAndTheSessionGoesOn() {
        List<Bar> bars = SessionFixturesAccess.risingBars("ES", 4);
        TradingSession s = SessionFixturesAccess.session(bars, i -> 0.0).hook(new io.github.rltrading.core.SessionHook() {
            @Override
            public void afterPoll(TradingSession session) {
                throw new IllegalStateException("boom");
            }
        }).build();
        assertThat(s.run().errors()).as("one error per poll, and the session ran to the end").isGreaterThanOrEqualTo(4);
        assertThat(s.history().size()).isEqualTo(4);
    }
}
