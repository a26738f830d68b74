package io.github.rltrading.reasoning;

import static io.github.rltrading.reasoning.FakeOllama.send;
import static io.github.rltrading.reasoning.FakeOllama.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.reasoning.llm.LlmException;
import io.github.rltrading.reasoning.llm.OllamaChat;
import io.github.rltrading.reasoning.llm.OpenAiChat;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Ollama reasoner against a local server that speaks Ollama's API, in every way a reply can go. */
class OllamaReasonerTest {

    static final Duration TIMEOUT = Duration.ofMillis(800);
    FakeOllama server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOllama();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    LlmReasoner reasoner(String url) {
        return new LlmReasoner(OllamaChat.builder().baseUrl(url).seed(7L).build(), Prompts.defaults(), TIMEOUT, null);
    }

    @Test
    void aThinkingReplyGivesTheAssessmentAndTheRequestAsksForTheSchema() throws Exception {
        server.onChat(ex -> stream(ex, FakeOllama.fixture("deepseek-r1-thinking.ndjson"), 2));
        Assessment a = reasoner(server.url()).assess(Requests.request());
        assertThat(a.verdict()).isEqualTo(Assessment.Verdict.APPROVE);
        assertThat(a.confidence()).isEqualTo(0.72);
        assertThat(a.reasons()).containsExactly("short-term momentum and volume agree with the long", "RSI 68 is near overbought");
        assertThat(a.source()).isEqualTo("ollama:deepseek-r1:8b");

        JsonNode sent = new ObjectMapper().readTree(server.requests.get(0));
        assertThat(sent.get("model").asText()).isEqualTo("deepseek-r1:8b");
        assertThat(sent.get("stream").asBoolean()).isTrue();
        assertThat(sent.get("think").asBoolean()).isTrue();
        assertThat(sent.get("format").get("required").toString()).contains("verdict", "size_multiplier");
        assertThat(sent.get("options").get("num_predict").asInt()).isEqualTo(512);
        assertThat(sent.get("options").get("seed").asLong()).isEqualTo(7);
        assertThat(sent.get("keep_alive").asText()).isEqualTo("30m");
        String prompt = sent.get("messages").get(1).get("content").asText();
        assertThat(prompt).contains("position 0 -> 1 (open long)", "rsi14 = 68.2", "ATR(14)");
    }

    @Test
    void legacyThinkTagsInTheContentAreStripped() throws Exception {
        server.onChat(ex -> stream(ex, FakeOllama.fixture("deepseek-r1-legacy-think.ndjson"), 0));
        OllamaChat chat = OllamaChat.builder().baseUrl(server.url()).build();
        var reply = chat.chat(List.of(io.github.rltrading.reasoning.llm.ChatMessage.user("x")), Answers.assessmentSchema(), TIMEOUT);
        assertThat(reply.thinking()).isEqualTo("The trend is down on every horizon; a long here fights it.");
        assertThat(Answers.assessment(reply.content(), "t").verdict()).isEqualTo(Assessment.Verdict.REJECT);
    }

