package io.github.rltrading.agents.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.agents.dqn.Dqn;
import io.github.rltrading.agents.dqn.DqnConfig;
import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.agents.sac.Sac;
import io.github.rltrading.agents.sac.SacConfig;
import io.github.rltrading.core.PluginKind;
import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.env.classic.CartPole;
import io.github.rltrading.env.classic.Pendulum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading gives bit-for-bit the same decisions, and refuses what does not fit. */
class ModelRoundTripTest {

    @TempDir
    Path dir;

    static float[][] observations(int n, int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] o = new float[n][size];
        for (float[] row : o) {
            for (int i = 0; i < size; i++) {
                row[i] = (float) r.nextGaussian();
            }
        }
        return o;
    }

    static void assertSameDecisions(Agent a, Agent b, float[][] obs) {
        for (float[] o : obs) {
            Agent.Decided x = a.decide(o, true);
            Agent.Decided y = b.decide(o, true);
            assertThat(y.confidence()).isEqualTo(x.confidence());
            switch (x.action()) {
                case Action.Discrete d -> assertThat(((Action.Discrete) y.action()).index()).isEqualTo(d.index());
                case Action.Continuous c -> {
                    float[] yv = ((Action.Continuous) y.action()).values();
                    for (int i = 0; i < c.values().length; i++) {
                        assertThat(Float.floatToIntBits(yv[i])).isEqualTo(Float.floatToIntBits(c.values()[i]));
                    }
                }
            }
        }
    }

    @Test
    void ppoAfterTrainingSavesAndLoadsBitExact() {
        PpoConfig quick = PpoConfig.defaults().withSeed(3);
        quick = new PpoConfig(quick.learningRate(), false, 128, 32, 2, quick.gamma(), quick.gaeLambda(), quick.clipRange(),
                quick.entCoef(), quick.vfCoef(), quick.maxGradNorm(), true, 1, new int[] {16, 16}, 3);
        ModelInfo info = new ModelInfo("classic", "none", Map.of("mean", new double[] {0, 0, 0}), "Pendulum-v1 seeds 3..",
                Map.of("evalMeanReturn", -1234.5));
        try (Ppo trained = new Ppo(quick, 3, new Pendulum().actionSpace())) {
            trained.learn(i -> new Pendulum(), 512, p -> { }); // moves the weights and the log-std off their start
            trained.save(dir.resolve("ppo"), info);
            try (Ppo loaded = Ppo.load(dir.resolve("ppo"))) {
                assertSameDecisions(trained, loaded, observations(64, 3, 1));
                assertThat(loaded.actionSpace()).isEqualTo(trained.actionSpace());
            }
        }
        ModelStore.Loaded l = ModelStore.load(dir.resolve("ppo"));
        assertThat(l.manifest().algorithm()).isEqualTo("ppo");
        assertThat(l.manifest().info().metrics()).containsEntry("evalMeanReturn", -1234.5);
        assertThat(l.manifest().info().trainingRange()).isEqualTo("Pendulum-v1 seeds 3..");
        assertThat(l.manifest().config().get("nSteps").asInt()).isEqualTo(128);
        assertThat(l.values()).containsKey("log_std");
    }

    @Test
    void discretePpoSacAndDqnRoundTripToo() {
        try (Ppo ppo = new Ppo(PpoConfig.defaults().withSeed(5), 4, new CartPole().actionSpace());
             Sac sac = new Sac(SacConfig.defaults(), 3, new Pendulum().actionSpace());
             Dqn dqn = new Dqn(DqnConfig.defaults(), 4, new CartPole().actionSpace())) {
            for (Agent a : new Agent[] {ppo, sac, dqn}) {
                Path d = dir.resolve(a.algorithm());
                a.save(d, ModelInfo.none());
                Agent back = switch (a.algorithm()) {
                    case "ppo" -> Ppo.load(d);
                    case "sac" -> Sac.load(d);
                    default -> Dqn.load(d);
                };
                try (back) {
                    assertSameDecisions(a, back, observations(32, a.observationSize(), 2));
                }
            }
        }
    }

    @Test
    void whatDoesNotFitIsRefusedWithTheReason() throws Exception {
        try (Dqn dqn = new Dqn(DqnConfig.defaults(), 4, new CartPole().actionSpace())) {
            dqn.save(dir.resolve("dqn"), ModelInfo.none());
            assertThatThrownBy(() -> dqn.decide(new float[71], true))
                    .hasMessage("dqn model takes 4 inputs, got an observation of 71; the feature set (and window) must be "
                            + "the ones it was trained with");
        }
        assertThatThrownBy(() -> Ppo.load(dir.resolve("dqn"))).hasMessageContaining("is dqn, not ppo");
        assertThatThrownBy(() -> Ppo.load(dir.resolve("nothing-here")))
                .hasMessageContaining("no saved model in").hasMessageContaining("model.json and parameters.bin");
        Path bin = dir.resolve("dqn/parameters.bin");
        byte[] bytes = Files.readAllBytes(bin);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(bin, bytes);
        assertThatThrownBy(() -> Dqn.load(dir.resolve("dqn"))).hasMessageContaining("checksum mismatch")
                .hasMessageContaining("the file is damaged");
    }

    @Test
    void aSavedModelIsASessionPolicyByName() {
        try (Ppo ppo = new Ppo(PpoConfig.defaults().withSeed(9), 3, new Pendulum().actionSpace())) {
            ppo.save(dir.resolve("m"), ModelInfo.none());
        }
        Policy policy = Plugins.load().create(PluginKind.POLICY, Config.of(Map.of("policy", "ppo",
                "ppo", Map.of("model", dir.resolve("m").toString()))));
        try (policy) {
            Decision d = policy.decide(new Observation(Instant.EPOCH, new float[] {0.1f, 0.2f, 0.3f}, 0));
            assertThat(d.source()).isEqualTo("ppo");
            assertThat(d.targetPosition()).isBetween(-1.0, 1.0);
            assertThat(d.confidence()).isEqualTo(0.5); // state-independent std 1 before training: 1 / (1 + 1)
            assertThat(d.rationale()).startsWith("ppo model: target ");
        }
    }
}
