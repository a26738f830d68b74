package io.github.rltrading.reasoning;

import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.core.decision.ReasoningRequest;
import io.github.rltrading.core.decision.Reflection;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.spi.Reasoner;
import io.github.rltrading.core.trading.ClosedTrade;
import io.github.rltrading.reasoning.llm.ChatMessage;
import io.github.rltrading.reasoning.llm.ChatReply;
import io.github.rltrading.reasoning.llm.LlmChat;
import io.github.rltrading.reasoning.llm.LlmException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reasoner backed by a language model ({@link LlmChat}: Ollama or an OpenAI-compatible server):
 * pre-trade assessments, post-trade reflections, risk assessments, and a market regime refreshed in
 * the background on a schedule and quoted in later prompts.
 *
 * <p>Every answer is requested as JSON with a schema and read strictly ({@link Answers}): a reply
 * that is late, an error, or not the shape asked for throws, and the session then acts on the
 * policy alone (its deadline applies on top of this reasoner's own {@code timeout}). The model's
 * thinking is logged at DEBUG, never parsed.
 *
 * <pre>{@code
 * LlmReasoner r = new LlmReasoner(OllamaChat.builder().model("deepseek-r1:8b").build(),
 *         Prompts.defaults(), Duration.ofSeconds(2), Duration.ofMinutes(15));
 * }</pre>
 */
public final class LlmReasoner implements Reasoner {

    private static final Logger LOG = LoggerFactory.getLogger(LlmReasoner.class);

    private final LlmChat chat;
    private final Prompts prompts;
    private final Duration timeout;
    private final String source;
    private final ScheduledExecutorService regimeTimer;
    private volatile BarSeries latestHistory;
    private volatile MarketRegime regime;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /**
     * @param regimeEvery how often to re-classify the regime in the background from the latest bars
     *                    seen; zero or null for never
     */
    public LlmReasoner(LlmChat chat, Prompts prompts, Duration timeout, Duration regimeEvery) {
        this.chat = Objects.requireNonNull(chat, "chat");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.source = chat.getClass().getSimpleName().replace("Chat", "").toLowerCase(java.util.Locale.ROOT) + ":"
                + chat.model();
        if (regimeEvery != null && !regimeEvery.isZero() && !regimeEvery.isNegative()) {
            regimeTimer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofVirtual().name("regime-" + chat.model()).unstarted(r));
            regimeTimer.scheduleWithFixedDelay(this::refreshRegime, regimeEvery.toMillis(), regimeEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            regimeTimer = null;
        }
    }

    /** The source written into assessments, e.g. {@code ollama:deepseek-r1:8b}. */
    public String source() {
        return source;
    }

    @Override
    public Assessment assess(ReasoningRequest request) {
        latestHistory = request.history();
        MarketRegime r = regime;
        String prompt = prompts.render("pre-trade", MarketBrief.of(request, r == null ? "" : r.describe()));
        ChatReply reply = ask(prompt, Answers.assessmentSchema(), "assessment");
        return Answers.assessment(reply.content(), source);
    }

    @Override
    public Reflection reflect(ClosedTrade trade) {
        ChatReply reply = ask(prompts.render("post-trade", MarketBrief.ofTrade(trade)), Answers.reflectionSchema(),
                "reflection");
        return Answers.reflection(reply.content(), trade.symbol() + "@" + trade.entryTime(), source);
    }

    /** A risk assessment of the proposed position. */
    public RiskAssessment assessRisk(ReasoningRequest request) {
        ChatReply reply = ask(prompts.render("risk", MarketBrief.of(request, "")), Answers.riskSchema(), "risk assessment");
        return Answers.risk(reply.content(), source);
    }

    /** Classifies the regime of {@code history} now (the background schedule calls this too). */
    public MarketRegime classifyRegime(BarSeries history) {
        ChatReply reply = ask(prompts.render("regime", MarketBrief.ofBars(history)), Answers.regimeSchema(), "regime");
        MarketRegime r = Answers.regime(reply.content(), history.isEmpty() ? java.time.Instant.EPOCH
                : history.endTime(history.size() - 1), source);
        regime = r;
        return r;
    }

    /** The latest regime classified, or null before the first. */
    public MarketRegime regime() {
        return regime;
    }

    private void refreshRegime() {
        BarSeries h = latestHistory;
        if (h == null || h.isEmpty()) {
            return;
        }
        try {
            MarketRegime r = classifyRegime(h);
            LOG.info("{}: regime {}", source, r.describe());
        } catch (RuntimeException e) {
            LOG.warn("{}: regime classification failed: {}", source, e.getMessage());
        }
    }

    private ChatReply ask(String prompt, com.fasterxml.jackson.databind.node.ObjectNode schema, String what) {
        calls.incrementAndGet();
        try {
            ChatReply reply = chat.chat(List.of(ChatMessage.system(prompts.render("system", java.util.Map.of())),
                    ChatMessage.user(prompt)), schema, timeout);
            if (LOG.isDebugEnabled() && !reply.thinking().isEmpty()) {
                LOG.debug("{} {} thinking ({} ms): {}", source, what, reply.millis(), reply.thinking());
            }
            return reply;
        } catch (LlmException e) {
            failures.incrementAndGet();
            throw e;
        }
    }

    /** Calls made and calls that failed, for health checks. */
    public long[] callsAndFailures() {
        return new long[] {calls.get(), failures.get()};
    }

    @Override
    public void close() {
        if (regimeTimer != null) {
            regimeTimer.shutdownNow();
        }
        chat.close();
    }
}
