package io.github.rltrading.reasoning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.core.decision.Reflection;
import io.github.rltrading.reasoning.llm.LlmException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON shapes a language model is asked for (sent as the request's schema, so servers that
 * support structured output constrain the answer) and their strict reading: a reply that is not
 * JSON, lacks a field, has the wrong type or a value out of range is an {@link LlmException} naming
 * the field and the value, never a guessed default.
 */
public final class Answers {

    static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {}

    /** Schema of a pre-trade assessment. */
    public static ObjectNode assessmentSchema() {
        ObjectNode s = object();
        ObjectNode p = (ObjectNode) s.get("properties");
        p.putObject("verdict").put("type", "string").putArray("enum").add("approve").add("modify").add("reject");
        unit(p, "confidence");
        unit(p, "risk_score");
        unit(p, "size_multiplier");
        strings(p, "reasons");
        p.putObject("alternative").put("type", "string");
        required(s, "verdict", "confidence", "risk_score", "size_multiplier", "reasons", "alternative");
        return s;
    }

    /** Schema of a post-trade reflection. */
    public static ObjectNode reflectionSchema() {
        ObjectNode s = object();
        ObjectNode p = (ObjectNode) s.get("properties");
        p.putObject("what_worked").put("type", "string");
        strings(p, "warning_signs_missed");
        p.putObject("conditions_effect").put("type", "string");
        strings(p, "lessons");
        p.putObject("suggested_adaptation").put("type", "string");
        required(s, "what_worked", "warning_signs_missed", "conditions_effect", "lessons", "suggested_adaptation");
        return s;
    }

    /** Schema of a risk assessment. */
    public static ObjectNode riskSchema() {
        ObjectNode s = object();
        ObjectNode p = (ObjectNode) s.get("properties");
        p.putObject("risk_reward").put("type", "number").put("minimum", 0);
        p.putObject("max_loss").put("type", "number").put("minimum", 0);
        strings(p, "invalidating_conditions");
        unit(p, "confidence");
        required(s, "risk_reward", "max_loss", "invalidating_conditions", "confidence");
        return s;
    }

    /** Schema of a regime classification. */
    public static ObjectNode regimeSchema() {
        ObjectNode s = object();
        ObjectNode p = (ObjectNode) s.get("properties");
        ArrayNode kinds = p.putObject("regime").put("type", "string").putArray("enum");
        for (MarketRegime.Kind k : MarketRegime.Kind.values()) {
            kinds.add(k.wireName());
        }
        unit(p, "confidence");
        p.putObject("explanation").put("type", "string");
        required(s, "regime", "confidence", "explanation");
        return s;
    }

    public static Assessment assessment(String text, String source) {
        JsonNode n = parse(text, "assessment");
        String verdict = enumText(n, "verdict", List.of("approve", "modify", "reject"));
        return new Assessment(Assessment.Verdict.valueOf(verdict.toUpperCase(Locale.ROOT)), unit(n, "confidence"),
                unit(n, "risk_score"), unit(n, "size_multiplier"), stringList(n, "reasons"), text(n, "alternative"), source);
    }

    public static Reflection reflection(String text, String tradeId, String source) {
        JsonNode n = parse(text, "reflection");
        return new Reflection(tradeId, text(n, "what_worked"), stringList(n, "warning_signs_missed"),
                text(n, "conditions_effect"), stringList(n, "lessons"), text(n, "suggested_adaptation"), source);
    }

    public static RiskAssessment risk(String text, String source) {
        JsonNode n = parse(text, "risk assessment");
        return new RiskAssessment(nonNegative(n, "risk_reward"), nonNegative(n, "max_loss"),
                stringList(n, "invalidating_conditions"), unit(n, "confidence"), source);
    }

    public static MarketRegime regime(String text, Instant asOf, String source) {
        JsonNode n = parse(text, "regime");
        List<String> kinds = new ArrayList<>();
        for (MarketRegime.Kind k : MarketRegime.Kind.values()) {
            kinds.add(k.wireName());
        }
        String kind = enumText(n, "regime", kinds);
        return new MarketRegime(MarketRegime.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), unit(n, "confidence"),
                text(n, "explanation"), asOf, source);
    }

    /**
     * The JSON object in {@code text}: the whole text, or the outermost {@code {...}} inside prose or
     * a code fence (models without structured output sometimes wrap it).
     */
    static JsonNode parse(String text, String what) {
        String t = text == null ? "" : text.strip();
        int open = t.indexOf('{');
        int close = t.lastIndexOf('}');
        if (open < 0 || close < open) {
            throw new LlmException("the " + what + " is not JSON: " + abbreviate(t));
        }
        try {
            JsonNode n = JSON.readTree(t.substring(open, close + 1));
            if (n == null || !n.isObject()) {
                throw new LlmException("the " + what + " is not a JSON object: " + abbreviate(t));
            }
            return n;
        } catch (IOException e) {
            throw new LlmException("the " + what + " is not valid JSON (" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + "): " + abbreviate(t));
        }
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new LlmException("the answer violates the schema: field " + name + " is missing in " + abbreviate(n.toString()));
        }
        return v;
    }

    private static double unit(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 1)) {
            throw new LlmException("the answer violates the schema: field " + name + " = " + v + ", must be a number in [0, 1]");
        }
        return v.asDouble();
    }

    private static double nonNegative(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isNumber() || !(v.asDouble() >= 0) || Double.isInfinite(v.asDouble())) {
            throw new LlmException("the answer violates the schema: field " + name + " = " + v + ", must be a number >= 0");
        }
        return v.asDouble();
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isTextual()) {
            throw new LlmException("the answer violates the schema: field " + name + " = " + v + ", must be a string");
        }
        return v.asText();
    }

    private static String enumText(JsonNode n, String name, List<String> allowed) {
        String v = text(n, name).strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new LlmException("the answer violates the schema: field " + name + " = \"" + v + "\", must be one of " + allowed);
        }
        return v;
    }

    private static List<String> stringList(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isArray()) {
            throw new LlmException("the answer violates the schema: field " + name + " = " + abbreviate(v.toString())
                    + ", must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new LlmException("the answer violates the schema: field " + name + " holds " + e + ", not a string");
            }
            out.add(e.asText());
        }
        return out;
    }

    private static ObjectNode object() {
        ObjectNode s = JSON.createObjectNode().put("type", "object");
        s.putObject("properties");
        s.put("additionalProperties", false);
        return s;
    }

    private static void unit(ObjectNode properties, String name) {
        properties.putObject(name).put("type", "number").put("minimum", 0).put("maximum", 1);
    }

    private static void strings(ObjectNode properties, String name) {
        properties.putObject(name).put("type", "array").putObject("items").put("type", "string");
    }

    private static void required(ObjectNode schema, String... names) {
        ArrayNode r = schema.putArray("required");
        for (String n : names) {
            r.add(n);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "... (" + s.length() + " chars)";
    }
}
