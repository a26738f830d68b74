package io.github.rltrading.agents.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The two initialisations of an {@link Mlp}'s linear layers and what tells them apart. */
class MlpInitTest {

    static final NDManager MANAGER = NDManager.newBaseManager("PyTorch");

    @AfterAll
    static void close() {
        MANAGER.close();
    }

    static Mlp net(Mlp.Init init) {
        Engine.getEngine("PyTorch").setRandomSeed(3);
        return new Mlp(MANAGER, 4, new int[] {256, 256}, 2, "q", true, EncoderConfig.none(), init);
    }

    static float maxAbs(NDArray a) {
        return a.abs().max().getFloat();
    }

    @Test
    void pytorchLinearDrawsWeightsAndBiasesWithinOneOverRootFanIn() {
        List<Pair<String, Parameter>> params = net(Mlp.Init.PYTORCH_LINEAR).parameters();
        assertThat(params).hasSize(6); // weight and bias of three layers, in order
        for (int layer = 0; layer < 3; layer++) {
            NDArray weight = params.get(2 * layer).getValue().getArray();
            NDArray bias = params.get(2 * layer + 1).getValue().getArray();
            double bound = 1 / Math.sqrt(weight.getShape().get(1)); // 1/2, then 1/16, 1/16
            String name = params.get(2 * layer).getKey();
            // Thousands of uniform draws come within 2% of the bound; a wider or narrower law does not.
            assertThat(maxAbs(weight)).as(name).isLessThanOrEqualTo((float) bound).isGreaterThan((float) (0.98 * bound));
            assertThat(maxAbs(bias)).as(params.get(2 * layer + 1).getKey()).isLessThanOrEqualTo((float) bound)
                    .isGreaterThan(0f);
        }
    }

    @Test
    void xavierKeepsDjlsWiderWeightsAndZeroBiases() {
        List<Pair<String, Parameter>> params = net(Mlp.Init.XAVIER).parameters();
        NDArray hidden = params.get(2).getValue().getArray(); // 256 × 256
        float xavierBound = (float) Math.sqrt(12.0 / (256 + 256));
        assertThat(maxAbs(hidden)).isLessThanOrEqualTo(xavierBound).isGreaterThan(0.98f * xavierBound)
                .isGreaterThan(2 * (1 / 16f));
        assertThat(maxAbs(params.get(3).getValue().getArray())).isZero();
    }

    @Test
    void theSameSeedDrawsTheSameNetwork() {
        float[] a = net(Mlp.Init.PYTORCH_LINEAR).parameters().get(4).getValue().getArray().toFloatArray();
        float[] b = net(Mlp.Init.PYTORCH_LINEAR).parameters().get(4).getValue().getArray().toFloatArray();
        assertThat(b).containsExactly(a);
    }
}
