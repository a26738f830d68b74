package io.github.rltrading.learning.drift;

import io.github.rltrading.core.journal.EventType;
import io.github.rltrading.core.journal.Journal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one instrument's live features and reward for drift away from training, and asks for a
 * retrain when it finds some.
 *
 * <ul>
 *   <li>Each {@link #observe(float[]) observed} feature row goes into a window of the most recent
 *       {@code windowSize} values per feature. Every {@code checkEvery} rows, each feature whose
 *       window holds at least {@code minSampleSize} values is tested against the
 *       {@link ReferenceDistribution}: a {@link PopulationStabilityIndex} at or above
 *       {@code psiThreshold} (0.25) and a {@link KolmogorovSmirnov} p-value below
 *       {@code ksPValueThreshold} (0.01) are drift.</li>
 *   <li>Each {@link #observeReward(double) observed} reward feeds a {@link PageHinkley} detector
 *       (by default watching for a drop).</li>
 *   <li>An event is raised when a feature <em>starts</em> drifting by a test; while it stays beyond the
 *       threshold no new event is raised for it, and once it is back within, the next crossing raises
 *       one again. Page–Hinkley resets after each alarm, so a further drop is a new event.</li>
 *   <li>On an event: it is kept (the last {@code maxEventsKept}, see {@link #events()}), written to the
 *       journal if one is given (type {@link EventType#DRIFT}, source {@value #JOURNAL_SOURCE}), passed to each {@link DriftListener},
 *       and the {@link RetrainRequester} is called, at most once per {@code retrainCooldown}
 *       (24 h) on the monitor's clock, with all the events of that check as the reason.</li>
 * </ul>
 *
 * <p><b>Threads</b>: every method is safe to call from any thread. {@link #observe(float[])} and
 * {@link #observeReward(double)} take one lock, so the session thread can feed them while another
 * thread polls {@link #events()} or {@link #lastChecks()}. The journal, listeners and requester are
 * called on the observing thread after the lock is released. A row costs a copy into the window; a
 * check sorts each feature's window and walks the reference: about 4 ms for 20 features with the
 * default sizes (measured on a shared 2-core machine, see {@code docs/drift.md}), so keep
 * {@code checkEvery} well above 1 on the bar loop.
 *
 * <p><b>Multiple tests</b>: the KS threshold applies per feature and per check. With many features
 * and frequent checks, chance alone will cross it now and then on unchanged data; lower the threshold
 * (for example 0.01 divided by the number of features) or rely on PSI when that matters.
 *
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.builder("ES", ReferenceDistribution.fromMatrix(training))
 *         .journal(journal)
 *         .retrainRequester((instrument, reason) -> retrainQueue.offer(instrument))
 *         .pageHinkley(PageHinkley.Config.defaults().withDelta(0.25).withLambda(25))
 *         .build();
 * monitor.observe(features);        // each bar
 * monitor.observeReward(reward);    // each reward
 * }</pre>
 */
public final class DriftMonitor {

    /** The journal events' source. */
    public static final String JOURNAL_SOURCE = "drift";

    private static final Logger LOG = LoggerFactory.getLogger(DriftMonitor.class);
    private static final int MAX_REASONS = 5;

    private final String instrument;
    private final ReferenceDistribution reference;
    private final double psiThreshold;
    private final double ksPValueThreshold;
    private final int minSampleSize;
    private final int checkEvery;
    private final Duration retrainCooldown;
    private final int maxEventsKept;
    private final Journal journal;
    private final RetrainRequester requester;
    private final List<DriftListener> listeners;
    private final Clock clock;
    private final PopulationStabilityIndex[] psi;

    private final Object lock = new Object();
    // guarded by lock
    private final LiveWindow window;
    private final double[] scratch;
    private final boolean[] psiDrifting;
    private final boolean[] ksDrifting;
    private final PageHinkley pageHinkley;
    private final ArrayDeque<DriftEvent> events = new ArrayDeque<>();
    private List<FeatureCheck> lastChecks = List.of();
    private long rows;
    private Instant lastRetrainRequest;

    private DriftMonitor(Builder b) {
        this.instrument = b.instrument;
        this.reference = b.reference;
        this.psiThreshold = b.psiThreshold;
        this.ksPValueThreshold = b.ksPValueThreshold;
        this.minSampleSize = b.minSampleSize;
        this.checkEvery = b.checkEvery;
        this.retrainCooldown = b.retrainCooldown;
        this.maxEventsKept = b.maxEventsKept;
        this.journal = b.journal;
        this.requester = b.requester;
        this.listeners = List.copyOf(b.listeners);
        this.clock = b.clock;
        int features = reference.features();
        this.psi = new PopulationStabilityIndex[features];
        for (int f = 0; f < features; f++) {
            double[] ref = reference.sortedView(f);
            psi[f] = PopulationStabilityIndex.fitSorted(ref, ref.length, b.psiBins);
        }
        this.window = new LiveWindow(features, b.windowSize);
        this.scratch = new double[b.windowSize];
        this.psiDrifting = new boolean[features];
        this.ksDrifting = new boolean[features];
        this.pageHinkley = new PageHinkley(b.pageHinkley);
    }

    /** A builder for a monitor of {@code instrument}'s features against {@code reference}. */
    public static Builder builder(String instrument, ReferenceDistribution reference) {
        return new Builder(instrument, reference);
    }

    /**
     * Adds one live feature row (the same features, in the same order, as the reference; NaN where a
     * feature is undefined, which is skipped) and runs the checks every {@code checkEvery} rows.
     *
     * @throws IllegalArgumentException if the row's length is not the number of features
     */
    public void observe(float[] row) {
        Objects.requireNonNull(row, "row");
        if (row.length != reference.features()) {
            throw new IllegalArgumentException("drift monitor " + instrument + ": live row has " + row.length
                    + " values, expected " + reference.features() + " (one per reference feature: "
                    + reference.names() + ")");
        }
        List<DriftEvent> found;
        RetrainCall retrain;
        synchronized (lock) {
            window.add(row);
            rows++;
            if (rows % checkEvery != 0) {
                return;
            }
            found = checkFeatures();
            retrain = recordLocked(found);
        }
        dispatch(found, retrain);
    }

    /**
     * Adds one live reward to the Page–Hinkley detector.
     *
     * @throws IllegalArgumentException if {@code reward} is NaN or infinite
     */
    public void observeReward(double reward) {
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("drift monitor " + instrument + ": reward must be a finite number, got "
                    + reward);
        }
        DriftEvent event;
        RetrainCall retrain;
        synchronized (lock) {
            Optional<PageHinkley.Alarm> alarm = pageHinkley.update(reward);
            if (alarm.isEmpty()) {
                return;
            }
            PageHinkley.Alarm a = alarm.get();
            String detail = String.format(Locale.ROOT,
                    "page_hinkley on reward: %s of the mean, statistic %.4g > lambda %s after %d rewards (mean %.4g)",
                    a.direction().name().toLowerCase(Locale.ROOT), a.statistic(), a.threshold(), a.observations(),
                    a.mean());
            event = new DriftEvent(DriftEvent.Kind.PAGE_HINKLEY, instrument, DriftEvent.REWARD, a.statistic(),
                    a.threshold(), a.observations(), clock.instant(), detail);
            retrain = recordLocked(List.of(event));
        }
        dispatch(List.of(event), retrain);
    }

    /** The events raised so far, oldest first (the last {@code maxEventsKept}). A snapshot. */
    public List<DriftEvent> events() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    /** Each feature's numbers from the last check that tested it; empty before the first check. */
    public List<FeatureCheck> lastChecks() {
        synchronized (lock) {
            return lastChecks;
        }
    }

    /** Feature rows observed so far. */
    public long rowsObserved() {
        synchronized (lock) {
            return rows;
        }
    }

    public String instrument() {
        return instrument;
    }

    private List<DriftEvent> checkFeatures() {
        List<DriftEvent> found = new ArrayList<>(0);
        List<FeatureCheck> checks = new ArrayList<>(reference.features());
        Instant now = null;
        for (int f = 0; f < reference.features(); f++) {
            if (window.size(f) < minSampleSize) {
                continue;
            }
            int n = window.copySorted(f, scratch);
            double[] ref = reference.sortedView(f);
            double score = psi[f].score(scratch, n);
            double d = KolmogorovSmirnov.statisticSorted(ref, ref.length, scratch, n);
            double p = KolmogorovSmirnov.pValue(d, ref.length, n);
            String name = reference.names().get(f);
            checks.add(new FeatureCheck(name, n, score, d, p));

            boolean psiNow = score >= psiThreshold;
            if (psiNow && !psiDrifting[f]) {
                now = now == null ? clock.instant() : now;
                found.add(new DriftEvent(DriftEvent.Kind.PSI, instrument, name, score, psiThreshold, n, now,
                        String.format(Locale.ROOT, "psi on %s = %.4f >= %s over %d live values", name, score,
                                psiThreshold, n)));
            }
            psiDrifting[f] = psiNow;

            boolean ksNow = p < ksPValueThreshold;
            if (ksNow && !ksDrifting[f]) {
                now = now == null ? clock.instant() : now;
                found.add(new DriftEvent(DriftEvent.Kind.KS, instrument, name, p, ksPValueThreshold, n, now,
                        String.format(Locale.ROOT, "ks on %s: D = %.4f, p = %.3g < %s (%d live vs %d reference values)",
                                name, d, p, ksPValueThreshold, n, ref.length)));
            }
            ksDrifting[f] = ksNow;
        }
        if (!checks.isEmpty()) {
            lastChecks = List.copyOf(checks);
        }
        return found;
    }

    /** Keeps the events and decides, under the lock, whether this is the one retrain request of the cooldown. */
    private RetrainCall recordLocked(List<DriftEvent> found) {
        if (found.isEmpty()) {
            return null;
        }
        for (DriftEvent e : found) {
            if (events.size() == maxEventsKept) {
                events.removeFirst();
            }
            events.addLast(e);
        }
        if (requester == null) {
            return null;
        }
        Instant now = found.get(0).time();
        if (lastRetrainRequest != null && now.isBefore(lastRetrainRequest.plus(retrainCooldown))) {
            LOG.debug("drift on {}: retrain already requested at {}; cooldown {} not over", instrument,
                    lastRetrainRequest, retrainCooldown);
            return null;
        }
        RetrainCall call = new RetrainCall(now, lastRetrainRequest, reason(found));
        lastRetrainRequest = now;
        return call;
    }

    private void dispatch(List<DriftEvent> found, RetrainCall retrain) {
        for (DriftEvent e : found) {
            LOG.warn("drift on {}: {}", instrument, e.detail());
            if (journal != null && journal.isEnabled()) {
                try {
                    journal.append(EventType.DRIFT, JOURNAL_SOURCE, e.time(), out -> out
                            .string("kind", e.kind().wireName())
                            .string("instrument", e.instrument())
                            .string("feature", e.feature())
                            .number("statistic", e.statistic())
                            .number("threshold", e.threshold())
                            .number("sampleSize", e.sampleSize())
                            .string("detail", e.detail()));
                } catch (RuntimeException ex) {
                    LOG.warn("drift on {}: could not journal the event ({}): {}", instrument, e.detail(), ex.toString());
                }
            }
            for (DriftListener listener : listeners) {
                try {
                    listener.onDrift(e);
                } catch (RuntimeException ex) {
                    LOG.warn("drift on {}: listener {} failed on '{}': {}", instrument, listener, e.detail(),
                            ex.toString());
                }
            }
        }
        if (retrain != null) {
            try {
                requester.requestRetrain(instrument, retrain.reason());
                LOG.info("drift on {}: retrain requested ({})", instrument, retrain.reason());
            } catch (RuntimeException ex) {
                LOG.warn("drift on {}: the retrain request failed ({}); the next drift will ask again", instrument,
                        ex.toString());
                synchronized (lock) {
                    if (retrain.at().equals(lastRetrainRequest)) {
                        lastRetrainRequest = retrain.previous();
                    }
                }
            }
        }
    }

    private static String reason(List<DriftEvent> found) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(found.size(), MAX_REASONS); i++) {
            sb.append(i == 0 ? "" : "; ").append(found.get(i).detail());
        }
        if (found.size() > MAX_REASONS) {
            sb.append("; and ").append(found.size() - MAX_REASONS).append(" more");
        }
        return sb.toString();
    }

    private record RetrainCall(Instant at, Instant previous, String reason) {}

    /** Settings of a {@link DriftMonitor}; every one but the instrument and reference has a default. */
    public static final class Builder {
        private final String instrument;
        private final ReferenceDistribution reference;
        private double psiThreshold = PopulationStabilityIndex.SIGNIFICANT_SHIFT;
        private int psiBins = PopulationStabilityIndex.DEFAULT_BINS;
        private double ksPValueThreshold = 0.01;
        private int minSampleSize = 200;
        private int windowSize = 1000;
        private int checkEvery = 100;
        private PageHinkley.Config pageHinkley = PageHinkley.Config.defaults();
        private Duration retrainCooldown = Duration.ofHours(24);
        private int maxEventsKept = 1000;
        private Journal journal;
        private RetrainRequester requester;
        private final List<DriftListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder(String instrument, ReferenceDistribution reference) {
            Objects.requireNonNull(instrument, "instrument");
            if (instrument.isBlank()) {
                throw new IllegalArgumentException("drift monitor instrument must not be blank; give the symbol, e.g. ES");
            }
            this.instrument = instrument;
            this.reference = Objects.requireNonNull(reference, "reference");
        }

        /** PSI from which a feature has drifted; default 0.25 (a significant shift). */
        public Builder psiThreshold(double value) {
            if (!(value > 0 && Double.isFinite(value))) {
                throw new IllegalArgumentException("drift psiThreshold must be a finite number > 0, got " + value
                        + "; 0.25 (significant) and 0.1 (moderate) are conventional");
            }
            psiThreshold = value;
            return this;
        }

        /** Quantile bins of the PSI; default 10. */
        public Builder psiBins(int value) {
            if (value < 2) {
                throw new IllegalArgumentException("drift psiBins must be at least 2, got " + value + "; 10 is conventional");
            }
            psiBins = value;
            return this;
        }

        /** KS p-value below which a feature has drifted; default 0.01. */
        public Builder ksPValueThreshold(double value) {
            if (!(value > 0 && value < 1)) {
                throw new IllegalArgumentException("drift ksPValueThreshold must be in (0, 1), got " + value
                        + "; 0.01 is the default");
            }
            ksPValueThreshold = value;
            return this;
        }

        /** Live values a feature's window needs before it is tested; default 200. */
        public Builder minSampleSize(int value) {
            if (value < 10) {
                throw new IllegalArgumentException("drift minSampleSize must be at least 10, got " + value
                        + "; PSI and KS say little on fewer values (200 is the default)");
            }
            minSampleSize = value;
            return this;
        }

        /** The most recent live values kept per feature; default 1000. */
        public Builder windowSize(int value) {
            if (value < 10) {
                throw new IllegalArgumentException("drift windowSize must be at least 10, got " + value
                        + " (1000 is the default)");
            }
            windowSize = value;
            return this;
        }

        /** Rows between checks; default 100. */
        public Builder checkEvery(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("drift checkEvery must be at least 1 row, got " + value);
            }
            checkEvery = value;
            return this;
        }

        /** Page–Hinkley settings for the reward; default {@link PageHinkley.Config#defaults()}. */
        public Builder pageHinkley(PageHinkley.Config value) {
            pageHinkley = Objects.requireNonNull(value, "pageHinkley");
            return this;
        }

        /** The least time between two retrain requests, on the monitor's clock; default 24 h. */
        public Builder retrainCooldown(Duration value) {
            Objects.requireNonNull(value, "retrainCooldown");
            if (value.isNegative()) {
                throw new IllegalArgumentException("drift retrainCooldown must not be negative, got " + value
                        + "; use Duration.ZERO to request on every drift");
            }
            retrainCooldown = value;
            return this;
        }

        /** How many events {@link #events()} keeps; default 1000. */
        public Builder maxEventsKept(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("drift maxEventsKept must be at least 1, got " + value);
            }
            maxEventsKept = value;
            return this;
        }

        /** Where events are written as {@code alert} events; default none. */
        public Builder journal(Journal value) {
            journal = Objects.requireNonNull(value, "journal");
            return this;
        }

        /** Who is asked for a retrain; default none. */
        public Builder retrainRequester(RetrainRequester value) {
            requester = Objects.requireNonNull(value, "retrainRequester");
            return this;
        }

        /** Adds a listener. */
        public Builder listener(DriftListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** The clock for event times and the cooldown; default UTC system clock. Inject the session's. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Builds the monitor (and fits the PSI bins on the reference).
         *
         * @throws IllegalArgumentException if {@code minSampleSize} exceeds {@code windowSize}
         */
        public DriftMonitor build() {
            if (minSampleSize > windowSize) {
                throw new IllegalArgumentException("drift minSampleSize " + minSampleSize + " is larger than windowSize "
                        + windowSize + ", so no feature would ever be tested; lower minSampleSize or raise windowSize");
            }
            return new DriftMonitor(this);
        }
    }
}
