package io.github.rltrading.learning.finetune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.core.trading.Side;
import io.github.rltrading.learning.experience.Experience;
import io.github.rltrading.learning.experience.TradeOutcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes annotated experiences as chat-format JSON Lines for LoRA fine-tuning of the reasoner with
 * external tools: one object per line,
 * <pre>{@code
 * {"messages":[{"role":"system","content":"..."},
 *              {"role":"user","content":"Instrument: ES\nTime: ...\nOutcome: long trade, net P&L -125.50 ..."},
 *              {"role":"assistant","content":"<the reasoner's reflection>"}],
 *  "metadata":{"id":42,"label":"failed","instrument":"ES","time":"...","modelVersion":"v3_...","pnl":-125.5,"reward":-0.8}}
 * }</pre>
 *
 * <p><b>What is exported</b>: only experiences with a reflection (the assistant's answer) and a
 * trade outcome, labelled
 * <ul>
 *   <li>{@link ExampleLabel#FAILED} when the trade's net P&amp;L is below 0;</li>
 *   <li>{@link ExampleLabel#HIGH_VALUE} when it is above 0 and at least {@code highValueMinPnl}
 *       (default 0: every winning trade). The threshold is in account currency, the unit of
 *       {@link TradeOutcome#pnl()}; P&amp;L was chosen over the reward because it is what a
 *       reflection talks about and does not depend on the reward's shaping or scale.</li>
 * </ul>
 * Everything else is counted in the {@link ExportSummary} by {@link SkipReason}.
 *
 * <p><b>Writing</b> is atomic: lines go to a temporary file next to the target, which is forced to
 * disk and then renamed over it, so a reader (or a crash) sees the old file or the complete new one,
 * never half of it; on any failure the temporary file is deleted and the target is untouched.
 * Experiences are streamed, never all held in memory. Thread-safe (immutable).
 *
 * <pre>{@code
 * ExportSummary summary = FineTuneExporter.builder().highValueMinPnl(250).build()
 *         .export(store.annotated("ES"), Path.of("finetune/es-reflections.jsonl"));
 * }</pre>
 */
public final class FineTuneExporter {

    /**
     * The system message of every example unless the builder sets another: the reasoner's built-in
     * system prompt ({@code rl-reasoning-ollama}'s {@code prompts/system.txt}, stripped), because the
     * reasoner sends it with every call and a request's system message replaces the Modelfile's
     * {@code SYSTEM}. If you changed it through {@code prompts-dir}, pass your text instead, so that
     * training matches use.
     */
    public static final String DEFAULT_SYSTEM_PROMPT = """
            You are a cautious risk analyst for an automated futures and equities trading system. A reinforcement
            learning policy proposes trades; you give a second opinion. You never place orders yourself, and hard
            risk limits are enforced after you by code, whatever you answer. Judge only from the data given. Be
            brief and concrete. Answer with JSON only, exactly in the requested shape.""";

    private static final Logger LOG = LoggerFactory.getLogger(FineTuneExporter.class);

    private final String systemPrompt;
    private final double highValueMinPnl;
    private final ObjectMapper mapper = new ObjectMapper();

    private FineTuneExporter(Builder b) {
        this.systemPrompt = b.systemPrompt;
        this.highValueMinPnl = b.highValueMinPnl;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes the labelled experiences of {@code experiences} to {@code target} (replacing it, creating
     * its directory) and says what was written and skipped.
     *
     * @throws UncheckedIOException if the file cannot be written; the target is then unchanged
     */
    public ExportSummary export(Iterable<Experience> experiences, Path target) {
        Objects.requireNonNull(experiences, "experiences");
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        int[] labelled = new int[ExampleLabel.values().length];
        Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                            StandardCharsets.UTF_8))) {
                long index = 0;
                for (Experience e : experiences) {
                    if (e == null) {
                        throw new NullPointerException("experience #" + index + " is null; the iterable must hold "
                                + "experiences only");
                    }
                    index++;
                    Classification c = classify(e);
                    if (c.skip() != null) {
                        skipped.merge(c.skip(), 1, Integer::sum);
                        continue;
                    }
                    out.write(mapper.writeValueAsString(example(e, c.label())));
                    out.write('\n');
                    labelled[c.label().ordinal()]++;
                }
                out.flush();
                channel.force(true); // the data is on disk before the rename makes it visible
            }
            move(temp, file);
            temp = null;
        } catch (IOException ex) {
            throw new UncheckedIOException("fine-tuning export to " + file + " failed: " + ex.getMessage(), ex);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
        ExportSummary summary = new ExportSummary(file, labelled[ExampleLabel.HIGH_VALUE.ordinal()],
                labelled[ExampleLabel.FAILED.ordinal()], skipped);
        LOG.info("fine-tuning export: {} examples ({} high_value, {} failed) to {}; skipped {}", summary.written(),
                summary.highValue(), summary.failed(), file, summary.skipped());
        return summary;
    }

    /** One example as written on its line, before serialisation; {@code e} has a reflection. */
    ObjectNode example(Experience e, ExampleLabel label) {
        ObjectNode line = mapper.createObjectNode();
        ArrayNode messages = line.putArray("messages");
        messages.addObject().put("role", "system").put("content", systemPrompt);
        messages.addObject().put("role", "user").put("content", marketContext(e));
        messages.addObject().put("role", "assistant").put("content", e.reflection().strip());
        ObjectNode meta = line.putObject("metadata");
        meta.put("id", e.id());
        meta.put("label", label.wireName());
        meta.put("instrument", e.instrument());
        meta.put("time", e.time().toString());
        meta.put("modelVersion", e.modelVersion());
        if (e.outcome() != null) {
            meta.put("pnl", e.outcome().pnl());
        }
        meta.put("reward", e.reward());
        return line;
    }

    /**
     * The user message: the trade and its market context as plain text, one fact a line. Public so
     * that a prompt built for the fine-tuned model can use the same layout.
     */
    public static String marketContext(Experience e) {
        StringBuilder sb = new StringBuilder("Reflect on this closed trade.\n");
        sb.append("Instrument: ").append(e.instrument()).append('\n');
        sb.append("Time: ").append(e.time()).append('\n');
        if (!e.modelVersion().isEmpty()) {
            sb.append("Model version: ").append(e.modelVersion()).append('\n');
        }
        sb.append("Action: ").append(action(e.action())).append('\n');
        sb.append("Policy confidence: ").append(String.format(Locale.ROOT, "%.2f", e.policyConfidence())).append('\n');
        sb.append("Reasoner confidence: ").append(e.hasReasoner()
                ? String.format(Locale.ROOT, "%.2f", e.reasonerConfidence()) : "none (no reasoner was asked)").append('\n');
        sb.append("Market conditions: ").append(conditions(e.marketConditions())).append('\n');
        TradeOutcome o = e.outcome();
        sb.append("Outcome: ").append(o == null ? "none recorded"
                : String.format(Locale.ROOT, "%s trade, net P&L %.2f after costs, held %s",
                        o.side() == Side.BUY ? "long" : "short", o.pnl(), duration(o.duration())));
        return sb.toString();
    }

    /** The label of {@code e}, or why it is skipped. */
    Classification classify(Experience e) {
        if (e.reflection() == null || e.reflection().isBlank()) {
            return new Classification(null, SkipReason.NO_REFLECTION);
        }
        if (e.outcome() == null) {
            return new Classification(null, SkipReason.NO_OUTCOME);
        }
        double pnl = e.outcome().pnl();
        if (pnl < 0) {
            return new Classification(ExampleLabel.FAILED, null);
        }
        if (pnl > 0 && pnl >= highValueMinPnl) {
            return new Classification(ExampleLabel.HIGH_VALUE, null);
        }
        return new Classification(null, SkipReason.BELOW_HIGH_VALUE);
    }

    record Classification(ExampleLabel label, SkipReason skip) {}

    public String systemPrompt() {
        return systemPrompt;
    }

    public double highValueMinPnl() {
        return highValueMinPnl;
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException ex) {
            // same directory, so this is rare (some network file systems); a plain replace is still
            // all-or-nothing for readers that open the file after it
            LOG.warn("fine-tuning export: {} does not support an atomic rename; replacing {} without it", file.getParent(),
                    file);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ex) {
            LOG.warn("fine-tuning export: could not delete the temporary file {}: {}", temp, ex.toString());
        }
    }

    private static String action(float[] action) {
        if (action.length == 1) {
            return Float.toString(action[0]);
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < action.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(action[i]);
        }
        return sb.append(']').toString();
    }

    private static String conditions(Map<String, Double> conditions) {
        if (conditions.isEmpty()) {
            return "none recorded";
        }
        StringBuilder sb = new StringBuilder();
        // sorted, so the same experience always gives the same text
        for (Map.Entry<String, Double> c : new TreeMap<>(conditions).entrySet()) {
            Double v = c.getValue();
            sb.append(sb.isEmpty() ? "" : ", ").append(c.getKey()).append('=')
                    .append(v != null && Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()
                            : "n/a");
        }
        return sb.toString();
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        long h = s / 3600;
        long m = (s % 3600) / 60;
        return h == 0 ? m + "m" : h + "h " + m + "m";
    }

    /** Settings of a {@link FineTuneExporter}. */
    public static final class Builder {
        private String systemPrompt = DEFAULT_SYSTEM_PROMPT;
        private double highValueMinPnl;

        private Builder() {}

        /** The system message of every example; default {@link FineTuneExporter#DEFAULT_SYSTEM_PROMPT}. */
        public Builder systemPrompt(String value) {
            Objects.requireNonNull(value, "systemPrompt");
            if (value.isBlank()) {
                throw new IllegalArgumentException("fine-tuning systemPrompt must not be blank; give the reasoner's "
                        + "system prompt, or leave the default");
            }
            systemPrompt = value.strip();
            return this;
        }

        /**
         * The least net P&amp;L (account currency) of a winning trade labelled high-value; default 0
         * (every win).
         */
        public Builder highValueMinPnl(double value) {
            if (!(value >= 0 && Double.isFinite(value))) {
                throw new IllegalArgumentException("fine-tuning highValueMinPnl must be a finite number >= 0 (account "
                        + "currency), got " + value + "; losing trades are exported as 'failed' whatever it is");
            }
            highValueMinPnl = value;
            return this;
        }

        public FineTuneExporter build() {
            return new FineTuneExporter(this);
        }
    }
}
