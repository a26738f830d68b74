package io.github.rltrading.core.spi;

import io.github.rltrading.core.config.Config;

/**
 * The common shape of every plug-in provider: a name that users put in their configuration, a
 * rank that breaks ties when nobody chose, and a factory.
 *
 * <p>Constructors must be cheap and side-effect free: {@link java.util.ServiceLoader} instantiates
 * every provider on the class path, including ones that will not be used.
 *
 * @param <T> what the provider creates
 */
public interface Provider<T> {

    /** The name users select this provider by, e.g. {@code "sim"}, {@code "nt8"}; lower case, stable. */
    String name();

    /**
     * Preference when more than one provider of a kind is present and none was chosen by name;
     * higher wins. Built-in defaults use 0; a test double should use a negative rank.
     */
    default int rank() {
        return 0;
    }

    /** Creates a component from its configuration section. May do I/O and may throw. */
    T create(Config config);
}
