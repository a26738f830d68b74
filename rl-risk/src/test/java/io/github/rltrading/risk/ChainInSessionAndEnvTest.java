package io.github.rltrading.risk;

import static io.github.rltrading.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.OrderPlanner;
import io.github.rltrading.core.RiskChain;
import io.github.rltrading.core.SessionResult;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.config.ConfigException;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.journal.EventType;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.journal.JournalEvent;
import io.github.rltrading.core.journal.JournalReader;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.env.features.FeatureMatrix;
import io.github.rltrading.env.sim.ExecutionModel;
import io.github.rltrading.env.sim.ReplayFeed;
import io.github.rltrading.env.sim.SimBroker;
import io.github.rltrading.env.trading.TradingEnv;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same gates in a live-style session (replay + simulated broker) and in the training environment. */
class ChainInSessionAndEnvTest {

    @TempDir
    Path dir;

    static BarSeries walk(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] closes = new double[n];
        closes[0] = 3000;
        for (int i = 1; i < n; i++) {
            closes[i] = Math.round((closes[i - 1] + r.nextInt(-8, 9) * 0.25) * 4) / 4.0;
        }
        return bars(closes);
    }

    /** One feature, the close; no warm-up, so the policy decides from the first bar. */
    static final FeatureSet CLOSE = new FeatureSet() {
        public List<String> names() {
            return List.of("close");
        }

        public int warmUpBars() {
            return 0;
        }

        public void compute(BarSeries s, int i, float[] out, int offset) {
            out[offset] = (float) s.close(i);
        }
    };

    @Test
    void aSessionTradesWithinTheLimitsWithTheChainsBracketsAndObeysTheKillSwitch() {
        BarSeries bars = walk(400, 7);
        KillSwitch kill = KillSwitch.open(dir.resolve("kill.json"), Clock.fixed(T0, ZoneOffset.UTC));
        List<OrderRequest> sent = new ArrayList<>();
        OrderPlanner market = OrderPlanner.market();
        AtomicInteger bar = new AtomicInteger();
        SplittableRandom random = new SplittableRandom(3);
        SessionResult result;
        try (TradingSession session = TradingSession.builder().instrument(ES).feed(ReplayFeed.of(bars, ES)).features(CLOSE)
                .policy(o -> {
                    if (bar.incrementAndGet() == 300) {
                        kill.engage("test", "bar 300");
                    }
                    return Decision.target(random.nextInt(-3, 4) / 3.0, 0.9, "random", "test");
                })
                .riskGates(List.of(new MaxPositionGate(config("limit", 1)), new StopTargetGate(config("stop-ticks", 8)),
                        new KillSwitchGate(kill, true)))
                .orderPlanner(request -> {
                    List<OrderRequest> orders = market.plan(request);
                    sent.addAll(orders);
                    return orders;
                })
                .broker(new SimBroker(ExecutionModel.DEFAULT)).startingCash(100_000).maxPosition(3).build()) {
            result = session.run();
        }
        double[] positions = result.positions();
        for (double p : positions) {
            assertThat(Math.abs(p)).isLessThanOrEqualTo(1);
        }
        assertThat(sent).as("entries carry the chain's stop, 8 ticks from the decision price")
                .anySatisfy(o -> assertThat(o.bracket().hasStopLoss()).isTrue());
        for (OrderRequest o : sent) {
            if (o.bracket().hasStopLoss()) {
                assertThat(o.bracket().stopLossPrice()).isNotNaN();
            }
        }
        // From two bars after the switch was engaged (decided on one bar, filled at the next open), flat.
        for (int i = 302; i < positions.length; i++) {
            assertThat(positions[i]).as("bar %d", i).isZero();
        }
    }

    @Test
    void limitChangesWhileRunningAreJournaledAppliedOrRefused() {
        Path journalDir = dir.resolve("journal");
        MaxPositionGate max = new MaxPositionGate(config("limit", 1));
        java.util.concurrent.atomic.AtomicReference<TradingSession> self = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicInteger bar = new AtomicInteger();
        List<Throwable> refusals = new ArrayList<>();
        try (Journal journal = Journal.jsonLines(journalDir).open();
             TradingSession session = TradingSession.builder().instrument(ES).feed(ReplayFeed.of(walk(50, 1), ES))
                     .features(CLOSE).policy(o -> {
                         if (bar.incrementAndGet() == 10) { // on the loop thread, while the session runs
                             self.get().updateRiskLimits("max-position", config("limit", 2));
                             try {
                                 self.get().updateRiskLimits("max-position", config("limit", "two"));
                             } catch (ConfigException e) {
                                 refusals.add(e);
                             }
                         }
                         return Decision.target(1, 0.9, "long", "test");
                     })
                     .riskGates(List.of(max)).broker(new SimBroker(ExecutionModel.DEFAULT)).maxPosition(3)
                     .journal(journal).build()) {
            self.set(session);
            assertThatThrownBy(() -> session.updateRiskLimits("no-such-gate", config("limit", 2)))
                    .hasMessage("no risk gate \"no-such-gate\" in this chain; it has [max-position]");
            SessionResult r = session.run();
            assertThat(r.positions()[8]).as("before the change").isEqualTo(1);
            assertThat(r.positions()[r.positions().length - 1]).as("the raised limit is in force").isEqualTo(2);
        }
        assertThat(refusals).hasSize(1);
        List<JournalEvent> changes;
        try (var events = JournalReader.read(journalDir)) {
            changes = events.filter(e -> e.type() == EventType.RISK_LIMITS).toList();
        }
        assertThat(changes).hasSize(3);
        assertThat(changes.get(0).data().get("gate").asText()).isEqualTo("no-such-gate");
        assertThat(changes.get(0).data().get("applied").asBoolean()).isFalse();
        assertThat(changes.get(1).data().get("applied").asBoolean()).isTrue();
        assertThat(changes.get(1).data().get("limits").get("limit").asDouble()).isEqualTo(2);
        assertThat(changes.get(2).data().get("applied").asBoolean()).isFalse();
        assertThat(changes.get(2).data().get("reason").asText())
                .isEqualTo("invalid configuration risk gate max-position: limit = \"two\": must be a number");
        assertThat(max.limits()).containsEntry("limit", 2.0);
    }

    @Test
    void theShieldedEnvironmentClipsActionsWithTheSameGates() {
        BarSeries bars = walk(600, 11);
        float[] index = new float[bars.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        KillSwitch kill = KillSwitch.open(dir.resolve("env-kill.json"), Clock.fixed(T0, ZoneOffset.UTC));
        RiskChain chain = RiskChain.of(List.of(new MaxPositionGate(config("limit", 2)),
                new StopTargetGate(config("stop-ticks", 12)), new KillSwitchGate(kill, true)));
        TradingEnv env = TradingEnv.builder(FeatureMatrix.of("index", "h", List.of("i"), index, index.length), bars, ES)
                .window(2).randomStart(false).maxContracts(5).riskChain(chain).build();
        env.reset(1);
        SplittableRandom random = new SplittableRandom(5);
        int steps = 0;
        while (!env.isDone() && steps < 500) {
            if (steps == 400) {
                kill.engage("test", "step 400");
            }
            float a = steps >= 400 ? 1f : (float) random.nextDouble(-1, 1);
            env.step(Action.continuous(a));
            assertThat(Math.abs(env.position())).as("step %d", steps).isLessThanOrEqualTo(2);
            if (steps >= 401) {
                assertThat(env.position()).as("step %d: the kill switch flattened and keeps it flat", steps).isZero();
            }
            steps++;
        }
        assertThat(steps).isEqualTo(500);
        assertThat(env.riskInterventions()).isPositive();
        assertThat(env.bracketExits()).as("the chain's 12-tick stops closed some positions").isPositive();
    }
}
