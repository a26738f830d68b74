package io.github.rltrading.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rltrading.agents.dqn.Dqn;
import io.github.rltrading.agents.model.Agent;
import io.github.rltrading.agents.model.AgentPolicy;
import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.sac.Sac;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.env.trading.EnvObservationPolicy;
import io.github.rltrading.env.trading.TradingEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Saved models as policies. A model trained in {@link TradingEnv} (what {@code rl train} and
 * continuous learning make) takes W feature rows plus the agent's state; its window W follows from
 * its input size ({@code W × features + } {@value TradingEnv#STATE_SIZE}), so nobody has to remember
 * it. A model whose input is one feature row is used as it is.
 */
final class Models {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Models() {}

    /**
     * A loaded agent and how to feed it.
     *
     * @param directory      where it was loaded from
     * @param algorithm      {@code ppo}, {@code sac} or {@code dqn}
     * @param agent          the agent
     * @param window         feature rows per observation, 0 for a model that takes one row as it is
     * @param columns        features per row
     */
    record Loaded(Path directory, String algorithm, Agent agent, int window, int columns) implements AutoCloseable {

        /**
         * The agent as a session's policy (deterministic: the mean or most likely action), wrapped
         * to rebuild the training environment's observation when it was trained on one.
         */
        Policy policy(double maxContracts, double tickSize) {
            AgentPolicy plain;
            try {
                plain = AgentPolicy.of(agent, true);
            } catch (IllegalArgumentException e) {
                throw new UsageError("--model " + directory + ": " + e.getMessage(), e);
            }
            Policy inner = window == 0 ? plain : new EnvObservationPolicy(plain, window, columns, maxContracts, tickSize);
            // Whoever runs the policy may close it; the agent belongs to this Loaded, which closes it once.
            return observation -> inner.decide(observation);
        }

        @Override
        public void close() {
            agent.close();
        }
    }

    /**
     * Loads the model saved in {@code dir} for observations built from {@code columns} features of the
     * feature set with hash {@code featureHash}.
     *
     * @param requestedWindow the window the user gave, or null to take the model's
     * @throws UsageError naming the folder and what is wrong (missing, another feature set, another window)
     */
    static Loaded load(Path dir, int columns, String featureHash, Integer requestedWindow) {
        Objects.requireNonNull(dir, "dir");
        Path json = dir.resolve("model.json");
        if (!Files.isRegularFile(json) || !Files.isRegularFile(dir.resolve("parameters.bin"))) {
            throw new UsageError("--model " + dir + ": no saved model there (a model folder holds model.json and parameters.bin); "
                    + "give a folder written by 'rl train', a registry version's folder, or agent.save(dir, info)");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(json.toFile());
        } catch (IOException e) {
            throw new UsageError("--model " + dir + ": model.json is not valid JSON (" + e.getMessage() + "); save the model again", e);
        }
        String algorithm = manifest.path("algorithm").asText("");
        int inputs = manifest.path("observationSize").asInt(-1);
        String hash = manifest.path("featureSet").path("hash").asText("");
        if (!hash.isEmpty() && !hash.equals(featureHash)) {
            throw new UsageError("--model " + dir + ": it was trained on features " + manifest.path("featureSet").path("id").asText("?")
                    + " with hash " + hash + ", but these bars give the market feature set with hash " + featureHash
                    + "; use bars of the timeframe it was trained on (its training data: "
                    + manifest.path("trainingRange").asText("not recorded") + ")");
        }
        int window = window(dir, inputs, columns);
        if (requestedWindow != null && requestedWindow != window) {
            throw new UsageError("--window " + requestedWindow + ": the model in " + dir + " was trained with window " + window
                    + " (its " + inputs + " inputs are " + window + " x " + columns + " features + " + TradingEnv.STATE_SIZE
                    + " state values); leave --window out or give " + window);
        }
        Agent agent;
        try {
            agent = switch (algorithm) {
                case "ppo" -> Ppo.load(dir);
                case "sac" -> Sac.load(dir);
                case "dqn" -> Dqn.load(dir);
                default -> throw new UsageError("--model " + dir + ": algorithm '" + algorithm + "' in model.json is not one of "
                        + "ppo, sac, dqn");
            };
        } catch (IllegalArgumentException e) {
            throw new UsageError("--model " + dir + ": " + e.getMessage(), e);
        }
        return new Loaded(dir, algorithm, agent, window, columns);
    }

    /** The window a model with {@code inputs} inputs was trained with; 0 when it takes one feature row. */
    private static int window(Path dir, int inputs, int columns) {
        if (inputs == columns) {
            return 0;
        }
        int rows = inputs - TradingEnv.STATE_SIZE;
        if (inputs < 1 || rows <= 0 || rows % columns != 0) {
            throw new UsageError("--model " + dir + ": it takes " + inputs + " inputs, which is neither one row of the " + columns
                    + " market features nor W rows plus " + TradingEnv.STATE_SIZE + " state values; it was trained on "
                    + "another feature set or environment");
        }
        return rows / columns;
    }
}
