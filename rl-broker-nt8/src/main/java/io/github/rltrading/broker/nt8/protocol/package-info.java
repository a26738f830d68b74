/**
 * Wire protocol v1 between the Java bridge and the NinjaScript strategy: newline-delimited UTF-8
 * JSON objects with {@code type} and {@code v}, requests carrying an {@code id} that the reply echoes.
 * The message catalogue with an example of each is in {@code docs/nt8-protocol.md}; this package holds
 * the names, the error codes and the bounded line framing both sides share.
 */
package io.github.rltrading.broker.nt8.protocol;
