package io.github.rltrading.reasoning.llm;

/**
 * A call to a language model failed: unreachable, an error reply, a reply that is too large, late,
 * or not the JSON asked for. The message says which, with the endpoint and what to do.
 */
public class LlmException extends RuntimeException {

    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
