package io.github.rltrading.agents.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.agents.dqn.Dqn;
import io.github.rltrading.agents.dqn.DqnConfig;
import io.github.rltrading.agents.model.Agent;
import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.agents.sac.Sac;
import io.github.rltrading.agents.sac.SacConfig;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.ActionSpace;
import io.github.rltrading.core.spi.Environment;
import io.github.rltrading.env.classic.CartPole;
import io.github.rltrading.env.classic.Pendulum;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Callbacks stop training cleanly, checkpoints load back, and the stock callbacks do what they say. */
class TrainingCallbackTest {

    @TempDir
    Path dir;

    /** Counts the steps and closes of the environments it wraps. */
    static final class Counting implements Environment {
        final Environment inner;
        final AtomicLong steps;
        final AtomicInteger closes;

        Counting(Environment inner, AtomicLong steps, AtomicInteger closes) {
            this.inner = inner;
            this.steps = steps;
            this.closes = closes;
        }

        @Override
        public ActionSpace actionSpace() {
            return inner.actionSpace();
        }

        @Override
        public ActionSpace.Box observationSpace() {
            return inner.observationSpace();
        }

        @Override
        public float[] reset(long seed) {
            return inner.reset(seed);
        }

        @Override
        public Step step(Action action) {
            steps.incrementAndGet();
            return inner.step(action);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            inner.close();
        }
    }

    /** A progress report made up for the callbacks that only read it. */
    record Report(long steps, double stepsPerSecond, double meanEpisodeReturn, int episodes, Map<String, Double> statistics)
            implements TrainingProgress {}

    static Report report(long steps, double meanReturn) {
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("policyLoss", -0.0123);
        stats.put("valueLoss", 12.3456);
        return new Report(steps, 5431.4, meanReturn, 412, stats);
    }

