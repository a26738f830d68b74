package io.github.rltrading.learning.registry;

import java.util.Map;
import java.util.Objects;

/**
 * What the caller adds when registering a model; the rest is read from the model's
 * {@code model.json}.
 *
 * @param parent  the version this one was trained from, or "" for a model trained from scratch
 * @param metrics evaluation numbers to record (merged over those in {@code model.json})
 * @param note    why the model was made ({@code "retrain after 1,000 new experiences"})
 */
public record Registration(String parent, Map<String, Double> metrics, String note) {

    public Registration {
        parent = parent == null ? "" : parent;
        metrics = Map.copyOf(Objects.requireNonNull(metrics, "metrics"));
        note = note == null ? "" : note;
    }

    public static Registration of(String note) {
        return new Registration("", Map.of(), note);
    }

    public Registration withParent(String value) {
        return new Registration(value, metrics, note);
    }

    public Registration withMetrics(Map<String, Double> value) {
        return new Registration(parent, value, note);
    }
}
