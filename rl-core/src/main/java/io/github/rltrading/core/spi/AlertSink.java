package io.github.rltrading.core.spi;

/**
 * Delivers alerts to people: a log, e-mail, a chat webhook. Must not throw on delivery failure
 * (log it instead) and must not block the trading loop for long.
 *
 * <pre>{@code
 * AlertSink log = alert -> LOG.warn("{} {}: {}", alert.severity(), alert.source(), alert.message());
 * }</pre>
 */
@FunctionalInterface
public interface AlertSink extends AutoCloseable {

    void send(Alert alert);

    @Override
    default void close() {}
}
