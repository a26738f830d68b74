package io.github.rltrading.core.alert;

import io.github.rltrading.core.spi.Alert;
import io.github.rltrading.core.spi.AlertSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes alerts to the SLF4J logger {@code io.github.rltrading.alerts}: INFO as info, WARNING as
 * warn, CRITICAL as error, so an application's log routing (files, syslog, a log shipper) carries
 * them without extra set-up.
 */
public final class LogAlertSink implements AlertSink {

    /** The logger name; route it in your logging configuration to send alerts elsewhere. */
    public static final String LOGGER_NAME = "io.github.rltrading.alerts";

    private final Logger log;

    public LogAlertSink() {
        this(LoggerFactory.getLogger(LOGGER_NAME));
    }

    LogAlertSink(Logger log) {
        this.log = log;
    }

    @Override
    public void send(Alert alert) {
        String format = "[{}] {} at {}: {}{}";
        Object[] args = {alert.severity(), alert.source(), alert.time(), alert.message(),
                alert.details().isEmpty() ? "" : " " + alert.details()};
        switch (alert.severity()) {
            case INFO -> log.info(format, args);
            case WARNING -> log.warn(format, args);
            case CRITICAL -> log.error(format, args);
        }
    }
}
