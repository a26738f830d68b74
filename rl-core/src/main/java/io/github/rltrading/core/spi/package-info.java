/**
 * Plug-in interfaces. Each kind of component has a small interface (what the trading loop calls)
 * and a provider (what {@link java.util.ServiceLoader} finds): {@code XxxProvider} with a
 * {@code name()} that is also its configuration value, and {@code create(Config)}.
 *
 * <p>To publish a plug-in, implement the provider, keep its constructor cheap (no I/O: do real work
 * in {@code create}), and register it in
 * {@code META-INF/services/io.github.rltrading.core.spi.XxxProvider}. Users then pick it by name,
 * e.g. {@code broker: mybroker}; see {@link io.github.rltrading.core.Plugins}.
 */
package io.github.rltrading.core.spi;
