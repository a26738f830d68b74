package io.github.rltrading.agents.model;

import static io.github.rltrading.agents.model.ModelRoundTripTest.assertSameDecisions;
import static io.github.rltrading.agents.model.ModelRoundTripTest.observations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.agents.OrderTask;
import io.github.rltrading.agents.dqn.Dqn;
import io.github.rltrading.agents.dqn.DqnConfig;
import io.github.rltrading.agents.nn.EncoderConfig;
import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.agents.sac.Sac;
import io.github.rltrading.agents.sac.SacConfig;
import io.github.rltrading.core.decision.ActionSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encoders save and load with the networks, bit for bit; models saved before encoders existed
 * (no {@code encoder} in their config) load as having none.
 */
class EncoderRoundTripTest {

    static final int OBS = OrderTask.WINDOW * OrderTask.FEATURES + OrderTask.STATE;

    @TempDir
    Path dir;

    static PpoConfig ppoConfig(EncoderConfig encoder) {
        return new PpoConfig(3e-3, false, 128, 64, 2, 0.9, 0.9, 0.2, 0.0, 0.5, 0.5, true, 2, new int[] {16, 16}, 4, encoder);
    }

    @Test
    void ppoWithAConvolutionOrAGruDecidesBitForBitTheSameAfterLoading() throws Exception {
        List<EncoderConfig> encoders = List.of(
                EncoderConfig.conv(OrderTask.WINDOW, OrderTask.FEATURES, 8, 2).withStateSize(OrderTask.STATE),
                EncoderConfig.gru(OrderTask.WINDOW, OrderTask.FEATURES, 8).withStateSize(OrderTask.STATE).withLayers(2));
        for (EncoderConfig encoder : encoders) {
            Path d = dir.resolve(encoder.kind().name());
            try (Ppo trained = new Ppo(ppoConfig(encoder), OBS, ActionSpace.discrete(2))) {
                trained.learn(i -> new OrderTask(), 512, p -> { }); // moves the encoders off their start
                trained.save(d, ModelInfo.none());
                try (Ppo loaded = Ppo.load(d)) {
                    assertSameDecisions(trained, loaded, observations(256, OBS, 8));
                }
            }
            ModelStore.Loaded l = ModelStore.load(d);
            String kind = encoder.kind() == EncoderConfig.Kind.CONV ? "conv" : "gru";
            assertThat(l.manifest().config().path("encoder").path("kind").asText()).isEqualTo(kind);
            assertThat(ModelStore.config(l.manifest().config(), PpoConfig.class).encoder()).isEqualTo(encoder);
            assertThat(l.values().keySet()).as("both networks' encoders are saved by name")
                    .anyMatch(k -> k.startsWith("pi.01WindowEncoder_" + (kind.equals("conv") ? "01conv_" : "01gru_")))
                    .anyMatch(k -> k.startsWith("vf.01WindowEncoder_"));
            // Another encoder (or none) does not silently take these weights.
            assertThatThrownBy(() -> Ppo.load(d, ppoConfig(EncoderConfig.none())))
                    .hasMessageContaining("has no parameter pi.01Linear_weight")
                    .hasMessageEndingWith("(the config's hidden sizes and encoder must be the ones in model.json)");
        }
    }

    @Test
    void sacAndDqnWithEncodersRoundTripToo() {
        EncoderConfig conv = EncoderConfig.conv(4, 3, 6, 2).withStateSize(11);
        EncoderConfig gru = EncoderConfig.gru(4, 3, 6).withStateSize(11);
        int obs = 4 * 3 + 11;
        try (Sac sac = new Sac(SacConfig.defaults().withEncoder(conv), obs, new ActionSpace.Box(new float[] {-1}, new float[] {1}));
             Dqn dqn = new Dqn(DqnConfig.defaults().withEncoder(gru), obs, ActionSpace.discrete(3))) {
            for (Agent a : new Agent[] {sac, dqn}) {
                Path d = dir.resolve(a.algorithm());
                a.save(d, ModelInfo.none());
                assertThat(ModelStore.load(d).values().keySet()).anyMatch(k -> k.contains("WindowEncoder"));
                try (Agent back = a instanceof Sac ? Sac.load(d) : Dqn.load(d)) {
                    assertSameDecisions(a, back, observations(64, obs, 9));
                }
            }
            assertThat(ModelStore.load(dir.resolve("sac")).values().keySet())
                    .as("actor, both critics and both targets each have their own encoder")
                    .contains("actor.01WindowEncoder_01conv_weight", "q1.01WindowEncoder_01conv_weight",
                            "q2.01WindowEncoder_01conv_weight", "q1_target.01WindowEncoder_01conv_weight",
                            "q2_target.01WindowEncoder_01conv_weight");
        }
    }

    /** Removes {@code config.encoder} from a saved model.json: the file as the SDK wrote it before encoders. */
    static void writeWithoutEncoder(Path model) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path file = model.resolve("model.json");
        JsonNode m = json.readTree(file.toFile());
        ((ObjectNode) m.path("config")).remove("encoder");
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(m));
        assertThat(Files.readString(file)).doesNotContain("encoder").contains("\"hidden\"");
    }

    @Test
    void aModelSavedWithoutTheEncoderFieldLoadsWithNone() throws Exception {
        try (Ppo ppo = new Ppo(PpoConfig.defaults().withSeed(5), 4, ActionSpace.discrete(2));
             Sac sac = new Sac(SacConfig.defaults(), 3, new ActionSpace.Box(new float[] {-2}, new float[] {2}));
             Dqn dqn = new Dqn(DqnConfig.defaults(), 4, ActionSpace.discrete(2))) {
            for (Agent a : new Agent[] {ppo, sac, dqn}) {
                Path d = dir.resolve(a.algorithm());
                a.save(d, ModelInfo.none());
                writeWithoutEncoder(d);
                JsonNode config = ModelStore.load(d).manifest().config();
                EncoderConfig loaded = switch (a.algorithm()) {
                    case "ppo" -> ModelStore.config(config, PpoConfig.class).encoder();
                    case "sac" -> ModelStore.config(config, SacConfig.class).encoder();
                    default -> ModelStore.config(config, DqnConfig.class).encoder();
                };
                assertThat(loaded).isSameAs(EncoderConfig.none());
                try (Agent back = switch (a.algorithm()) {
                    case "ppo" -> Ppo.load(d);
                    case "sac" -> Sac.load(d);
                    default -> Dqn.load(d);
                }) {
                    assertSameDecisions(a, back, observations(32, a.observationSize(), 3));
                }
            }
        }
    }

    @Test
    void theEncoderIsWrittenAsKindAndSizes() {
        JsonNode json = ModelStore.configJson(PpoConfig.defaults().withEncoder(EncoderConfig.conv(32, 71, 16, 5)));
        assertThat(json.path("encoder").toString()).isEqualTo(
                "{\"kind\":\"conv\",\"window\":32,\"features\":71,\"stateSize\":11,\"channels\":16,\"kernel\":5,\"layers\":1}");
        assertThat(ModelStore.configJson(PpoConfig.defaults()).path("encoder").path("kind").asText()).isEqualTo("none");
    }
}
