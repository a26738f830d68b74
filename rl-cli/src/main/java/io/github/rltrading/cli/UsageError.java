package io.github.rltrading.cli;

/**
 * The user asked for something that cannot be done as asked: a missing or malformed input file, an
 * unknown model version, a value out of range. {@link Rl} prints the message (which names the input,
 * the value and the fix) and exits with {@link Rl#USAGE}; other exceptions exit with {@link Rl#FAILED}.
 */
final class UsageError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message);
    }

    UsageError(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A plug-in that could not be made, as the user's problem or not: an unknown name, or a provider
     * that refused its settings (an {@link IllegalArgumentException}, such as a configuration
     * error), is a usage error prefixed with {@code input}; a provider that failed otherwise (a port
     * in use, a server that does not answer) stays a failure.
     */
    static RuntimeException fromPlugin(String input, io.github.rltrading.core.PluginException e) {
        Throwable cause = e.getCause();
        if (cause == null || cause instanceof IllegalArgumentException) {
            return new UsageError(input + ": " + e.getMessage(), e);
        }
        return e;
    }
}
