package io.github.rltrading.learning.hpo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JSON the database keeps search spaces, parameters and intermediate values in. Doubles are
 * written in Java's shortest exact form, so they read back bit for bit; NaN and infinities are
 * written as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 */
final class HpoJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HpoJson() {}

    static String spaceToJson(SearchSpace space) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode params = root.putArray("parameters");
        space.parameters().forEach((name, distribution) -> {
            ObjectNode p = params.addObject();
            p.put("name", name);
            switch (distribution) {
                case Distribution.Uniform u -> p.put("type", "uniform").put("low", u.low()).put("high", u.high());
                case Distribution.LogUniform l -> p.put("type", "logUniform").put("low", l.low()).put("high", l.high());
                case Distribution.IntRange r -> p.put("type", "integer").put("low", r.low()).put("high", r.high()).put("log", r.log());
                case Distribution.Categorical c -> {
                    p.put("type", "categorical");
                    ArrayNode choices = p.putArray("choices");
                    c.choices().forEach(choices::add);
                }
            }
        });
        return write(root);
    }

    static SearchSpace spaceFromJson(String json) {
        JsonNode root = read(json, "search space");
        SearchSpace.Builder b = SearchSpace.builder();
        for (JsonNode p : root.path("parameters")) {
            String name = p.path("name").asText();
            String type = p.path("type").asText();
            switch (type) {
                case "uniform" -> b.uniform(name, p.path("low").asDouble(), p.path("high").asDouble());
                case "logUniform" -> b.logUniform(name, p.path("low").asDouble(), p.path("high").asDouble());
                case "integer" -> b.integer(name, p.path("low").asInt(), p.path("high").asInt(), p.path("log").asBoolean());
                case "categorical" -> {
                    List<String> choices = new ArrayList<>();
                    p.path("choices").forEach(c -> choices.add(c.asText()));
                    b.categorical(name, choices);
                }
                default -> throw new IllegalArgumentException("stored search space has parameter \"" + name
                        + "\" of unknown type \"" + type + "\"; it was written by a newer library");
            }
        }
        return b.build();
    }

    static String paramsToJson(Map<String, Object> params) {
        ObjectNode root = MAPPER.createObjectNode();
        params.forEach((name, value) -> {
            switch (value) {
                case Double d -> root.put(name, d);
                case Integer i -> root.put(name, i);
                case String s -> root.put(name, s);
                default -> throw new IllegalArgumentException("parameter \"" + name + "\" has a value of type "
                        + value.getClass().getName() + "; only Double, Integer and String are stored");
            }
        });
        return write(root);
    }

    /** Reads parameters, typing each value by its distribution in {@code space}. */
    static Map<String, Object> paramsFromJson(String json, SearchSpace space) {
        JsonNode root = read(json, "trial parameters");
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            Distribution d = space.distribution(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "stored trial has parameter \"" + e.getKey() + "\" that is not in the study's space " + space.parameters().keySet()));
            JsonNode v = e.getValue();
            Object value = switch (d) {
                case Distribution.Uniform u -> v.isNumber() || v.isTextual() ? number(v) : null;
                case Distribution.LogUniform l -> v.isNumber() || v.isTextual() ? number(v) : null;
                case Distribution.IntRange r -> v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : null;
                case Distribution.Categorical c -> v.isTextual() ? v.textValue() : null;
            };
            if (value == null) {
                throw new IllegalArgumentException("stored trial parameter \"" + e.getKey() + "\" = " + v + " does not fit "
                        + d.describe());
            }
            params.put(e.getKey(), value);
        }
        return params;
    }

    static String intermediateToJson(SortedMap<Long, Double> values) {
        ObjectNode root = MAPPER.createObjectNode();
        values.forEach((step, value) -> root.put(Long.toString(step), value));
        return write(root);
    }

    static SortedMap<Long, Double> intermediateFromJson(String json) {
        SortedMap<Long, Double> values = new TreeMap<>();
        if (json == null || json.isBlank()) {
            return values;
        }
        JsonNode root = read(json, "intermediate values");
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            values.put(Long.parseLong(e.getKey()), number(e.getValue()));
        }
        return values;
    }

    private static double number(JsonNode v) {
        return v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode read(String json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored " + what + " is not valid JSON (" + e.getOriginalMessage() + "): " + json, e);
        }
    }
}
