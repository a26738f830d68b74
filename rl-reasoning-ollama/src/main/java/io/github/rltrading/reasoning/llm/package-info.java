/**
 * HTTP clients for chat endpoints that answer JSON to a schema: {@link
 * io.github.rltrading.reasoning.llm.OllamaChat} ({@code /api/chat}, streamed, thinking models both
 * ways) and {@link io.github.rltrading.reasoning.llm.OpenAiChat} ({@code /chat/completions}). Built
 * on {@code java.net.http} and Jackson, with connect and call timeouts and a cap on reply size.
 */
package io.github.rltrading.reasoning.llm;
