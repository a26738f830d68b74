package io.github.rltrading.core.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something a person should know about now: a circuit breaker tripped, the broker disconnected, the
 * kill switch was set.
 *
 * @param severity how urgent
 * @param source   the component that raised it
 * @param message  one line a person can act on
 * @param time     when it happened
 * @param details  extra key/value context
 */
public record Alert(Severity severity, String source, String message, Instant time, Map<String, String> details) {

    /** How urgent an alert is. */
    public enum Severity { INFO, WARNING, CRITICAL }

    public Alert {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
