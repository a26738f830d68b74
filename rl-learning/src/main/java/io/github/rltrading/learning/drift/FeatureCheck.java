package io.github.rltrading.learning.drift;

/**
 * The latest numbers of one feature, from the monitor's last check; for dashboards and logs.
 *
 * @param feature     the feature's name
 * @param sampleSize  live values in the window
 * @param psi         population stability index against the reference
 * @param ksStatistic Kolmogorov–Smirnov D
 * @param ksPValue    its asymptotic p-value
 */
public record FeatureCheck(String feature, int sampleSize, double psi, double ksStatistic, double ksPValue) {}
