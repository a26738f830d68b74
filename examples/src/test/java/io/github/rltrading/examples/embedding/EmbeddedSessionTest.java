package io.github.rltrading.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.SessionResult;
import io.github.rltrading.core.journal.EventType;
import io.github.rltrading.core.journal.JournalReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding example runs end to end, and the host's own gate took part in the decisions. */
class EmbeddedSessionTest {

    @Test
    void theHostComposesTradesAndItsGateSpeaks(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SessionResult result = EmbeddedSession.run(8, dir, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(result.trades()).as("the EMA cross traded; output: %s", printed).isNotEmpty();
        assertThat(printed).contains("host: 10,000 bars").contains("trades, final equity");
        List<String> hostVerdicts;
        try (var events = JournalReader.read(dir)) {
            hostVerdicts = events.filter(e -> e.type() == EventType.RISK_VERDICT)
                    .filter(e -> "host-no-late-entries".equals(e.data().path("gate").asText()))
                    .filter(e -> "REJECT".equals(e.data().path("outcome").asText()))
                    .map(e -> e.data().path("reason").asText()).toList();
        }
        assertThat(hostVerdicts).as("the host's gate rejected late entries").isNotEmpty()
                .allMatch(r -> r.startsWith("no new positions between 15:45 and 16:00 New York (desk rule); it is 15:"));
    }
}
