package io.github.rltrading.learning.drift;

import java.util.Objects;
import java.util.Optional;

/**
 * The Page–Hinkley test: a streaming detector of a change in the mean of a series, here the live
 * reward, one value at a time in constant memory.
 *
 * <p>With x̄<sub>t</sub> the mean of the values since the last reset, it keeps the cumulative
 * deviation m<sub>t</sub> = α·m<sub>t−1</sub> + (x<sub>t</sub> − x̄<sub>t</sub> + δ) and its running
 * maximum M<sub>t</sub>; a <b>decrease</b> of the mean is signalled when M<sub>t</sub> − m<sub>t</sub>
 * &gt; λ. An increase is the mirror image (− δ, running minimum, m<sub>t</sub> − min &gt; λ).
 *
 * <ul>
 *   <li>δ ({@code delta}) is the tolerated change: deviations smaller than it never add up to an
 *       alarm. Larger δ, fewer false alarms, slower or no detection of small drops.</li>
 *   <li>λ ({@code lambda}) is the alarm threshold in the series' units (reward × steps). A drop of
 *       Δ in the mean is found after about λ / (Δ − δ) values; on a stationary series with standard
 *       deviation σ a false alarm needs a run against the drift δ of height λ, whose chance per
 *       excursion is about e<sup>−2δλ/σ²</sup>. So choose λ and δ from the reward's σ, not from
 *       these defaults alone.</li>
 *   <li>α ({@code alpha}) is a forgetting factor in (0, 1]; 1 (the default) forgets nothing. Below 1
 *       old deviations fade, which bounds how long an early excursion counts.</li>
 *   <li>No alarm is raised before {@code minInstances} values since the last reset, while x̄ is
 *       still noisy.</li>
 * </ul>
 *
 * <p>After an alarm the detector resets (mean and sums start again from the next value), so one
 * change is reported once. Not thread-safe: {@link DriftMonitor} guards the one it owns.
 *
 * <pre>{@code
 * PageHinkley ph = new PageHinkley(PageHinkley.Config.defaults().withDelta(0.25).withLambda(25));
 * ph.update(reward).ifPresent(alarm -> log.warn("reward dropped: {}", alarm));
 * }</pre>
 */
public final class PageHinkley {

    /** Which change to look for. */
    public enum Direction {
        /** A drop of the mean (the reward getting worse): the default. */
        DECREASE,
        /** A rise of the mean. */
        INCREASE,
        /** Either. */
        BOTH
    }

    /**
     * Settings.
     *
     * @param delta        the tolerated change δ, ≥ 0
     * @param lambda       the alarm threshold λ, &gt; 0
     * @param alpha        the forgetting factor α in (0, 1]; 1 = none
     * @param minInstances values since the last reset before an alarm may be raised, ≥ 1
     * @param direction    which change to look for
     */
    public record Config(double delta, double lambda, double alpha, int minInstances, Direction direction) {

        public Config {
            if (!(delta >= 0 && Double.isFinite(delta))) {
                throw new IllegalArgumentException("Page-Hinkley delta must be a finite number >= 0, got " + delta
                        + "; it is the change in the mean to tolerate, in the series' units");
            }
            if (!(lambda > 0 && Double.isFinite(lambda))) {
                throw new IllegalArgumentException("Page-Hinkley lambda must be a finite number > 0, got " + lambda
                        + "; it is the alarm threshold, in the series' units");
            }
            if (!(alpha > 0 && alpha <= 1)) {
                throw new IllegalArgumentException("Page-Hinkley alpha must be in (0, 1], got " + alpha
                        + "; use 1 for no forgetting");
            }
            if (minInstances < 1) {
                throw new IllegalArgumentException("Page-Hinkley minInstances must be at least 1, got " + minInstances);
            }
            Objects.requireNonNull(direction, "direction");
        }

        /** δ = 0.005, λ = 50, α = 1 (no forgetting), 30 values before an alarm, decreases only. */
        public static Config defaults() {
            return new Config(0.005, 50, 1, 30, Direction.DECREASE);
        }

        public Config withDelta(double value) {
            return new Config(value, lambda, alpha, minInstances, direction);
        }

        public Config withLambda(double value) {
            return new Config(delta, value, alpha, minInstances, direction);
        }

        public Config withAlpha(double value) {
            return new Config(delta, lambda, value, minInstances, direction);
        }

        public Config withMinInstances(int value) {
            return new Config(delta, lambda, alpha, value, direction);
        }

        public Config withDirection(Direction value) {
            return new Config(delta, lambda, alpha, minInstances, value);
        }
    }

    /**
     * A detected change.
     *
     * @param direction    {@link Direction#DECREASE} or {@link Direction#INCREASE}
     * @param statistic    the Page–Hinkley statistic that crossed the threshold
     * @param threshold    λ
     * @param observations values seen since the previous reset, this one included
     * @param mean         the mean of those values
     */
    public record Alarm(Direction direction, double statistic, double threshold, long observations, double mean) {}

    private final Config config;
    private long count;
    private double mean;
    private double sumDown;
    private double maxDown;
    private double sumUp;
    private double minUp;

    public PageHinkley(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Adds one value; returns the alarm when it completes a change (and then resets).
     *
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public Optional<Alarm> update(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Page-Hinkley value must be a finite number, got " + value
                    + " after " + count + " values");
        }
        count++;
        mean += (value - mean) / count;
        double deviation = value - mean;
        sumDown = config.alpha() * sumDown + deviation + config.delta();
        maxDown = Math.max(maxDown, sumDown);
        sumUp = config.alpha() * sumUp + deviation - config.delta();
        minUp = Math.min(minUp, sumUp);
        if (count < config.minInstances()) {
            return Optional.empty();
        }
        Direction watch = config.direction();
        double down = maxDown - sumDown;
        double up = sumUp - minUp;
        Alarm alarm = null;
        if (watch != Direction.INCREASE && down > config.lambda()) {
            alarm = new Alarm(Direction.DECREASE, down, config.lambda(), count, mean);
        } else if (watch != Direction.DECREASE && up > config.lambda()) {
            alarm = new Alarm(Direction.INCREASE, up, config.lambda(), count, mean);
        }
        if (alarm == null) {
            return Optional.empty();
        }
        reset();
        return Optional.of(alarm);
    }

    /** Forgets everything seen: the next value starts a new mean. */
    public void reset() {
        count = 0;
        mean = 0;
        sumDown = 0;
        maxDown = 0;
        sumUp = 0;
        minUp = 0;
    }

    /** Values since the last reset. */
    public long count() {
        return count;
    }

    /** Their mean (0 before the first). */
    public double mean() {
        return mean;
    }

    /** The current statistic for a decrease, M<sub>t</sub> − m<sub>t</sub> ≥ 0. */
    public double decreaseStatistic() {
        return maxDown - sumDown;
    }

    /** The current statistic for an increase, m<sub>t</sub> − min ≥ 0. */
    public double increaseStatistic() {
        return sumUp - minUp;
    }

    public Config config() {
        return config;
    }
}
