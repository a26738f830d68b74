package io.github.rltrading.agents.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.github.rltrading.agents.dqn.Dqn;
import io.github.rltrading.agents.dqn.DqnConfig;
import io.github.rltrading.agents.model.ModelInfo;
import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.agents.sac.Sac;
import io.github.rltrading.agents.sac.SacConfig;
import io.github.rltrading.core.decision.ActionSpace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device names, on a machine whose PyTorch is the CPU build (no test needs a GPU). */
class DevicesTest {

    @TempDir
    Path dir;

    static final String FIX = "put the CUDA build of PyTorch's native library on the class path "
            + "(ai.djl.pytorch:pytorch-native-cu128:2.7.1, classifier linux-x86_64: build rl-agents with -Pcuda) and "
            + "run on a machine with an NVIDIA driver for CUDA 12.8, or choose device cpu or auto";

    @Test
    void theEngineHereSeesNoGpuSoAutoIsTheCpu() {
        assertThat(Engine.getEngine("PyTorch").getGpuCount()).as("this build carries pytorch-native-cpu").isZero();
        assertThat(Devices.resolve("auto")).isEqualTo(Device.cpu());
        assertThat(Devices.resolve("cpu")).isEqualTo(Device.cpu());
        assertThat(Devices.resolve(" CPU ")).isEqualTo(Device.cpu());
        assertThat(Devices.resolve(null)).isEqualTo(Device.cpu());
    }

    @Test
    void aGpuThatIsNotThereIsRefusedNamingTheFix() {
        assertThatThrownBy(() -> Devices.resolve("gpu")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("device \"gpu\" asked for a GPU, but the PyTorch engine sees none (the native library on the class "
                        + "path is the CPU build, or no NVIDIA driver is loaded); " + FIX);
    }

    @Test
    void withGpusTheRuleChoosesThem() {
        assertThat(Devices.resolve("auto", 2)).isEqualTo(Device.gpu(0));
        assertThat(Devices.resolve("gpu", 2)).isEqualTo(Device.gpu(0));
        assertThat(Devices.resolve("GPU:1", 2)).isEqualTo(Device.gpu(1));
        assertThat(Devices.resolve("cpu", 2)).isEqualTo(Device.cpu());
        assertThatThrownBy(() -> Devices.resolve("gpu:2", 2))
                .hasMessage("device \"gpu:2\": the PyTorch engine sees 2 GPUs, numbered from 0 to 1");
        assertThatThrownBy(() -> Devices.resolve("gpu:x", 2))
                .hasMessage("device \"gpu:x\": the GPU number after \"gpu:\" must be a whole number from 0, e.g. gpu:0");
        assertThatThrownBy(() -> Devices.resolve("tpu", 2)).hasMessage("device \"tpu\" is not one of cpu, gpu, gpu:N, auto");
    }

    @Test
    void agentsBuildAndLoadOnTheDeviceTheyAreGiven() {
        Device device = Devices.resolve("auto");
        try (Ppo ppo = new Ppo(PpoConfig.defaults(), 4, ActionSpace.discrete(2), device);
             Sac sac = new Sac(SacConfig.defaults(), 3, ActionSpace.box(-1f, 1f), device);
             Dqn dqn = new Dqn(DqnConfig.defaults(), 4, ActionSpace.discrete(2), device)) {
            assertThat(ppo.device()).isEqualTo(Device.cpu());
            assertThat(sac.device()).isEqualTo(Device.cpu());
            assertThat(dqn.device()).isEqualTo(Device.cpu());
            assertThat(ppo.decide(new float[4], true).confidence()).isBetween(0.0, 1.0);
            ppo.save(dir.resolve("ppo"), ModelInfo.none());
        }
        try (Ppo back = Ppo.load(dir.resolve("ppo"), Device.cpu())) {
            assertThat(back.device()).isEqualTo(Device.cpu());
        }
        try (Ppo plain = new Ppo(PpoConfig.defaults(), 4, ActionSpace.discrete(2))) {
            assertThat(plain.device()).as("the default is the CPU, whatever the engine's default").isEqualTo(Device.cpu());
        }
    }
}
