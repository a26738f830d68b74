package io.github.rltrading.benchmarks;

import io.github.rltrading.core.DecisionGate;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.core.spi.Reasoner;
import io.github.rltrading.env.sim.ExecutionModel;
import io.github.rltrading.env.sim.SimBroker;
import io.github.rltrading.reasoning.CachingReasoner;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the reasoner costs the decision loop:
 *
 * <ol>
 *   <li><b>gate overhead with a cache hit</b>: per-bar time of a session whose every decision goes
 *       to the reasoner (policy confidence in the middle band) answered from a {@link CachingReasoner}
 *       hit, minus the same session with no reasoner (target 20 µs);</li>
 *   <li><b>fallback lateness</b>: with a reasoner that never answers in time, how long after the
 *       deadline each decision is released (target 50 ms).</li>
 * </ol>
 *
 * <pre>
 * bin/mvn -q -pl benchmarks exec:exec -Dbench.main=io.github.rltrading.benchmarks.ReasonerLatencyCheck -Djmh.args=
 * </pre>
 */
public final class ReasonerLatencyCheck {

    private ReasonerLatencyCheck() {}

    /** Two constant features: every state is "similar", so after the first call the cache always hits. */
    static final FeatureSet CONSTANT = new FeatureSet() {
        public List<String> names() {
            return List.of("a", "b");
        }

        public int warmUpBars() {
            return 0;
        }

        public void compute(BarSeries s, int i, float[] out, int offset) {
            out[offset] = 1f;
            out[offset + 1] = 2f;
        }
    };

    public static void main(String[] args) {
        BarSeries bars = BenchData.minutes(20_000, 5);
        Reasoner approve = r -> Assessment.approve(0.9, "fine", "bench");
        for (int rep = 1; rep <= 5; rep++) { // the first runs include JIT warm-up: read the last ones
            double without = perBarMicros(bars, null);
            CachingReasoner cached = new CachingReasoner(approve, 2, Duration.ofDays(365), 1000);
            double with = perBarMicros(bars, cached);
            System.out.printf(Locale.ROOT, "run %d: %.2f µs/bar without a reasoner, %.2f µs/bar with a cached reasoner "
                    + "(hit rate %.4f): overhead %.2f µs per decision%n", rep, without, with, cached.hitRate(), with - without);
        }
        Reasoner never = r -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Assessment.approve(1, "late", "never");
        };
        Duration deadline = Duration.ofMillis(200);
        double[] late = new double[30];
        try (TradingSession s = session(never, deadline, 1_000_000)) {
            s.start();
            for (int i = 0; i < late.length; i++) {
                long t0 = System.nanoTime();
                s.onBar(bars.bar(i));
                late[i] = (System.nanoTime() - t0) / 1e6 - deadline.toMillis();
            }
            s.finish();
        }
        double[] sorted = late.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "fallback: %d decisions with a %d ms deadline released %.2f ms (median), %.2f ms "
                + "(max) after it%n", late.length, deadline.toMillis(), sorted[late.length / 2], sorted[late.length - 1]);
    }

    static double perBarMicros(BarSeries bars, Reasoner reasoner) {
        try (TradingSession s = session(reasoner, Duration.ofSeconds(2), 3)) {
            s.start();
            int warm = 5_000;
            for (int i = 0; i < warm; i++) {
                s.onBar(bars.bar(i));
            }
            long t0 = System.nanoTime();
            for (int i = warm; i < bars.size(); i++) {
                s.onBar(bars.bar(i));
            }
            double micros = (System.nanoTime() - t0) / 1e3 / (bars.size() - warm);
            s.finish();
            return micros;
        }
    }

    static TradingSession session(Reasoner reasoner, Duration deadline, int maxFailures) {
        // The synthetic series is labelled SYNTHETIC-ES: an ES contract under that name.
        var instrument = io.github.rltrading.core.market.Instrument.builder("SYNTHETIC-ES",
                io.github.rltrading.core.market.AssetClass.FUTURE).tickSize(0.25).pointValue(50).build();
        TradingSession.Builder b = TradingSession.builder().instrument(instrument).features(CONSTANT)
                // Middle-band confidence: every decision goes to the reasoner. The target alternates between
                // 1 and 2 contracts, so every bar proposes a change but no round trip closes (a closed trade
                // would add a post-trade reflection, which is not the gate's cost).
                .policy(o -> Decision.target(o.position() > 0.75 ? 0.5 : 1.0, 0.75, "bench", "bench"))
                .decisionGate(DecisionGate.builder().fastPath(0.9).floor(0.6).minCombined(0.0).maxFailures(maxFailures).deadline(deadline).build())
                .broker(new SimBroker(ExecutionModel.DEFAULT)).maxPosition(2);
        if (reasoner != null) {
            b.reasoner(reasoner);
        }
        return b.build();
    }

}
