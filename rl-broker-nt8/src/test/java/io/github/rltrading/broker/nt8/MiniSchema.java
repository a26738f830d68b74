package io.github.rltrading.broker.nt8;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks JSON against the subset of JSON Schema that docs/nt8-protocol/v1 uses (type, const, enum,
 * required, properties, items, minLength, minimum, exclusiveMinimum, pattern), so the schema files
 * are tested without a validator library.
 */
final class MiniSchema {

    private MiniSchema() {}

    /** Problems of {@code value} against {@code schema}, each naming the path; empty when it conforms. */
    static List<String> problems(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> out) {
        if (schema.has("const") && !schema.get("const").equals(value)) {
            out.add(path + " must be " + schema.get("const") + ", got " + value);
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(value);
            }
            if (!found) {
                out.add(path + " must be one of " + schema.get("enum") + ", got " + value);
            }
        }
        if (schema.has("type")) {
            boolean ok = false;
            JsonNode t = schema.get("type");
            if (t.isArray()) {
                for (JsonNode one : t) {
                    ok |= isType(one.asText(), value);
                }
            } else {
                ok = isType(t.asText(), value);
            }
            if (!ok) {
                out.add(path + " must be of type " + t + ", got " + value);
                return;
            }
        }
        if (value.isTextual()) {
            if (schema.has("minLength") && value.asText().length() < schema.get("minLength").asInt()) {
                out.add(path + " is shorter than " + schema.get("minLength").asInt());
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                out.add(path + " does not match " + schema.get("pattern").asText() + ": " + value);
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
                out.add(path + " must be >= " + schema.get("minimum") + ", got " + value);
            }
            if (schema.has("exclusiveMinimum") && value.asDouble() <= schema.get("exclusiveMinimum").asDouble()) {
                out.add(path + " must be > " + schema.get("exclusiveMinimum") + ", got " + value);
            }
        }
        if (value.isObject()) {
            if (schema.has("required")) {
                for (JsonNode r : schema.get("required")) {
                    if (!value.has(r.asText())) {
                        out.add(path + "." + r.asText() + " is required");
                    }
                }
            }
            if (schema.has("properties")) {
                schema.get("properties").fields().forEachRemaining(e -> {
                    if (value.has(e.getKey())) {
                        check(e.getValue(), value.get(e.getKey()), path + "." + e.getKey(), out);
                    }
                });
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", out);
            }
        }
    }

    private static boolean isType(String type, JsonNode v) {
        return switch (type) {
            case "string" -> v.isTextual();
            case "number" -> v.isNumber();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            default -> false;
        };
    }
}
