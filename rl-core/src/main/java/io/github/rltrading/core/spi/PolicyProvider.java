package io.github.rltrading.core.spi;

/** Finds policies by name ({@code policy: ppo}, {@code policy: rules}). */
public interface PolicyProvider extends Provider<Policy> {}
