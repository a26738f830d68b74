package io.github.rltrading.core.decision;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a policy sees at one decision point: a flat feature vector (market features of the last W
 * bars followed by the agent's own state, as the feature pipeline lays them out) and, for
 * convenience, the current position as a fraction of the maximum.
 *
 * <p>The array is not copied (observations are built once per bar on a hot path); treat it as
 * read-only.
 *
 * @param time     the decision time: the end of the last bar whose data is inside
 * @param features the feature vector, finite values only
 * @param position the current position as a fraction of the maximum position, in [-1, 1]
 * @param account  the position behind it: quantity, entry price, last price and how long it has
 *                 been held, for policies that build an agent's own state into their input (a
 *                 model trained in the trading environment); {@link PositionState#UNKNOWN} when
 *                 the caller does not know it
 */
public record Observation(Instant time, float[] features, double position, PositionState account) {

    /** An observation without position details. */
    public Observation(Instant time, float[] features, double position) {
        this(time, features, position, PositionState.UNKNOWN);
    }

    /**
     * The position behind an observation.
     *
     * @param quantity       signed contracts or shares held (filled, not working)
     * @param averagePrice   their average entry price (NaN when flat or unknown)
     * @param lastPrice      the last close (NaN when unknown)
     * @param barsInPosition bars since the position was opened or reversed, counting the bar of the
     *                       fill (0 when flat)
     */
    public record PositionState(double quantity, double averagePrice, double lastPrice, int barsInPosition) {
        public static final PositionState UNKNOWN = new PositionState(0, Double.NaN, Double.NaN, 0);

        public boolean isKnown() {
            return !Double.isNaN(lastPrice);
        }
    }

    public Observation {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(features, "features");
        account = account == null ? PositionState.UNKNOWN : account;
        if (!(position >= -1.0 && position <= 1.0)) {
            throw new IllegalArgumentException("observation at " + time + ": position must be in [-1, 1], got " + position);
        }
    }

    public int size() {
        return features.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Observation other && other.time.equals(time) && other.position == position
                && Arrays.equals(other.features, features) && other.account.equals(account);
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, position, Arrays.hashCode(features), account);
    }

    @Override
    public String toString() {
        return "Observation[time=" + time + ", position=" + position + ", features=" + features.length + "]";
    }
}
