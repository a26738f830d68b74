package io.github.rltrading.env.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.env.features.FeatureMatrix;
import io.github.rltrading.env.sim.ExecutionModel;
import io.github.rltrading.env.sim.ReplayFeed;
import io.github.rltrading.env.sim.SimBroker;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * A policy that trades through a session behind {@link EnvObservationPolicy} sees, bar for bar, the
 * same observation the trading environment shows it: same window, same position, same open P&L,
 * same time in position, same recent targets and returns.
 */
class EnvObservationParityTest {

    static final int WINDOW = 5;

    /** Two features any bar has: its return and its range, both relative to the close. */
    static void row(BarSeries s, int i, float[] out, int offset) {
        out[offset] = i == 0 ? 0f : (float) (s.close(i) / s.close(i - 1) - 1);
        out[offset + 1] = (float) ((s.high(i) - s.low(i)) / s.close(i));
    }

    static final FeatureSet TWO = new FeatureSet() {
        public List<String> names() {
            return List.of("ret", "range");
        }

        public int warmUpBars() {
            return 0;
        }

        public void compute(BarSeries s, int i, float[] out, int offset) {
            row(s, i, out, offset);
        }
    };

    static BarSeries walk(int n) {
        SplittableRandom r = new SplittableRandom(17);
        BarSeries s = new BarSeries(ContractSpecs.ES.symbol(), Timeframe.M1, n);
        double c = 3000;
        for (int i = 0; i < n; i++) {
            double o = c;
            c = Math.round((o + r.nextInt(-6, 7) * 0.25) * 4) / 4.0;
            s.append(1_600_000_000_000L + i * 60_000L, o, Math.max(o, c) + 0.5, Math.min(o, c) - 0.5, c, 1000);
        }
        return s;
    }

    /** A deterministic "agent": a target from the whole observation, so every part of it matters. */
    static final ToDoubleFunction<float[]> AGENT = obs -> {
        double z = 0;
        for (int i = 0; i < obs.length; i++) {
            z += obs[i] * ((i % 3) - 1) * 40;
        }
        return Math.tanh(z);
    };

    @Test
    void theSessionRebuildsTheEnvironmentsObservationExactly() {
        BarSeries bars = walk(400);
        float[] data = new float[bars.size() * 2];
        for (int i = 0; i < bars.size(); i++) {
            row(bars, i, data, 2 * i);
        }
        FeatureMatrix matrix = FeatureMatrix.of("two", "h", List.of("ret", "range"), data, bars.size());

        // The environment, stepped with the agent's own targets.
        Map<Long, float[]> envObservations = new LinkedHashMap<>();
        TradingEnv env = TradingEnv.builder(matrix, bars, ContractSpecs.ES).window(WINDOW).randomStart(false)
                .maxContracts(3).build();
        float[] obs = env.reset(1);
        while (true) {
            envObservations.put(bars.endMillis(env.barIndex()), obs.clone());
            TradingEnv.StepResult r = env.act(AGENT.applyAsDouble(obs));
            if (r.terminated() || r.truncated()) {
                break;
            }
            obs = new float[env.observationSize()];
            env.observe(obs, 0);
        }

        // The session, with the same agent behind EnvObservationPolicy.
        Map<Long, float[]> sessionObservations = new LinkedHashMap<>();
        Policy agent = o -> {
            sessionObservations.put(o.time().toEpochMilli(), o.features().clone());
            double t = AGENT.applyAsDouble(o.features());
            return new Decision(Action.continuous((float) t), t, 1.0, "", "agent");
        };
        try (TradingSession s = TradingSession.builder().instrument(ContractSpecs.ES).feed(ReplayFeed.of(bars, ContractSpecs.ES))
                .features(TWO).policy(new EnvObservationPolicy(agent, WINDOW, 2, 3, ContractSpecs.ES.tickSize()))
                .broker(new SimBroker(ExecutionModel.DEFAULT)).maxPosition(3).build()) {
            s.run();
        }

        int compared = 0;
        for (Map.Entry<Long, float[]> e : envObservations.entrySet()) {
            float[] fromSession = sessionObservations.get(e.getKey());
            assertThat(fromSession).as("a session decision at %s", e.getKey()).isNotNull();
            assertThat(fromSession).as("observation at %s: env %s, session %s", e.getKey(), Arrays.toString(e.getValue()),
                    Arrays.toString(fromSession)).containsExactly(e.getValue());
            compared++;
        }
        assertThat(compared).isGreaterThan(300);
        // The agent did trade: positions and open P&L were part of what was compared.
        assertThat(envObservations.values().stream().filter(o -> o[WINDOW * 2] != 0).count()).isGreaterThan(100);
    }
}
