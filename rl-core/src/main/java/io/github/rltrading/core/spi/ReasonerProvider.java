package io.github.rltrading.core.spi;

/** Finds reasoners by name ({@code reasoner: ollama}, {@code reasoner: rules}). */
public interface ReasonerProvider extends Provider<Reasoner> {}
