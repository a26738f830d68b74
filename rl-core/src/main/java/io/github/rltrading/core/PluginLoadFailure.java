package io.github.rltrading.core;

/**
 * A provider that {@link java.util.ServiceLoader} found but could not load: its class is missing or
 * its constructor threw. Reported, not fatal: the other providers still load.
 *
 * @param kind          which kind of plug-in
 * @param providerClass the provider class named in {@code META-INF/services}, or {@code "?"} if unknown
 * @param cause         what went wrong
 */
public record PluginLoadFailure(PluginKind<?, ?> kind, String providerClass, Throwable cause) {

    /** One line for logs and diagnostics. */
    public String describe() {
        return kind.key() + " provider " + providerClass + " failed to load: " + cause;
    }
}
