package io.github.rltrading.reasoning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rltrading.core.DecisionGate;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.journal.EventType;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.journal.JournalEvent;
import io.github.rltrading.core.journal.JournalReader;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.env.sim.ExecutionModel;
import io.github.rltrading.env.sim.ReplayFeed;
import io.github.rltrading.env.sim.SimBroker;
import io.github.rltrading.reasoning.llm.OllamaChat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Ollama reasoner inside the real decision loop: answers shape trades; failures fall back in time. */
class ReasonerInSessionTest {

    @TempDir
    Path dir;

    static final FeatureSet CLOSE = new FeatureSet() {
        public List<String> names() {
            return List.of("close");
        }

        public int warmUpBars() {
            return 0;
        }

        public void compute(BarSeries s, int i, float[] out, int offset) {
            out[offset] = (float) s.close(i);
        }
    };

    List<JournalEvent> run(LlmReasoner reasoner, int bars, Duration deadline) {
        Path journalDir = dir.resolve("journal-" + System.nanoTime());
        try (Journal journal = Journal.jsonLines(journalDir).open();
             TradingSession s = TradingSession.builder().instrument(ContractSpecs.ES)
                     .feed(ReplayFeed.of(Requests.bars(bars, 0.5), ContractSpecs.ES)).features(CLOSE)
                     .policy(o -> Decision.target(1, 0.75, "long", "test"))
                     .decisionGate(DecisionGate.builder().fastPath(0.9).floor(0.6).deadline(deadline).build())
                     .reasoner(reasoner).broker(new SimBroker(ExecutionModel.DEFAULT)).maxPosition(2).journal(journal)
                     .build()) {
            s.run();
        }
        try (var events = JournalReader.read(journalDir)) {
            return events.toList();
        }
    }

    @Test
    void anApprovalFromTheModelIsJournaledAndTraded() throws Exception {
        try (FakeOllama server = new FakeOllama()) {
            server.onChat(ex -> FakeOllama.stream(ex, FakeOllama.fixture("deepseek-r1-thinking.ndjson"), 0));
            List<JournalEvent> events = run(new LlmReasoner(OllamaChat.builder().baseUrl(server.url()).build(),
                    Prompts.defaults(), Duration.ofSeconds(2), null), 3, Duration.ofSeconds(2));
            assertThat(events.stream().filter(e -> e.type() == EventType.ASSESSMENT))
                    .first().satisfies(a -> assertThat(a.data().get("verdict").asText()).isEqualTo("APPROVE"));
            assertThat(events.stream().filter(e -> e.type() == EventType.ORDER)).isNotEmpty();
        }
    }

    @Test
    void aSlowModelFallsBackToThePolicyAtTheDeadline() throws Exception {
        try (FakeOllama server = new FakeOllama()) {
            server.onChat(ex -> {
                Thread.sleep(10_000);
                FakeOllama.stream(ex, List.of(), 0);
            });
            Duration deadline = Duration.ofMillis(300);
            long t0 = System.nanoTime();
            List<JournalEvent> events = run(new LlmReasoner(OllamaChat.builder().baseUrl(server.url()).build(),
                    Prompts.defaults(), Duration.ofSeconds(30), null), 2, deadline);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(events.stream().filter(e -> e.type() == EventType.ERROR).map(e -> e.data().get("message").asText()))
                    .contains("reasoner missed its 300 ms deadline; acting on the policy alone");
            assertThat(events.stream().filter(e -> e.type() == EventType.ORDER)).as("the policy alone traded").isNotEmpty();
            // Two decisions, each bounded by the deadline; far below the server's 10 s (loose for a shared machine).
            assertThat(seconds).isLessThan(5.0);
        }
    }

    /** Opt-in: runs against a real Ollama when OLLAMA_HOST is set (e.g. 127.0.0.1:11434 with deepseek-r1:8b pulled). */
    @Test
    void againstARealOllama() {
        String host = System.getenv("OLLAMA_HOST");
        assumeTrue(host != null && !host.isBlank(), "OLLAMA_HOST is not set: skipping the test against a real Ollama");
        String model = System.getenv().getOrDefault("OLLAMA_TEST_MODEL", "deepseek-r1:8b");
        OllamaChat chat = OllamaChat.builder().baseUrl(OllamaChat.urlFromEnvironment(host)).model(model).numPredict(2048).build();
        chat.checkReady(Duration.ofSeconds(10));
        Assessment a = new LlmReasoner(chat, Prompts.defaults(), Duration.ofMinutes(5), null).assess(Requests.request());
        assertThat(a.source()).isEqualTo("ollama:" + model);
        assertThat(a.confidence()).isBetween(0.0, 1.0);
    }
}
