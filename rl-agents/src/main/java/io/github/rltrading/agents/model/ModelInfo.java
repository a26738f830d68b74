package io.github.rltrading.agents.model;

import java.util.Map;

/**
 * What a saved model records besides its parameters, so that it can refuse the wrong inputs later
 * and say where it came from.
 *
 * @param featureSetId   the feature set's id ({@code market-v1}), or "" when trained on a plain environment
 * @param featureSetHash the feature set's stable hash, or ""
 * @param normalization  normalisation statistics fitted on the training range (name → values), may be empty
 * @param trainingRange  the data the model was trained on, in words ({@code es-1min-rth-2020.csv rows 0-28,000}), or ""
 * @param metrics        evaluation numbers ({@code evalMeanReturn}, ...), may be empty
 */
public record ModelInfo(String featureSetId, String featureSetHash, Map<String, double[]> normalization,
                        String trainingRange, Map<String, Double> metrics) {

    public ModelInfo {
        featureSetId = featureSetId == null ? "" : featureSetId;
        featureSetHash = featureSetHash == null ? "" : featureSetHash;
        normalization = normalization == null ? Map.of() : Map.copyOf(normalization);
        trainingRange = trainingRange == null ? "" : trainingRange;
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** Nothing beyond the parameters. */
    public static ModelInfo none() {
        return new ModelInfo("", "", Map.of(), "", Map.of());
    }

    public ModelInfo withMetrics(Map<String, Double> values) {
        return new ModelInfo(featureSetId, featureSetHash, normalization, trainingRange, values);
    }
}
