package io.github.rltrading.agents.training;

import io.github.rltrading.agents.model.Agent;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A progress display: one line with the steps, steps per second, the mean return of the last 100
 * episodes and the algorithm's losses, printed at the first update and then at most once per
 * interval, so that fast updates (SAC updates every step) do not flood the console.
 *
 * <pre>{@code
 * ppo.learn(envs, 1_000_000, ProgressPrinter.every(Duration.ofSeconds(10), System.out));
 * // ppo steps 20,480  5,431 steps/s  mean return 87.30 (412 episodes)  policyLoss -0.0123  valueLoss 12.4  entropy 0.612
 * }</pre>
 */
public final class ProgressPrinter implements TrainingCallback {

    private final Duration interval;
    private final PrintStream out;
    private final InstantSource clock;
    private Instant last;

    private ProgressPrinter(Duration interval, PrintStream out, InstantSource clock) {
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, got " + interval);
        }
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Prints to {@code out} at most once per {@code interval} of wall time. */
    public static ProgressPrinter every(Duration interval, PrintStream out) {
        return new ProgressPrinter(interval, out, InstantSource.system());
    }

    /** As {@link #every(Duration, PrintStream)}, timed by {@code clock}. */
    public static ProgressPrinter every(Duration interval, PrintStream out, InstantSource clock) {
        return new ProgressPrinter(interval, out, clock);
    }

    @Override
    public boolean onUpdate(Agent agent, TrainingProgress progress) {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.plus(interval))) {
            last = now;
            out.println(line(agent.algorithm(), progress));
        }
        return true;
    }

    /** The line printed for {@code progress}. */
    public static String line(String algorithm, TrainingProgress progress) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s steps %,d  %,.0f steps/s  mean return %s (%,d episodes)",
                algorithm, progress.steps(), progress.stepsPerSecond(),
                Double.isNaN(progress.meanEpisodeReturn()) ? "-" : String.format(Locale.ROOT, "%.2f", progress.meanEpisodeReturn()),
                progress.episodes()));
        for (Map.Entry<String, Double> e : progress.statistics().entrySet()) {
            s.append("  ").append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%.4g", e.getValue()));
        }
        return s.toString();
    }
}
