package io.github.rltrading.broker.nt8.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Protocol v1 constants and the JSON helpers both the server and test clients use: building a
 * message, encoding it as one line, and reading fields with errors that name the field and value.
 */
public final class Protocol {

    /** The protocol version this code speaks. */
    public static final int VERSION = 1;
    /** The default TCP port. */
    public static final int DEFAULT_PORT = 8888;
    /** The default longest line accepted: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Protocol() {}

    /** A new message of {@code type} with {@code v} set. */
    public static ObjectNode message(MessageType type) {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", type.wireName());
        m.put("v", VERSION);
        return m;
    }

    /** An {@code error} message, with the offending request's id when known. */
    public static ObjectNode error(ErrorCode code, String text, String requestId) {
        ObjectNode m = message(MessageType.ERROR);
        if (requestId != null) {
            m.put("id", requestId);
        }
        m.put("code", code.wireName());
        m.put("message", text);
        return m;
    }

    /** The message as one UTF-8 line, {@code \n} included. */
    public static byte[] encode(JsonNode message) {
        try {
            byte[] body = JSON.writeValueAsBytes(message);
            byte[] line = new byte[body.length + 1];
            System.arraycopy(body, 0, line, 0, body.length);
            line[body.length] = '\n';
            return line;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses one line into a JSON object.
     *
     * @throws ProtocolException with {@link ErrorCode#MALFORMED_JSON} when it is not one
     */
    public static ObjectNode parse(byte[] line) throws ProtocolException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new ProtocolException(ErrorCode.MALFORMED_JSON, "not valid JSON: " + why, null);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ProtocolException(ErrorCode.MALFORMED_JSON,
                    "a message must be a JSON object, got " + (node == null || node.isMissingNode() ? "an empty line" : node.getNodeType()), null);
        }
        return object;
    }

    /** The message's {@code id}, or null. */
    public static String id(JsonNode message) {
        JsonNode id = message.get("id");
        return id == null || id.isNull() ? null : id.asText();
    }

    /** A required text field. */
    public static String text(JsonNode message, String field) throws ProtocolException {
        JsonNode n = message.get(field);
        if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
            throw bad(message, field, n, "a non-empty string");
        }
        return n.asText();
    }

    /** An optional text field, or {@code fallback}. */
    public static String text(JsonNode message, String field, String fallback) {
        JsonNode n = message.get(field);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    /** A required finite number. */
    public static double number(JsonNode message, String field) throws ProtocolException {
        JsonNode n = message.get(field);
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw bad(message, field, n, "a finite number");
        }
        return n.asDouble();
    }

    /** An optional number: NaN when absent or null. */
    public static double optionalNumber(JsonNode message, String field) throws ProtocolException {
        JsonNode n = message.get(field);
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        if (!n.isNumber()) {
            throw bad(message, field, n, "a number or null");
        }
        return n.asDouble();
    }

    /** A required ISO-8601 instant such as {@code 2026-11-20T14:31:00Z}. */
    public static Instant time(JsonNode message, String field) throws ProtocolException {
        String text = text(message, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(message, field, message.get(field), "an ISO-8601 UTC time such as 2026-11-20T14:31:00Z");
        }
    }

    private static ProtocolException bad(JsonNode message, String field, JsonNode value, String expected) {
        String type = text(message, "type", "?");
        return new ProtocolException(ErrorCode.BAD_MESSAGE, type + "." + field + " must be " + expected + ", got "
                + (value == null ? "nothing" : value.toString()), id(message));
    }
}
