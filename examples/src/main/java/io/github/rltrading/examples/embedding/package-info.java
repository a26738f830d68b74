/**
 * Embedding the SDK in a host application (a firm's order-management system, a research service):
 * {@link io.github.rltrading.examples.embedding.EmbeddedSession} composes a
 * {@link io.github.rltrading.core.TradingSession} in code from providers chosen by name, adds the
 * host's own risk gate and hook, and reads the result through the public API only.
 */
package io.github.rltrading.examples.embedding;
