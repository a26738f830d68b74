/**
 * The broker compatibility kit: extend {@link io.github.rltrading.broker.testkit.BrokerCompatibilityKit}
 * in your adapter's tests to check it against the broker SPI's contract.
 */
package io.github.rltrading.broker.testkit;
