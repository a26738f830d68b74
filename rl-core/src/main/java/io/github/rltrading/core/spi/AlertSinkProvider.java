package io.github.rltrading.core.spi;

/** Finds alert sinks by name ({@code alerts: [log, webhook]}). */
public interface AlertSinkProvider extends Provider<AlertSink> {}
