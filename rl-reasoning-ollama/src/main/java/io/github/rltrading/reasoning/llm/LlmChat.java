package io.github.rltrading.reasoning.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/**
 * A chat endpoint that answers in JSON matching a schema: Ollama ({@link OllamaChat}) or an
 * OpenAI-compatible server ({@link OpenAiChat}). Implementations are thread-safe.
 */
public interface LlmChat extends AutoCloseable {

    /**
     * Sends {@code messages} and returns the answer, asking the server to constrain it to
     * {@code schema} (a JSON schema object).
     *
     * @param timeout the whole call's budget: connecting, waiting and reading
     * @throws LlmException on any failure, with a message naming the endpoint and the cause
     */
    ChatReply chat(List<ChatMessage> messages, ObjectNode schema, Duration timeout);

    /**
     * Checks that the server answers and has the model; throws {@link LlmException} with what to do
     * (e.g. the {@code ollama pull} command) otherwise.
     */
    void checkReady(Duration timeout);

    /** The model name, for sources and logs. */
    String model();

    /** The endpoint, for messages. */
    String endpoint();

    @Override
    default void close() {}
}
