package io.github.rltrading.core.spi;

/** Finds reward functions by name ({@code reward: pnl}, {@code reward: sharpe}). */
public interface RewardFunctionProvider extends Provider<RewardFunction> {}
