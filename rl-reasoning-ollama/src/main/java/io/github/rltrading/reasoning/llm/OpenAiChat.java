package io.github.rltrading.reasoning.llm;

import com.fasterxml.jackson.databind.JsonNode;
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
 * An OpenAI-compatible chat completions endpoint ({@code POST {base}/chat/completions}): OpenAI,
 * vLLM, llama.cpp's server, LM Studio, Ollama's own {@code /v1}, and hosted DeepSeek. The answer is
 * constrained with {@code response_format: {type: json_schema}}; a reasoning model's
 * {@code reasoning_content} (or a {@code <think>} block) becomes the reply's thinking.
 *
 * <pre>{@code
 * OpenAiChat chat = OpenAiChat.builder().baseUrl("http://localhost:8000/v1").model("deepseek-r1")
 *         .apiKey(System.getenv("OPENAI_API_KEY")).build();
 * }</pre>
 */
public final class OpenAiChat implements LlmChat {

    private final URI base;
    private final String model;
    private final String apiKey;
    private final Double temperature;
    private final Long seed;
    private final int maxTokens;
    private final long maxReplyBytes;
    private final HttpClient http;

    private OpenAiChat(Builder b) {
        this.base = URI.create(b.baseUrl.endsWith("/") ? b.baseUrl : b.baseUrl + "/");
        this.model = b.model;
        this.apiKey = b.apiKey;
        this.temperature = b.temperature;
        this.seed = b.seed;
        this.maxTokens = b.maxTokens;
        this.maxReplyBytes = b.maxReplyBytes;
        this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    public static Builder builder() {
        return new Builder();
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
        ObjectNode body = OllamaChat.JSON.createObjectNode().put("model", model).put("max_tokens", maxTokens)
                .put("stream", false);
        if (temperature != null) {
            body.put("temperature", temperature);
        }
        if (seed != null) {
            body.put("seed", seed);
        }
        ArrayNode msgs = body.putArray("messages");
        for (ChatMessage m : messages) {
            msgs.addObject().put("role", m.role()).put("content", m.content());
        }
        if (schema != null) {
            ObjectNode format = body.putObject("response_format").put("type", "json_schema");
            format.putObject("json_schema").put("name", "answer").put("strict", true).set("schema", schema);
        }
        String what = "openai-compatible " + base + " model " + model;
        HttpResponse<InputStream> response = send(request("chat/completions", timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), what);
        String text = Http.text(response.body(), maxReplyBytes, deadline, what);
        JsonNode n = parse(text, what);
        if (response.statusCode() != 200 || n.has("error")) {
            JsonNode error = n.path("error");
            String message = error.isTextual() ? error.asText() : error.path("message").asText(OllamaChat.abbreviate(text.strip()));
            throw new LlmException(what + ": HTTP " + response.statusCode() + ": " + message
                    + (response.statusCode() == 401 ? "; set the API key (api-key-env)" : ""));
        }
        JsonNode choice = n.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw new LlmException(what + ": the reply has no choices: " + OllamaChat.abbreviate(text.strip()));
        }
        if ("length".equals(choice.path("finish_reason").asText())) {
            throw new LlmException(what + ": the answer was cut at max_tokens=" + maxTokens + " before it was complete");
        }
        JsonNode message = choice.path("message");
        String thinking = message.path("reasoning_content").asText(message.path("reasoning").asText(""));
        return ChatReply.of(message.path("content").asText(""), thinking, n.path("model").asText(model),
                (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void checkReady(Duration timeout) {
        String what = "openai-compatible " + base;
        HttpResponse<InputStream> response = send(request("models", timeout).GET().build(), what);
        JsonNode n = parse(Http.text(response.body(), 16 << 20, System.nanoTime() + timeout.toNanos(), what), what);
        if (response.statusCode() != 200) {
            throw new LlmException(what + ": HTTP " + response.statusCode() + " from /models: "
                    + n.path("error").path("message").asText(n.toString()));
        }
        for (JsonNode m : n.path("data")) {
            if (model.equals(m.path("id").asText())) {
                return;
            }
        }
        throw new LlmException("model " + model + " is not served by " + base + "; it serves "
                + n.path("data").findValuesAsText("id"));
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
        if (apiKey != null && !apiKey.isBlank()) {
            r.header("Authorization", "Bearer " + apiKey);
        }
        return r;
    }

    private static JsonNode parse(String text, String what) {
        try {
            JsonNode n = OllamaChat.JSON.readTree(text);
            if (n == null || n.isMissingNode()) {
                throw new LlmException(what + ": empty reply");
            }
            return n;
        } catch (IOException e) {
            throw new LlmException(what + ": the reply is not JSON: " + OllamaChat.abbreviate(text.strip()));
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request, String what) {
        return Http.send(http, request, what, "");
    }

    /** Settings. */
    public static final class Builder {
        private String baseUrl = "https://api.openai.com/v1";
        private String model = "gpt-4o-mini";
        private String apiKey;
        private Double temperature = 0.1;
        private Long seed;
        private int maxTokens = 512;
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

        public Builder apiKey(String value) {
            this.apiKey = value;
            return this;
        }

        public Builder temperature(Double value) {
            this.temperature = value;
            return this;
        }

        public Builder seed(Long value) {
            this.seed = value;
            return this;
        }

        public Builder maxTokens(int value) {
            this.maxTokens = value;
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

        public OpenAiChat build() {
            return new OpenAiChat(this);
        }
    }
}
