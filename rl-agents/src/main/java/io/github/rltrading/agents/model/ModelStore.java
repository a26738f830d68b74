package io.github.rltrading.agents.model;

import ai.djl.ndarray.NDArray;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.core.decision.ActionSpace;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A saved model is a directory with {@code model.json} (what it is: algorithm, hyperparameters,
 * spaces, feature set, normalisation, training range, metrics, library version) and
 * {@code parameters.bin} (every parameter by name: shape and float32 values, little-endian, with a
 * CRC-32 of the whole file). Values are written bit for bit, so a loaded model decides exactly as
 * the saved one did. Both files are written to temporary names and renamed, so a crash never leaves
 * a half-written model under the real names.
 */
public final class ModelStore {

    /** Format version of {@code model.json} and {@code parameters.bin}. */
    public static final int FORMAT = 1;
    static final int MAGIC = 0x524c5450; // "RLTP"
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelStore() {}

    /**
     * What {@code model.json} says.
     *
     * @param algorithm       {@code ppo}, {@code sac}, {@code dqn}
     * @param observationSize inputs the model takes
     * @param actionSpace     the action space it was built for
     * @param config          its hyperparameters (the config record as JSON)
     * @param info            feature set, normalisation, training range, metrics
     * @param libraryVersion  the SDK version that wrote it
     * @param createdAt       when
     */
    public record Manifest(String algorithm, int observationSize, ActionSpace actionSpace, JsonNode config, ModelInfo info,
                           String libraryVersion, Instant createdAt) {}

    /** A loaded model: its manifest and its parameters by name. */
    public record Loaded(Manifest manifest, Map<String, float[]> values, Map<String, long[]> shapes) {}

