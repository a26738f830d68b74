package io.github.rltrading.learning.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rltrading.core.trading.Side;
import io.github.rltrading.learning.experience.Experience;
import io.github.rltrading.learning.experience.TradeOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FineTuneExporterTest {

    static final Instant T0 = Instant.parse("2026-11-30T14:30:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Experience experience(long id, Double pnl, String reflection) {
        Experience e = new Experience(id, "ES", "v3_20261130_101500", T0.plusSeconds(60 * id), new float[] {0.1f},
                new float[] {1f}, pnl == null ? 0.0 : pnl / 100, new float[] {0.2f}, false,
                Map.of("volume", 1200.0, "atr", 2.5), 0.82, 0.7, null, reflection);
        return pnl == null ? e : e.withOutcome(new TradeOutcome(pnl, Duration.ofMinutes(25), Side.BUY));
    }

    static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void onlyAnnotatedHighValueAndFailedTradesAreExportedWithTheirLabels() throws IOException {
        List<Experience> experiences = List.of(
                experience(1, 300.0, "Trend agreement paid off."),
                experience(2, -50.0, "Entered against the 15m trend."),
                experience(3, 50.0, "A small win."),
                experience(4, -80.0, null),
                experience(5, -80.0, "   "),
                experience(6, null, "Reflection without a closed trade."),
                experience(7, 0.0, "Scratch trade."));
        Path file = dir.resolve("out.jsonl");

        ExportSummary summary = FineTuneExporter.builder().highValueMinPnl(100).build().export(experiences, file);

        assertThat(summary.file()).isEqualTo(file.toAbsolutePath());
        assertThat(summary.highValue()).isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.written()).isEqualTo(2);
        assertThat(summary.skipped()).containsExactlyInAnyOrderEntriesOf(Map.of(SkipReason.NO_REFLECTION, 2,
                SkipReason.NO_OUTCOME, 1, SkipReason.BELOW_HIGH_VALUE, 2));
        assertThat(summary.skippedTotal()).isEqualTo(5);
        List<JsonNode> lines = lines(file);
        assertThat(lines).extracting(l -> l.get("metadata").get("id").asLong()).containsExactly(1L, 2L);
        assertThat(lines).extracting(l -> l.get("metadata").get("label").asText()).containsExactly("high_value", "failed");
        assertThat(lines.get(1).get("metadata").get("pnl").asDouble()).isEqualTo(-50.0);
        assertThat(lines.get(1).get("metadata").get("instrument").asText()).isEqualTo("ES");
        assertThat(lines.get(1).get("metadata").get("time").asText()).isEqualTo("2026-11-30T14:32:00Z");
    }

    @Test
    void eachLineHoldsSystemUserAndAssistantMessagesInOrder() throws IOException {
        String reflection = "{\"what_worked\": \"nothing\",\n \"lessons\": [\"wait for \\\"confirmation\\\"\"]}";
        Path file = dir.resolve("out.jsonl");

        FineTuneExporter.builder().build().export(List.of(experience(9, -120.5, reflection)), file);

        List<String> raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(raw).hasSize(1); // the newline inside the reflection is escaped, not a line break
        JsonNode messages = JSON.readTree(raw.get(0)).get("messages");
        assertThat(messages).extracting(m -> m.get("role").asText()).containsExactly("system", "user", "assistant");
        assertThat(messages.get(0).get("content").asText()).isEqualTo(FineTuneExporter.DEFAULT_SYSTEM_PROMPT);
        assertThat(messages.get(2).get("content").asText()).isEqualTo(reflection);
        assertThat(messages.get(1).get("content").asText()).isEqualTo("""
                Reflect on this closed trade.
                Instrument: ES
                Time: 2026-11-30T14:39:00Z
                Model version: v3_20261130_101500
                Action: 1.0
                Policy confidence: 0.82
                Reasoner confidence: 0.70
                Market conditions: atr=2.5, volume=1200
                Outcome: long trade, net P&L -120.50 after costs, held 25m""");
    }

    @Test
    void withTheDefaultThresholdEveryWinIsHighValue() throws IOException {
        Path file = dir.resolve("out.jsonl");

        ExportSummary summary = FineTuneExporter.builder().systemPrompt("  Be brief.  ").build()
                .export(List.of(experience(1, 0.25, "ok"), experience(2, 0.0, "flat")), file);

        assertThat(summary.highValue()).isEqualTo(1);
        assertThat(summary.skipped(SkipReason.BELOW_HIGH_VALUE)).isEqualTo(1);
        assertThat(lines(file).get(0).get("messages").get(0).get("content").asText()).isEqualTo("Be brief.");
    }

    @Test
    void theWriteIsAtomicAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("nested/out.jsonl");

        FineTuneExporter.builder().build().export(List.of(experience(1, 10.0, "ok")), file);
        ExportSummary again = FineTuneExporter.builder().build().export(List.of(experience(2, -10.0, "bad")), file);

        assertThat(again.written()).isEqualTo(1);
        assertThat(lines(file)).singleElement().satisfies(l -> assertThat(l.get("metadata").get("id").asLong()).isEqualTo(2));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFailureMidwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("out.jsonl");
        Files.writeString(file, "previous export\n");
        Iterable<Experience> failing = () -> new Iterator<>() {
            int served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Experience next() {
                if (served++ == 2) {
                    throw new IllegalStateException("experience store closed");
                }
                return experience(served, -5.0, "lesson " + served);
            }
        };

        assertThatThrownBy(() -> FineTuneExporter.builder().build().export(failing, file))
                .isInstanceOf(IllegalStateException.class).hasMessage("experience store closed");

        assertThat(Files.readString(file)).isEqualTo("previous export\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void theDefaultSystemPromptIsTheReasonersBuiltInOne() throws IOException {
        // the reasoner sends its system prompt with every call, so the examples must be trained with it
        Path system = Path.of("../rl-reasoning-ollama/src/main/resources/io/github/rltrading/reasoning/prompts/system.txt");
        assumeTrue(Files.exists(system), "the reasoner's sources are not next to this module: " + system.toAbsolutePath());

        assertThat(FineTuneExporter.DEFAULT_SYSTEM_PROMPT).isEqualTo(Files.readString(system).strip());
    }

    @Test
    void badSettingsAreRefusedWithTheFix() {
        assertThatThrownBy(() -> FineTuneExporter.builder().highValueMinPnl(-1))
                .hasMessage("fine-tuning highValueMinPnl must be a finite number >= 0 (account currency), got -1.0; "
                        + "losing trades are exported as 'failed' whatever it is");
        assertThatThrownBy(() -> FineTuneExporter.builder().systemPrompt(" "))
                .hasMessage("fine-tuning systemPrompt must not be blank; give the reasoner's system prompt, or leave the "
                        + "default");
        List<Experience> withNull = new ArrayList<>();
        withNull.add(experience(1, 1.0, "ok"));
        withNull.add(null);
        assertThatThrownBy(() -> FineTuneExporter.builder().build().export(withNull, dir.resolve("x.jsonl")))
                .hasMessage("experience #1 is null; the iterable must hold experiences only");
    }
}
