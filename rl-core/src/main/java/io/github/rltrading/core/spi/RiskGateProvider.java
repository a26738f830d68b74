package io.github.rltrading.core.spi;

/** Finds risk gates by name ({@code risk.gates: [max-position, daily-loss, kill-switch]}). */
public interface RiskGateProvider extends Provider<RiskGate> {}
