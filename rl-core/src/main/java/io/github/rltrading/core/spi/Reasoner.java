package io.github.rltrading.core.spi;

import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.core.decision.ReasoningRequest;
import io.github.rltrading.core.decision.Reflection;
import io.github.rltrading.core.trading.ClosedTrade;

/**
 * A second opinion on trades: an LLM (Ollama, an OpenAI-compatible endpoint) or a rules engine.
 * The session calls {@link #assess} under a hard deadline and falls back to the policy alone when
 * it is late or fails; a reasoner can scale a trade down or reject it, never bypass a risk gate.
 *
 * <pre>{@code
 * Reasoner r = Plugins.reasoner(config);
 * Assessment a = r.assess(request);     // may take seconds: the session bounds it
 * }</pre>
 */
public interface Reasoner extends AutoCloseable {

    /** Judges a proposed trade before it is sent. May block; the caller enforces the deadline. */
    Assessment assess(ReasoningRequest request);

    /**
     * An answer available at once without blocking (a cache hit), or null. The session calls it on
     * the trading loop before handing {@link #assess} to another thread, so it must never block or
     * do I/O; the default has none.
     */
    default Assessment assessNow(ReasoningRequest request) {
        return null;
    }

    /**
     * Looks back at a closed trade, off the trading path (the session journals the answer when it
     * arrives). Returns null when there is nothing to say, which is the default.
     */
    default Reflection reflect(ClosedTrade trade) {
        return null;
    }

    @Override
    default void close() {}
}
