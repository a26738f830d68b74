package io.github.rltrading.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * The PyTorch engine loads from the native jar on the class path (no download: the tests run with
 * {@code ai.djl.offline=true}) and computes gradients on the CPU.
 */
class DjlEngineTest {

    @Test
    void pyTorchComputesAGradientOnTheCpu() {
        Engine engine = Engine.getEngine("PyTorch");
        assertThat(engine.getEngineName()).isEqualTo("PyTorch");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray w = manager.create(new float[] {1f, -2f, 0.5f});
            w.setRequiresGradient(true);
            NDArray x = manager.create(new float[] {3f, 1f, 2f});
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray loss = w.mul(x).sum().pow(2); // (w·x)^2, d/dw = 2 (w·x) x
                collector.backward(loss);
            }
            float[] grad = w.getGradient().toFloatArray();
            float dot = 1f * 3f - 2f * 1f + 0.5f * 2f; // 2
            assertThat(grad[0]).isCloseTo(2 * dot * 3f, within(1e-5f));
            assertThat(grad[1]).isCloseTo(2 * dot * 1f, within(1e-5f));
            assertThat(grad[2]).isCloseTo(2 * dot * 2f, within(1e-5f));
        }
    }
}
