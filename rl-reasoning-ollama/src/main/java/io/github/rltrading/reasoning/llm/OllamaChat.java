package io.github.rltrading.reasoning.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Ollama's chat API ({@code POST /api/chat}), streamed, with the answer constrained by
 * {@code format} to a JSON schema. Reasoning ("thinking") models are handled both ways: the
 * separate {@code message.thinking} field of current Ollama and a legacy {@code <think>} block in
 * the content. Error replies ({@code {"error": "..."}}) are recognised as the HTTP body and as a
 * line in the middle of the stream.
 *
 * <pre>{@code
 * OllamaChat chat = OllamaChat.builder().model("deepseek-r1:8b").numPredict(512).build();
 * chat.checkReady(Duration.ofSeconds(5));   // "model deepseek-r1:8b is not pulled ...: run ollama pull deepseek-r1:8b"
 * }</pre>
 */
public final class OllamaChat implements LlmChat {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Ollama's default address. */
    public static final String DEFAULT_URL = "http://localhost:11434";

    private final URI base;
    private final String model;
    private final Double temperature;
    private final Long seed;
    private final int numPredict;
    private final int numCtx;
    private final String keepAlive;
    private final boolean think;
    private final long maxReplyBytes;
    private final HttpClient http;

    private OllamaChat(Builder b) {
        this.base = URI.create(b.baseUrl.endsWith("/") ? b.baseUrl : b.baseUrl + "/");
        this.model = b.model;
        this.temperature = b.temperature;
        this.seed = b.seed;
        this.numPredict = b.numPredict;
        this.numCtx = b.numCtx;
        this.keepAlive = b.keepAlive;
        this.think = b.think;
        this.maxReplyBytes = b.maxReplyBytes;
        this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URL from the {@code OLLAMA_HOST} environment variable as Ollama reads it
     * ({@code host}, {@code host:port} or a full URL), else {@link #DEFAULT_URL}.
     */
    public static String urlFromEnvironment(String ollamaHost) {
        if (ollamaHost == null || ollamaHost.isBlank()) {
            return DEFAULT_URL;
        }
        String h = ollamaHost.strip();
        if (!h.contains("://")) {
            h = "http://" + h;
        }
        String afterScheme = h.substring(h.indexOf("://") + 3);
        if (!afterScheme.contains(":")) {
            h = h.replaceAll("/+$", "") + ":11434";
        }
        return h.replace("://0.0.0.0", "://127.0.0.1");
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String endpoint() {
        return base.toString();
    }

    @Override
    public ChatReply chat(List<ChatMessage> messages, ObjectNode schema, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        ObjectNode body = JSON.createObjectNode().put("model", model).put("stream", true).put("keep_alive", keepAlive);
        if (think) {
            body.put("think", true);
        }
        ArrayNode msgs = body.putArray("messages");
        for (ChatMessage m : messages) {
            msgs.addObject().put("role", m.role()).put("content", m.content());
        }
        if (schema != null) {
            body.set("format", schema);
        }
        ObjectNode options = body.putObject("options").put("num_predict", numPredict).put("num_ctx", numCtx);
        if (temperature != null) {
            options.put("temperature", temperature);
        }
        if (seed != null) {
            options.put("seed", seed);
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/chat")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        String what = "ollama " + base + " model " + model;
        HttpResponse<InputStream> response = send(request, what);
        if (response.statusCode() != 200) {
            throw errorReply(response, deadline, what);
        }
        StringBuilder content = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        boolean[] done = {false};
        Http.lines(response.body(), maxReplyBytes, deadline, what, line -> {
            if (line.isBlank()) {
                return true;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                throw new LlmException(what + ": the stream sent a line that is not JSON: " + abbreviate(line));
            }
            if (n.hasNonNull("error")) {
                throw new LlmException(what + ": the server reported an error mid-stream: " + n.get("error").asText());
            }
            JsonNode message = n.path("message");
            content.append(message.path("content").asText(""));
            thinking.append(message.path("thinking").asText(""));
            if (n.path("done").asBoolean(false)) {
                done[0] = true;
                if ("length".equals(n.path("done_reason").asText())) {
                    throw new LlmException(what + ": the answer was cut at num_predict=" + numPredict
                            + " tokens before it was complete; raise num-predict or ask for less thinking");
                }
                return false;
            }
            return true;
        });
        if (!done[0]) {
            throw new LlmException(what + ": the stream ended without a final \"done\" message (connection closed early)");
        }
        return ChatReply.of(content.toString(), thinking.toString(), model, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void checkReady(Duration timeout) {
        String what = "ollama " + base;
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/tags")).timeout(timeout).GET().build();
        HttpResponse<InputStream> response = send(request, what);
        long deadline = System.nanoTime() + timeout.toNanos();
        if (response.statusCode() != 200) {
            throw errorReply(response, deadline, what);
        }
        JsonNode tags;
        try {
            tags = JSON.readTree(Http.text(response.body(), 16 << 20, deadline, what));
        } catch (IOException e) {
            throw new LlmException(what + ": /api/tags did not answer JSON (" + e.getMessage() + ")");
        }
        String wanted = model.contains(":") ? model : model + ":latest";
        for (JsonNode m : tags.path("models")) {
            String name = m.path("name").asText(m.path("model").asText(""));
            if (name.equals(model) || name.equals(wanted)) {
                return;
            }
        }
        throw new LlmException("model " + model + " is not pulled on " + base + "; run: ollama pull " + model);
    }

    private HttpResponse<InputStream> send(HttpRequest request, String what) {
        return Http.send(http, request, what, "; is Ollama running? Start it with `ollama serve`, or set OLLAMA_HOST / base-url");
    }

    private LlmException errorReply(HttpResponse<InputStream> response, long deadline, String what) {
        String text;
        try {
            text = Http.text(response.body(), 64 << 10, deadline, what).strip();
        } catch (LlmException e) {
            text = "(unreadable body: " + e.getMessage() + ")";
        }
        String error = text;
        try {
            JsonNode n = JSON.readTree(text);
            if (n != null && n.hasNonNull("error")) {
                error = n.get("error").isTextual() ? n.get("error").asText() : n.get("error").toString();
            }
        } catch (IOException ignored) {
            // not JSON: keep the text
        }
        String hint = response.statusCode() == 404 && error.contains("not found")
                ? "; run: ollama pull " + model : "";
        return new LlmException(what + ": HTTP " + response.statusCode() + ": " + abbreviate(error) + hint);
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " chars)";
    }

    /** Settings; the defaults suit DeepSeek-R1 8B on a GPU with a 2-second budget. */
    public static final class Builder {
        private String baseUrl = urlFromEnvironment(System.getenv("OLLAMA_HOST"));
        private String model = "deepseek-r1:8b";
        private Double temperature = 0.1;
        private Long seed;
        private int numPredict = 512;
        private int numCtx = 4096;
        private String keepAlive = "30m";
        private boolean think = true;
        private long maxReplyBytes = 1 << 20;
        private Duration connectTimeout = Duration.ofSeconds(2);

        public Builder baseUrl(String value) {
            this.baseUrl = Objects.requireNonNull(value, "baseUrl");
            return this;
        }

        public Builder model(String value) {
            this.model = Objects.requireNonNull(value, "model");
            return this;
        }

        /** Sampling temperature; null leaves the model's default. */
        public Builder temperature(Double value) {
            this.temperature = value;
            return this;
        }

        /** A seed for reproducible answers; null for none. */
        public Builder seed(Long value) {
            this.seed = value;
            return this;
        }

        /** Cap on generated tokens ({@code num_predict}), thinking included: the main latency lever. */
        public Builder numPredict(int value) {
            this.numPredict = value;
            return this;
        }

        public Builder numCtx(int value) {
            this.numCtx = value;
            return this;
        }

        /** How long Ollama keeps the model loaded after a call ({@code keep_alive}, e.g. "30m"). */
        public Builder keepAlive(String value) {
            this.keepAlive = Objects.requireNonNull(value, "keepAlive");
            return this;
        }

        /** Whether to ask a thinking model to think ({@code think}); false answers faster. */
        public Builder think(boolean value) {
            this.think = value;
            return this;
        }

        public Builder maxReplyBytes(long value) {
            this.maxReplyBytes = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value, "connectTimeout");
            return this;
        }

        public OllamaChat build() {
            return new OllamaChat(this);
        }
    }
}
