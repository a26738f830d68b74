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
 */
public record Observation(Instant time, float[] features, double position) {

    public Observation {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(features, "features");
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
                && Arrays.equals(other.features, features);
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, position, Arrays.hashCode(features));
    }

    @Override
    public String toString() {
        return "Observation[time=" + time + ", position=" + position + ", features=" + features.length + "]";
    }
}
