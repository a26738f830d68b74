package io.github.rltrading.env.normalize;

/**
 * Thrown when a {@link FittedNormalization} is applied to features it was not fitted on: different
 * column names, a different column count or a different feature-set hash.
 */
public final class FeatureMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what differs and how to fix it
     */
    public FeatureMismatchException(String message) {
        super(message);
    }
}
