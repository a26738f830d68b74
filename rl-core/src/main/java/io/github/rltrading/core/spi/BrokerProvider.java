package io.github.rltrading.core.spi;

/** Finds brokers by name ({@code broker: sim}, {@code broker: nt8}, {@code broker: ibkr}). */
public interface BrokerProvider extends Provider<Broker> {}
