package io.github.rltrading.core.util;

/**
 * Argument checks with the SDK's message form: the name, the rule, the value
 * ({@code "maxPosition must be a finite number > 0, got -1.0"}).
 *
 * <pre>{@code
 * this.maxContracts = Require.positive("maxContracts", value);
 * }</pre>
 */
public final class Require {

    private Require() {}

    /** {@code value} if it is finite and &gt; 0, else an {@link IllegalArgumentException} naming it. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    /** {@code value} if it is finite and &ge; 0, else an {@link IllegalArgumentException} naming it. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }
}
