package io.github.rltrading.core.spi;

/** Finds market data feeds by name ({@code feed: csv}, {@code feed: nt8}). */
public interface MarketDataFeedProvider extends Provider<MarketDataFeed> {}
