package io.github.rltrading.core;

/**
 * A plug-in could not be chosen or created: an unknown name, no provider at all, an ambiguous
 * choice, or a provider whose {@code create} failed. The message names the kind, the name, what is
 * available and what to do.
 */
public final class PluginException extends RuntimeException {

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
