package io.github.rltrading.learning.registry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * One registered model.
 *
 * @param name            {@code v{number}_{yyyyMMdd_HHmmss}} (UTC registration time)
 * @param number          the registry-wide sequence number
 * @param instrument      the instrument it was trained for
 * @param registeredAt    when it was registered
 * @param algorithm       {@code ppo}, {@code sac}, {@code dqn} (from its {@code model.json})
 * @param hyperparameters its hyperparameters as JSON (from its {@code model.json})
 * @param dataRange       what it was trained on, in words
 * @param featureSetHash  the feature set's hash, which a session's features must match
 * @param metrics         evaluation numbers ({@code sharpe}, {@code maxDrawdown}, ...)
 * @param parent          the version it was trained from (warm start), or "" for none
 * @param note            free text: why it was made
 * @param directory       its model folder inside the registry
 */
public record ModelVersion(String name, int number, String instrument, Instant registeredAt, String algorithm,
        String hyperparameters, String dataRange, String featureSetHash, Map<String, Double> metrics, String parent, String note,
        Path directory) {

    public ModelVersion {
        metrics = Map.copyOf(metrics);
    }

    /** A metric by name, NaN when it was not recorded. */
    public double metric(String key) {
        Double v = metrics.get(key);
        return v == null ? Double.NaN : v;
    }
}
