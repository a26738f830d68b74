package io.github.rltrading.env.normalize;

/** How a {@link FittedNormalization} turns a raw value {@code x} into {@code (x - centre) / scale}. */
public enum NormalizationMethod {
    /** Centre = mean, scale = population standard deviation (divide by {@code n}). */
    Z_SCORE,
    /** Centre = median, scale = inter-quartile range {@code Q75 - Q25} (not rescaled by 1.349). */
    ROBUST
}
