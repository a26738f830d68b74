package io.github.rltrading.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.learning.experience.Experience;
import io.github.rltrading.learning.experience.ExperienceStore;
import io.github.rltrading.learning.experience.TradeOutcome;
import io.github.rltrading.learning.training.ContinuousLearner;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reasoner's fine-tuning data as minimal chat JSON Lines: one line per annotated experience,
 * {@code {"messages": [system, user, assistant]}}, where the user message describes the decision
 * and how the trade ended and the assistant message is the reflection stored with it. A stand-in
 * until the real exporter lands (see {@link Tuners#fineTuneExport}).
 *
 * <p>Written to a temporary file and moved into place, so a reader never sees half a file. At most
 * {@value #MAX_EXAMPLES} experiences, oldest first.
 */
final class ChatJsonlExport implements ContinuousLearner.FineTuneExport {

    static final int MAX_EXAMPLES = 100_000;
    static final String SYSTEM = "You review the decisions of an automated trading agent. Given a decision, the market "
            + "conditions and how the trade ended, explain what was right or wrong about it and what to do next time.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public long export(ExperienceStore store, String partition, Path out) throws IOException {
        List<Experience> annotated = store.annotated(partition, MAX_EXAMPLES);
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, out.getFileName().toString(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (Experience e : annotated) {
                    w.write(JSON.writeValueAsString(example(e)));
                    w.write('\n');
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return annotated.size();
    }

    static ObjectNode example(Experience e) {
        ObjectNode line = JSON.createObjectNode();
        ArrayNode messages = line.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM);
        messages.addObject().put("role", "user").put("content", describe(e));
        messages.addObject().put("role", "assistant").put("content", e.reflection());
        return line;
    }

    /** The decision and its outcome in words, the same layout for every example. */
    static String describe(Experience e) {
        StringBuilder s = new StringBuilder();
        s.append("Instrument ").append(e.instrument()).append(" at ").append(e.time()).append(". ");
        s.append(e.modelVersion().isEmpty() ? "The policy" : "Model " + e.modelVersion()).append(" chose action ")
                .append(Arrays.toString(e.action())).append(String.format(Locale.ROOT, " with confidence %.2f", e.policyConfidence()));
        if (e.hasReasoner()) {
            s.append(String.format(Locale.ROOT, "; the reasoner's confidence was %.2f", e.reasonerConfidence()));
        }
        s.append(String.format(Locale.ROOT, ". Reward %.4f.", e.reward()));
        Map<String, Double> market = new TreeMap<>(e.marketConditions());
        if (!market.isEmpty()) {
            s.append(" Market:");
            market.forEach((k, v) -> s.append(' ').append(k).append('=').append(String.format(Locale.ROOT, "%.4g", v)));
            s.append('.');
        }
        TradeOutcome o = e.outcome();
        s.append(o == null ? " The trade's outcome is not known." : String.format(Locale.ROOT, " Outcome: %s trade, P&L %.2f over %s.",
                o.side(), o.pnl(), o.duration()));
        return s.toString();
    }
}
