package io.github.rltrading.core.spi;

/** Finds environments by name ({@code environment: trading}, {@code environment: CartPole-v1}). */
public interface EnvironmentProvider extends Provider<Environment> {}
