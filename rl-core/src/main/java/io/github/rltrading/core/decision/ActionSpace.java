package io.github.rltrading.core.decision;

import java.util.Arrays;
import java.util.Objects;

/**
 * The set of actions an environment accepts, or a space of observations: {@link Discrete} (n
 * choices) or {@link Box} (a vector with per-element bounds).
 *
 * <pre>{@code
 * ActionSpace position = ActionSpace.box(-1f, 1f);          // continuous target position
 * ActionSpace fiveWay = ActionSpace.discrete(5);            // hold, enter/exit long, enter/exit short
 * boolean ok = position.contains(Action.continuous(0.4f));  // true
 * }</pre>
 */
public sealed interface ActionSpace {

    /** Number of values in one action: 1 for discrete, the vector length for a box. */
    int dimension();

    /** Whether {@code action} lies in this space. */
    boolean contains(Action action);

    static Discrete discrete(int n) {
        return new Discrete(n);
    }

    /** A one-dimensional box {@code [low, high]}. */
    static Box box(float low, float high) {
        return new Box(new float[] {low}, new float[] {high});
    }

    /** A box of {@code size} elements, each in {@code [low, high]} (infinite bounds allowed). */
    static Box box(int size, float low, float high) {
        float[] lo = new float[size];
        float[] hi = new float[size];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Box(lo, hi);
    }

    /** {@code n} choices, numbered 0 … n-1. */
    record Discrete(int n) implements ActionSpace {
        public Discrete {
            if (n < 1) {
                throw new IllegalArgumentException("a discrete space needs n >= 1, got " + n);
            }
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public boolean contains(Action action) {
            return action instanceof Action.Discrete d && d.index() >= 0 && d.index() < n;
        }
    }

    /** A vector with element-wise bounds {@code low[i] <= x[i] <= high[i]}. */
    record Box(float[] low, float[] high) implements ActionSpace {
        public Box {
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
            if (low.length == 0 || low.length != high.length) {
                throw new IllegalArgumentException("a box needs equally long, non-empty bounds, got "
                        + low.length + " and " + high.length);
            }
            for (int i = 0; i < low.length; i++) {
                if (Float.isNaN(low[i]) || Float.isNaN(high[i]) || low[i] > high[i]) {
                    throw new IllegalArgumentException("box bound " + i + " is invalid: low=" + low[i] + " high=" + high[i]);
                }
            }
            low = low.clone();
            high = high.clone();
        }

        @Override
        public int dimension() {
            return low.length;
        }

        @Override
        public boolean contains(Action action) {
            if (!(action instanceof Action.Continuous c) || c.values().length != low.length) {
                return false;
            }
            for (int i = 0; i < low.length; i++) {
                float v = c.values()[i];
                if (!(v >= low[i] && v <= high[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public float[] low() {
            return low.clone();
        }

        @Override
        public float[] high() {
            return high.clone();
        }

        public float low(int i) {
            return low[i];
        }

        public float high(int i) {
            return high[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Box b && Arrays.equals(b.low, low) && Arrays.equals(b.high, high);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
        }

        @Override
        public String toString() {
            return "Box[low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + "]";
        }
    }
}
