package io.github.rltrading.agents.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * Where the agents' networks live: {@code cpu} (the default), {@code gpu} (the first GPU),
 * {@code gpu:N} (GPU number N) or {@code auto} (the first GPU when the PyTorch engine sees one, else
 * the CPU).
 *
 * <pre>{@code
 * Device device = Devices.resolve("auto");
 * try (Ppo ppo = new Ppo(PpoConfig.defaults(), 2283, ActionSpace.box(-1f, 1f), device)) { ... }
 * }</pre>
 *
 * <p>The engine sees a GPU only when the CUDA build of PyTorch's native library is on the class
 * path: the default build carries {@code pytorch-native-cpu}; build rl-agents with the Maven profile
 * {@code cuda} ({@code -Pcuda}) to put {@code pytorch-native-cu128} there instead, on a machine with
 * an NVIDIA driver for CUDA 12.8.
 */
public final class Devices {

    /** What to write in a message that asks for a GPU the engine cannot see. */
    static final String GPU_FIX = "put the CUDA build of PyTorch's native library on the class path "
            + "(ai.djl.pytorch:pytorch-native-cu128:2.7.1, classifier linux-x86_64: build rl-agents with -Pcuda) and "
            + "run on a machine with an NVIDIA driver for CUDA 12.8, or choose device cpu or auto";

    private Devices() {}

    /**
     * The device named {@code name}, asking the PyTorch engine how many GPUs it sees.
     *
     * @throws IllegalArgumentException for an unknown name, or a GPU the engine does not see (naming the fix)
     */
    public static Device resolve(String name) {
        return resolve(name, Engine.getEngine("PyTorch").getGpuCount());
    }

    /**
     * The device named {@code name} given the number of GPUs the engine sees (the rule itself, kept
     * apart from the engine so that it can be checked without a GPU).
     *
     * @param name     {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}, in any case; null or blank means cpu
     * @param gpuCount how many GPUs the engine sees
     */
    public static Device resolve(String name, int gpuCount) {
        String n = name == null || name.isBlank() ? "cpu" : name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("cpu")) {
            return Device.cpu();
        }
        if (n.equals("auto")) {
            return gpuCount > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (n.equals("gpu") || n.startsWith("gpu:")) {
            int index = 0;
            if (n.startsWith("gpu:")) {
                try {
                    index = Integer.parseInt(n.substring(4));
                } catch (NumberFormatException e) {
                    index = -1;
                }
                if (index < 0) {
                    throw new IllegalArgumentException("device \"" + name + "\": the GPU number after \"gpu:\" must be a "
                            + "whole number from 0, e.g. gpu:0");
                }
            }
            if (gpuCount == 0) {
                throw new IllegalArgumentException("device \"" + name + "\" asked for a GPU, but the PyTorch engine sees "
                        + "none (the native library on the class path is the CPU build, or no NVIDIA driver is loaded); "
                        + GPU_FIX);
            }
            if (index >= gpuCount) {
                throw new IllegalArgumentException("device \"" + name + "\": the PyTorch engine sees " + gpuCount + " GPU"
                        + (gpuCount == 1 ? "" : "s") + ", numbered from 0 to " + (gpuCount - 1));
            }
            return Device.gpu(index);
        }
        throw new IllegalArgumentException("device \"" + name + "\" is not one of cpu, gpu, gpu:N, auto");
    }
}
