package io.github.rltrading.core.alert;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.spi.AlertSink;
import io.github.rltrading.core.spi.AlertSinkProvider;

/** Provides {@link LogAlertSink} under the name {@code log}. Takes no settings. */
public final class LogAlertSinkProvider implements AlertSinkProvider {

    @Override
    public String name() {
        return "log";
    }

    @Override
    public AlertSink create(Config config) {
        return new LogAlertSink();
    }
}
