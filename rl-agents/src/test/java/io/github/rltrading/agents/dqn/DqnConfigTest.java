package io.github.rltrading.agents.dqn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.agents.model.ModelStore;
import io.github.rltrading.agents.nn.HiddenActivation;
import org.junit.jupiter.api.Test;

/** DqnConfig's network and target choices: SB3's by default, and what an older model.json reads as. */
class DqnConfigTest {

    @Test
    void defaultsAreStableBaselines3sReluNetworkAndPlainMaxTarget() {
        for (DqnConfig config : new DqnConfig[] {DqnConfig.defaults(), DqnConfig.cartPoleZoo()}) {
            assertThat(config.activation()).isEqualTo(HiddenActivation.RELU);
            assertThat(config.doubleQ()).isFalse();
        }
        DqnConfig changed = DqnConfig.cartPoleZoo().withActivation(HiddenActivation.TANH).withDoubleQ(true).withSeed(9);
        assertThat(changed.activation()).isEqualTo(HiddenActivation.TANH);
        assertThat(changed.doubleQ()).isTrue();
        assertThat(changed.seed()).isEqualTo(9);
    }

    @Test
    void aConfigSavedBeforeTheActivationFieldReadsAsTheTanhItWasTrainedWith() {
        ObjectNode json = (ObjectNode) ModelStore.configJson(DqnConfig.defaults());
        assertThat(ModelStore.config(json, DqnConfig.class).activation()).isEqualTo(HiddenActivation.RELU);
        json.remove("activation");
        json.remove("doubleQ");
        DqnConfig old = ModelStore.config(json, DqnConfig.class);
        assertThat(old.activation()).isEqualTo(HiddenActivation.TANH);
        assertThat(old.doubleQ()).isFalse();
    }
}