    @Test
    void ppoStopsAfterTheUpdateWhoseCallbackSaysStop() {
        AtomicLong steps = new AtomicLong();
        AtomicInteger closes = new AtomicInteger();
        List<TrainingProgress> seen = new ArrayList<>();
        PpoConfig config = PpoConfig.cartPoleZoo().withSeed(2); // 8 environments × 32 steps per rollout
        try (Ppo ppo = new Ppo(config, 4, new CartPole().actionSpace())) {
            ppo.learn(i -> new Counting(new CartPole(), steps, closes), 100_000, (agent, p) -> {
                seen.add(p);
                assertThat(agent).isSameAs(ppo);
                return false;
            });
        }
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).isInstanceOf(Ppo.Progress.class);
        assertThat(seen.get(0).steps()).isEqualTo(8 * 32);
        assertThat(steps.get()).as("environment steps: one rollout").isEqualTo(8 * 32);
        assertThat(closes.get()).as("every environment closed").isEqualTo(8);
        assertThat(seen.get(0).statistics()).containsOnlyKeys("policyLoss", "valueLoss", "entropy");
    }

    @Test
    void dqnStopsAfterItsFirstTrainingRound() {
        AtomicLong steps = new AtomicLong();
        AtomicInteger closes = new AtomicInteger();
        DqnConfig d = DqnConfig.defaults(); // learning starts after 100 steps, a round every 4
        DqnConfig config = new DqnConfig(d.learningRate(), 1_000, d.learningStarts(), d.batchSize(), d.gamma(), d.trainFreq(),
                d.gradientSteps(), d.targetUpdateInterval(), d.explorationFraction(), d.explorationInitialEps(),
                d.explorationFinalEps(), d.maxGradNorm(), new int[] {16}, 1);
        List<TrainingProgress> seen = new ArrayList<>();
        try (Dqn dqn = new Dqn(config, 4, new CartPole().actionSpace())) {
            dqn.learn(new Counting(new CartPole(), steps, closes), 10_000, (agent, p) -> seen.add(p) && false);
        }
        assertThat(seen).hasSize(1);
        assertThat(steps.get()).isEqualTo(104);
        assertThat(seen.get(0).steps()).isEqualTo(104);
        assertThat(closes.get()).isEqualTo(1);
        assertThat(seen.get(0).statistics()).containsOnlyKeys("loss", "epsilon");
    }

    @Test
    void sacStopsAfterItsFirstGradientStep() {
        AtomicLong steps = new AtomicLong();
        AtomicInteger closes = new AtomicInteger();
        SacConfig config = new SacConfig(1e-3, 1_000, 10, 8, 0.005, 0.99, new int[] {16, 16}, 1);
        List<TrainingProgress> seen = new ArrayList<>();
        try (Sac sac = new Sac(config, 3, new Pendulum().actionSpace())) {
            sac.learn(new Counting(new Pendulum(), steps, closes), 10_000, (agent, p) -> seen.add(p) && false);
        }
        assertThat(seen).hasSize(1);
        assertThat(steps.get()).as("10 random steps, then the first step with a gradient update").isEqualTo(11);
        assertThat(closes.get()).isEqualTo(1);
        assertThat(seen.get(0).statistics()).containsOnlyKeys("criticLoss", "actorLoss", "alpha");
    }

    @Test
    void checkpointsAppearEveryNStepsAndLoadBackToTheSameDecisions() throws Exception {
        float[][] probes = {{0.01f, -0.2f, 0.03f, 0.1f}, {-0.3f, 0.5f, 0.1f, -0.4f}, {0.2f, 0.2f, -0.1f, 0.6f}};
        Map<Long, List<Agent.Decided>> decidedAt = new LinkedHashMap<>();
        TrainingCallback remember = (agent, p) -> {
            List<Agent.Decided> d = new ArrayList<>();
            for (float[] probe : probes) {
                d.add(agent.decide(probe, true));
            }
            decidedAt.put(p.steps(), d);
            return true;
        };
        Path checkpoints = dir.resolve("checkpoints");
        try (Ppo ppo = new Ppo(PpoConfig.cartPoleZoo().withSeed(3), 4, new CartPole().actionSpace())) {
            // Rollouts of 256 steps: updates at 256, 512, 768 and 1,024; the multiples of 500 are crossed at 512 and 1,024.
            ppo.learn(i -> new CartPole(), 1_024, Checkpoints.every(500, checkpoints), remember);
        }
        try (Stream<Path> listed = Files.list(checkpoints)) {
            assertThat(listed.map(p -> p.getFileName().toString()).sorted()).containsExactly("step-1024", "step-512");
        }
        assertThat(Checkpoints.directory(checkpoints, 512)).isEqualTo(checkpoints.resolve("step-512"));
        for (long at : new long[] {512, 1024}) {
            try (Ppo back = Ppo.load(Checkpoints.directory(checkpoints, at))) {
                for (int k = 0; k < probes.length; k++) {
                    Agent.Decided then = decidedAt.get(at).get(k);
                    Agent.Decided now = back.decide(probes[k], true);
                    assertThat(now.action()).isEqualTo(then.action());
                    assertThat(Double.doubleToLongBits(now.confidence())).isEqualTo(Double.doubleToLongBits(then.confidence()));
                }
            }
        }
        // The two checkpoints are different agents: training moved on between them.
        assertThat(decidedAt.get(512L).stream().map(Agent.Decided::confidence).toList())
                .isNotEqualTo(decidedAt.get(1024L).stream().map(Agent.Decided::confidence).toList());
    }

    @Test
    void checkpointIntervalMustBePositive() {
        assertThatThrownBy(() -> Checkpoints.every(0, dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("checkpoint interval must be at least 1 step, got 0");
    }

    @Test
    void stopOnRewardStopsOnceTheMeanReturnReachesTheThreshold() {
        StopOnReward stop = new StopOnReward(100);
        assertThat(stop.onUpdate(null, report(256, Double.NaN))).as("no episode yet").isTrue();
        assertThat(stop.onUpdate(null, report(512, 99.9))).isTrue();
        assertThat(stop.onUpdate(null, report(768, 100))).isFalse();
        assertThat(stop.onUpdate(null, report(1024, 250))).isFalse();
        assertThatThrownBy(() -> new StopOnReward(Double.NaN)).hasMessage("threshold must be a number, got NaN");
    }

    @Test
    void stopOnRewardEndsPpoTrainingEarly() {
        List<Long> updates = new ArrayList<>();
        try (Ppo ppo = new Ppo(PpoConfig.cartPoleZoo().withSeed(1), 4, new CartPole().actionSpace())) {
            // A random CartPole policy lasts about 20 steps; 5 is reached as soon as episodes end.
            ppo.learn(i -> new CartPole(), 100_000, (agent, p) -> updates.add(p.steps()), new StopOnReward(5));
        }
        assertThat(updates).containsExactly(256L);
        updates.clear();
        try (Ppo ppo = new Ppo(PpoConfig.cartPoleZoo().withSeed(1), 4, new CartPole().actionSpace())) {
            ppo.learn(i -> new CartPole(), 768, (agent, p) -> updates.add(p.steps()), new StopOnReward(1e9));
        }
        assertThat(updates).containsExactly(256L, 512L, 768L);
    }

    @Test
    void everyCallbackIsCalledAndAllMustAgreeToGoOn() {
        List<String> calls = new ArrayList<>();
        TrainingCallback stop = (agent, p) -> calls.add("stop") && false;
        TrainingCallback go = (agent, p) -> calls.add("go");
        assertThat(stop.and(go).onUpdate(null, report(1, 0))).isFalse();
        assertThat(calls).containsExactly("stop", "go");
        calls.clear();
        assertThat(TrainingCallback.all(List.of(go, stop, go), null, report(1, 0))).isFalse();
        assertThat(calls).containsExactly("go", "stop", "go");
        assertThat(TrainingCallback.all(List.of(go, go), null, report(1, 0))).isTrue();
    }

    @Test
    void theProgressPrinterPrintsAtMostOncePerInterval() {
        Instant[] now = {Instant.parse("2026-11-30T10:00:00Z")};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressPrinter printer = ProgressPrinter.every(Duration.ofSeconds(10), out, () -> now[0]);
        try (Ppo ppo = new Ppo(PpoConfig.defaults(), 4, new CartPole().actionSpace())) {
            assertThat(printer.onUpdate(ppo, report(20_480, 87.3))).isTrue();
            now[0] = now[0].plusSeconds(9);
            printer.onUpdate(ppo, report(22_528, 90));
            now[0] = now[0].plusSeconds(1);
            printer.onUpdate(ppo, report(24_576, Double.NaN));
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "ppo steps 20,480  5,431 steps/s  mean return 87.30 (412 episodes)  policyLoss -0.01230  valueLoss 12.35",
                "ppo steps 24,576  5,431 steps/s  mean return - (412 episodes)  policyLoss -0.01230  valueLoss 12.35");
    }
}