    @Test
    void aSlowReplyFailsAtTheTimeoutNotWhenTheServerFinishes() {
        server.onChat(ex -> {
            Thread.sleep(5_000);
            stream(ex, List.of("{}"), 0);
        });
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> reasoner(server.url()).assess(Requests.request()))
                .isInstanceOf(LlmException.class).hasMessageContaining("no answer within PT0.8S");
        // Generous bound on a shared machine: far below the server's 5 s.
        assertThat((System.nanoTime() - t0) / 1e6).isLessThan(TIMEOUT.toMillis() + 1500);
    }

    @Test
    void aModelThatIsNotPulledSaysHowToPullIt() {
        server.onChat(ex -> send(ex, 404, "{\"error\":\"model 'deepseek-r1:8b' not found\"}"));
        assertThatThrownBy(() -> reasoner(server.url()).assess(Requests.request()))
                .hasMessage("ollama " + server.url() + "/ model deepseek-r1:8b: HTTP 404: model 'deepseek-r1:8b' not found; "
                        + "run: ollama pull deepseek-r1:8b");
        server.onTags(ex -> send(ex, 200, "{\"models\":[{\"name\":\"llama3.2:latest\"}]}"));
        assertThatThrownBy(() -> OllamaChat.builder().baseUrl(server.url()).build().checkReady(TIMEOUT))
                .hasMessage("model deepseek-r1:8b is not pulled on " + server.url() + "/; run: ollama pull deepseek-r1:8b");
        server.onTags(ex -> send(ex, 200, "{\"models\":[{\"name\":\"deepseek-r1:8b\"}]}"));
        OllamaChat.builder().baseUrl(server.url()).build().checkReady(TIMEOUT);
    }

    @Test
    void serverErrorsMalformedAndOffSchemaAnswersAreErrorsNamingTheProblem() {
        server.onChat(ex -> send(ex, 500, "{\"error\":\"CUDA error: out of memory\"}"));
        assertThatThrownBy(() -> reasoner(server.url()).assess(Requests.request()))
                .hasMessageEndingWith("HTTP 500: CUDA error: out of memory");

        server.onChat(ex -> stream(ex, List.of(line("{\"verdict\": \"approve\", \"confid"), done()), 0));
        assertThatThrownBy(() -> reasoner(server.url()).assess(Requests.request()))
                .isInstanceOf(LlmException.class).hasMessageStartingWith("the assessment is not");

        server.onChat(ex -> stream(ex, List.of(line("{\"verdict\":\"approve\",\"confidence\":1.7,\"risk_score\":0.2,"
                + "\"size_multiplier\":1,\"reasons\":[],\"alternative\":\"\"}"), done()), 0));
        assertThatThrownBy(() -> reasoner(server.url()).assess(Requests.request()))
                .hasMessage("the answer violates the schema: field confidence = 1.7, must be a number in [0, 1]");

        server.onChat(ex -> stream(ex, List.of(line("{\"verdict\":\"buy\",\"confidence\":0.5,\"risk_score\":0.2,"
                + "\"size_multiplier\":1,\"reasons\":[],\"alternative\":\"\"}"), done()), 0));
        assertThatThrownBy(() -> reasoner(server.url()).assess(Requests.request()))
                .hasMessage("the answer violates the schema: field verdict = \"buy\", must be one of [approve, modify, reject]");

        server.onChat(ex -> stream(ex, List.of(line("{\"verdict\""), "{\"error\":\"an error was encountered while running the model\"}"), 0));
        assertThatThrownBy(() -> reasoner(server.url()).assess(Requests.request()))
                .hasMessageEndingWith("the server reported an error mid-stream: an error was encountered while running the model");

        server.onChat(ex -> stream(ex, List.of(line("{\"verdict\":")), 0));
        assertThatThrownBy(() -> reasoner(server.url()).assess(Requests.request()))
                .hasMessageEndingWith("the stream ended without a final \"done\" message (connection closed early)");
    }

    @Test
    void aTenMegabyteReplyIsCutOffAtTheCap() {
        String chunk = line("x".repeat(10_000));
        server.onChat(ex -> stream(ex, java.util.Collections.nCopies(1_000, chunk), 0));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> reasoner(server.url()).assess(Requests.request()))
                .hasMessageContaining("the reply is larger than 1048576 bytes; stopped reading");
        assertThat((System.nanoTime() - t0) / 1e6).isLessThan(TIMEOUT.toMillis() + 1500);
    }

    @Test
    void aConnectionResetIsAnErrorNotAHang() throws Exception {
        try (ServerSocket reset = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = reset.accept()) {
                    s.getInputStream().read(new byte[512]);
                    s.setSoLinger(true, 0); // close with RST
                } catch (Exception ignored) {
                    // the test is over
                }
            });
            assertThatThrownBy(() -> reasoner("http://127.0.0.1:" + reset.getLocalPort()).assess(Requests.request()))
                    .isInstanceOf(LlmException.class).hasMessageContaining("cannot reach the server");
        }
    }

    @Test
    void ollamaHostIsReadAsOllamaReadsIt() {
        assertThat(OllamaChat.urlFromEnvironment(null)).isEqualTo("http://localhost:11434");
        assertThat(OllamaChat.urlFromEnvironment("gpu-box")).isEqualTo("http://gpu-box:11434");
        assertThat(OllamaChat.urlFromEnvironment("0.0.0.0:11500")).isEqualTo("http://127.0.0.1:11500");
        assertThat(OllamaChat.urlFromEnvironment("https://llm.example.com:443")).isEqualTo("https://llm.example.com:443");
    }

    @Test
    void theOpenAiCompatibleProviderReadsReasoningContentAndErrors() {
        server.onChat(ex -> send(ex, 200, "{\"model\":\"deepseek-reasoner\",\"choices\":[{\"finish_reason\":\"stop\","
                + "\"message\":{\"role\":\"assistant\",\"reasoning_content\":\"weighing it\",\"content\":"
                + "\"{\\\"verdict\\\":\\\"modify\\\",\\\"confidence\\\":0.6,\\\"risk_score\\\":0.5,\\\"size_multiplier\\\":0.5,"
                + "\\\"reasons\\\":[\\\"volatile\\\"],\\\"alternative\\\":\\\"\\\"}\"}}]}"));
        LlmReasoner r = new LlmReasoner(OpenAiChat.builder().baseUrl(server.url() + "/v1").model("deepseek-reasoner")
                .apiKey("k").build(), Prompts.defaults(), TIMEOUT, null);
        Assessment a = r.assess(Requests.request());
        assertThat(a.verdict()).isEqualTo(Assessment.Verdict.MODIFY);
        assertThat(a.sizeMultiplier()).isEqualTo(0.5);
        assertThat(a.source()).isEqualTo("openai:deepseek-reasoner");
        assertThat(server.requests.get(0)).contains("\"response_format\":{\"type\":\"json_schema\"");

        server.onChat(ex -> send(ex, 401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}"));
        assertThatThrownBy(() -> r.assess(Requests.request()))
                .hasMessageEndingWith("HTTP 401: Incorrect API key provided; set the API key (api-key-env)");
    }

    static String line(String content) {
        return "{\"model\":\"deepseek-r1:8b\",\"message\":{\"role\":\"assistant\",\"content\":"
                + new ObjectMapper().valueToTree(content) + "},\"done\":false}";
    }

    static String done() {
        return "{\"model\":\"deepseek-r1:8b\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\"}";
    }
}
