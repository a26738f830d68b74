package io.github.rltrading.core.spi;

/** Finds feature sets by name ({@code features: price-action}). */
public interface FeatureSetProvider extends Provider<FeatureSet> {}
