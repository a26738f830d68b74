package io.github.rltrading.learning.drift;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A crossed threshold: one feature's live distribution has moved away from training (PSI, KS), or
 * the live reward's mean has dropped (Page–Hinkley).
 *
 * @param kind       which test
 * @param instrument the instrument monitored ({@code ES})
 * @param feature    the feature's name, or {@value #REWARD} for Page–Hinkley on the reward
 * @param statistic  the number compared with {@code threshold}: the PSI, the KS p-value, or the
 *                   Page–Hinkley statistic
 * @param threshold  the threshold it crossed (PSI and Page–Hinkley: at or above; KS: below)
 * @param sampleSize the live values it was computed on (for Page–Hinkley: rewards since its last reset)
 * @param time       when it was detected, on the monitor's clock
 * @param detail     one line for people and logs, with the numbers behind it
 */
public record DriftEvent(Kind kind, String instrument, String feature, double statistic, double threshold,
        long sampleSize, Instant time, String detail) {

    /** The {@link #feature()} of Page–Hinkley events. */
    public static final String REWARD = "reward";

    /** Which test found the drift. */
    public enum Kind {
        /** Population stability index at or above its threshold. */
        PSI,
        /** Kolmogorov–Smirnov p-value below its threshold. */
        KS,
        /** Page–Hinkley on the live reward. */
        PAGE_HINKLEY;

        /** The name written to the journal: {@code psi}, {@code ks}, {@code page_hinkley}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DriftEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(detail, "detail");
    }
}