    /** Writes {@code manifest} and {@code parameters} into {@code dir} (created if missing). */
    public static void save(Path dir, Manifest manifest, List<Pair<String, NDArray>> parameters) {
        try {
            Files.createDirectories(dir);
            ObjectNode m = JSON.createObjectNode();
            m.put("format", FORMAT);
            m.put("algorithm", manifest.algorithm());
            m.put("libraryVersion", manifest.libraryVersion());
            m.put("createdAt", manifest.createdAt().toString());
            m.put("observationSize", manifest.observationSize());
            ObjectNode space = m.putObject("actionSpace");
            if (manifest.actionSpace() instanceof ActionSpace.Discrete d) {
                space.put("kind", "discrete").put("n", d.n());
            } else {
                ActionSpace.Box b = (ActionSpace.Box) manifest.actionSpace();
                space.put("kind", "box");
                ArrayNode low = space.putArray("low");
                ArrayNode high = space.putArray("high");
                for (int i = 0; i < b.dimension(); i++) {
                    low.add(b.low()[i]);
                    high.add(b.high()[i]);
                }
            }
            m.set("config", manifest.config());
            ModelInfo info = manifest.info();
            ObjectNode fs = m.putObject("featureSet").put("id", info.featureSetId()).put("hash", info.featureSetHash());
            fs.put("note", info.featureSetId().isEmpty() ? "trained on a plain environment" : "");
            ObjectNode norm = m.putObject("normalization");
            info.normalization().forEach((k, v) -> {
                ArrayNode a = norm.putArray(k);
                for (double x : v) {
                    a.add(x);
                }
            });
            m.put("trainingRange", info.trainingRange());
            ObjectNode metrics = m.putObject("metrics");
            info.metrics().forEach(metrics::put);
            ArrayNode names = m.putArray("parameters");
            parameters.forEach(p -> names.add(p.getKey()));

            Path bin = dir.resolve("parameters.bin");
            Path binTmp = dir.resolve("parameters.bin.tmp");
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(binTmp)))) {
                CRC32 crc = new CRC32();
                ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(MAGIC).putInt(FORMAT)
                        .putInt(parameters.size());
                write(out, crc, header.array());
                for (Pair<String, NDArray> p : parameters) {
                    byte[] name = p.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    long[] shape = p.getValue().getShape().getShape();
                    float[] values = p.getValue().toFloatArray();
                    ByteBuffer b = ByteBuffer.allocate(4 + name.length + 4 + 8 * shape.length + 4 + 4 * values.length)
                            .order(ByteOrder.LITTLE_ENDIAN);
                    b.putInt(name.length).put(name).putInt(shape.length);
                    for (long s : shape) {
                        b.putLong(s);
                    }
                    b.putInt(values.length);
                    for (float v : values) {
                        b.putFloat(v);
                    }
                    write(out, crc, b.array());
                }
                out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(crc.getValue()).array());
            }
            Files.move(binTmp, bin, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Path json = dir.resolve("model.json");
            Path jsonTmp = dir.resolve("model.json.tmp");
            Files.writeString(jsonTmp, JSON.writeValueAsString(m) + "\n");
            Files.move(jsonTmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream out, CRC32 crc, byte[] bytes) throws IOException {
        crc.update(bytes);
        out.write(bytes);
    }

    /**
     * Reads a model directory.
     *
     * @throws IllegalArgumentException naming the file and what is wrong (missing, another format,
     *                                  a damaged parameter file)
     */
    public static Loaded load(Path dir) {
        Path json = dir.resolve("model.json");
        Path bin = dir.resolve("parameters.bin");
        if (!Files.isRegularFile(json) || !Files.isRegularFile(bin)) {
            throw new IllegalArgumentException("no saved model in " + dir + ": it needs model.json and parameters.bin"
                    + " (save one with agent.save(dir, info))");
        }
        try {
            JsonNode m = JSON.readTree(json.toFile());
            int format = m.path("format").asInt(-1);
            if (format != FORMAT) {
                throw new IllegalArgumentException(json + ": format " + m.path("format") + " is not the supported " + FORMAT);
            }
            JsonNode s = m.path("actionSpace");
            ActionSpace space;
            if ("discrete".equals(s.path("kind").asText())) {
                space = ActionSpace.discrete(s.path("n").asInt());
            } else if ("box".equals(s.path("kind").asText())) {
                float[] low = new float[s.path("low").size()];
                float[] high = new float[low.length];
                for (int i = 0; i < low.length; i++) {
                    low[i] = (float) s.path("low").get(i).asDouble();
                    high[i] = (float) s.path("high").get(i).asDouble();
                }
                space = new ActionSpace.Box(low, high);
            } else {
                throw new IllegalArgumentException(json + ": actionSpace.kind must be discrete or box, got " + s.path("kind"));
            }
            Map<String, double[]> norm = new LinkedHashMap<>();
            m.path("normalization").fields().forEachRemaining(e -> {
                double[] v = new double[e.getValue().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = e.getValue().get(i).asDouble();
                }
                norm.put(e.getKey(), v);
            });
            Map<String, Double> metrics = new LinkedHashMap<>();
            m.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
            ModelInfo info = new ModelInfo(m.path("featureSet").path("id").asText(""), m.path("featureSet").path("hash").asText(""),
                    norm, m.path("trainingRange").asText(""), metrics);
            Manifest manifest = new Manifest(m.path("algorithm").asText(), m.path("observationSize").asInt(), space,
                    m.path("config"), info, m.path("libraryVersion").asText(""), Instant.parse(m.path("createdAt").asText()));

            byte[] all = Files.readAllBytes(bin);
            if (all.length < 20) {
                throw new IllegalArgumentException(bin + ": too short (" + all.length + " bytes) to be a parameter file");
            }
            CRC32 crc = new CRC32();
            crc.update(all, 0, all.length - 8);
            ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
            long stored = b.getLong(all.length - 8);
            if (stored != crc.getValue()) {
                throw new IllegalArgumentException(bin + ": checksum mismatch (stored " + Long.toHexString(stored) + ", computed "
                        + Long.toHexString(crc.getValue()) + "): the file is damaged; save the model again");
            }
            if (b.getInt() != MAGIC || b.getInt() != FORMAT) {
                throw new IllegalArgumentException(bin + ": not a parameter file of format " + FORMAT);
            }
            int count = b.getInt();
            Map<String, float[]> values = new LinkedHashMap<>();
            Map<String, long[]> shapes = new LinkedHashMap<>();
            for (int k = 0; k < count; k++) {
                byte[] name = new byte[b.getInt()];
                b.get(name);
                long[] shape = new long[b.getInt()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = b.getLong();
                }
                float[] v = new float[b.getInt()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = b.getFloat();
                }
                String n = new String(name, java.nio.charset.StandardCharsets.UTF_8);
                values.put(n, v);
                shapes.put(n, shape);
            }
            return new Loaded(manifest, values, shapes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model in " + dir + ": " + e.getMessage(), e);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException(bin + ": ends early: the file is truncated; save the model again", e);
        }
    }

    /**
     * Copies loaded values into an agent's parameters (same names, same shapes).
     *
     * @throws IllegalArgumentException naming the parameter that is missing or has another shape
     */
    public static void apply(Loaded loaded, List<Pair<String, NDArray>> parameters, Path dir) {
        for (Pair<String, NDArray> p : parameters) {
            float[] v = loaded.values().get(p.getKey());
            if (v == null) {
                throw new IllegalArgumentException("model in " + dir + " has no parameter " + p.getKey() + "; it has "
                        + loaded.values().keySet() + " (the config's hidden sizes and encoder must be the ones in model.json)");
            }
            long[] want = p.getValue().getShape().getShape();
            if (!Arrays.equals(want, loaded.shapes().get(p.getKey()))) {
                throw new IllegalArgumentException("model in " + dir + ": parameter " + p.getKey() + " has shape "
                        + Arrays.toString(loaded.shapes().get(p.getKey())) + ", the agent expects " + Arrays.toString(want)
                        + " (the hidden sizes in model.json must match the config, and so must the encoder)");
            }
            p.getValue().set(v);
        }
    }

    /** Builds an agent from its config, observation size and action space (a constructor reference). */
    @FunctionalInterface
    public interface AgentFactory<C, A extends Agent> {
        A create(C config, int observationSize, ActionSpace actions);
    }

    /** Saves {@code agent} with its {@code config} and {@code parameters} (the form every agent uses). */
    public static void save(Path dir, Agent agent, Object config, ModelInfo info, List<Pair<String, NDArray>> parameters) {
        save(dir, new Manifest(agent.algorithm(), agent.observationSize(), agent.actionSpace(), configJson(config), info,
                libraryVersion(), Instant.now()), parameters);
    }

    /**
     * Loads a model of {@code algorithm}: reads the directory, refuses another algorithm, rebuilds the
     * agent from the saved config and copies the parameters in.
     */
    public static <C, A extends Agent> A load(Path dir, String algorithm, Class<C> configType, AgentFactory<C, A> factory,
                                              java.util.function.Function<A, List<Pair<String, NDArray>>> parameters) {
        Loaded loaded = load(dir);
        Manifest m = loaded.manifest();
        if (!algorithm.equals(m.algorithm())) {
            throw new IllegalArgumentException("model in " + dir + " is " + m.algorithm() + ", not " + algorithm
                    + "; load it with the " + m.algorithm() + " agent");
        }
        A agent = factory.create(config(m.config(), configType), m.observationSize(), m.actionSpace());
        try {
            apply(loaded, parameters.apply(agent), dir);
        } catch (RuntimeException e) {
            agent.close();
            throw e;
        }
        return agent;
    }

    /** The config record as JSON, for the manifest. */
    public static JsonNode configJson(Object config) {
        return JSON.valueToTree(config);
    }

    /** The config back from JSON. */
    public static <C> C config(JsonNode json, Class<C> type) {
        try {
            return JSON.treeToValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("model.json: config is not a valid " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The library version written into manifests. */
    public static String libraryVersion() {
        String v = ModelStore.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

}
