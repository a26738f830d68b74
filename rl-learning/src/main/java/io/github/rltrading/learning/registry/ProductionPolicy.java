package io.github.rltrading.learning.registry;

import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.learning.live.ShadowPolicy;
import io.github.rltrading.learning.training.PromotionRule;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session policy that is always the instrument's production model: when the pointer moves
 * (promotion or rollback, in this process or another), the new model is loaded on a background
 * thread and swapped in at the start of the next {@link #decide}, so a bar is decided entirely by
 * one model and the session thread never waits for a load. The old model is closed after the swap.
 *
 * <p>Changes made through the same {@link ModelRegistry} object are noticed at once; changes made
 * by another process (the CLI) by polling the database every {@code pollInterval}.
 *
 * <p>A model that fails to load is logged and skipped: the session keeps deciding with the model it
 * has, which is the safe side for a live session.
 *
 * <p>Candidates ({@link #shadowCandidates}): when the registry has a candidate for the instrument
 * (a challenger that passed the backtest rule, see {@link ModelRegistry#nominate}), it is loaded
 * and run in shadow beside production ({@link ShadowPolicy}: same bars, booked the same way, never
 * traded) for the candidate's number of bars; then it is promoted if its would-be P&amp;L is at
 * least production's, else rejected, both through the registry with the numbers in the audit log.
 * A production change during the run restarts it against the new production model.
 */
public final class ProductionPolicy implements Policy {

    private static final Logger LOG = LoggerFactory.getLogger(ProductionPolicy.class);

    private record Loaded(ModelVersion version, Policy policy) {}

    /**
     * How candidates are shadowed.
     *
     * @param instrument      what is traded (its point value books the P&amp;L)
     * @param maxContracts    contracts a target of 1 means (the session's {@code maxPosition})
     * @param costPerContract commission and slippage per contract traded, charged to both books
     * @param journal         where each bar's shadow event goes, or null
     */
    public record ShadowSettings(Instrument instrument, double maxContracts, double costPerContract, Journal journal) {}

    private record ShadowRun(Loaded candidate, ShadowPolicy policy, int bars) {}

    private final ModelRegistry registry;
    private final String instrument;
    private final Function<ModelVersion, Policy> loader;
    private final AtomicReference<Loaded> pending = new AtomicReference<>();
    private final ExecutorService loading;
    private final ScheduledExecutorService polling;
    private volatile Loaded current;
    private volatile String requested;
    private volatile ShadowSettings shadowSettings;
    private final AtomicReference<Loaded> pendingCandidate = new AtomicReference<>();
    private volatile String requestedCandidate;
    private volatile boolean candidateWithdrawn;
    private ShadowRun shadow;

    /**
     * Follows {@code instrument}'s production model, loading each version with {@code loader}
     * (typically {@code v -> new EnvObservationPolicy(AgentPolicy.of(Ppo.load(v.directory()), true), ...)}).
     * The current production model is loaded now; there must be one.
     */
    public ProductionPolicy(ModelRegistry registry, String instrument, Function<ModelVersion, Policy> loader, Duration pollInterval) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.loader = Objects.requireNonNull(loader, "loader");
        ModelVersion production = registry.production(instrument).orElseThrow(() -> new IllegalStateException(
                "no production model for " + instrument + " in the registry at " + registry.root()
                        + "; register and promote one first (rl registry promote)"));
        this.current = new Loaded(production, loader.apply(production));
        this.requested = production.name();
        this.loading = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("model-load-" + instrument).factory());
        this.polling = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("model-poll-" + instrument)
                .factory());
        registry.onProductionChange(v -> {
            if (!polling.isShutdown()) {
                poll();
            }
        });
        long millis = Math.max(1, pollInterval.toMillis());
        polling.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs the registry's candidates for this instrument in shadow beside production before they are
     * promoted or rejected (see the class comment). Without this call candidates are left alone.
     */
    public ProductionPolicy shadowCandidates(ShadowSettings settings) {
        this.shadowSettings = Objects.requireNonNull(settings, "settings");
        poll();
        return this;
    }

    private void poll() {
        try {
            registry.production(instrument).ifPresent(this::request);
            if (shadowSettings != null) {
                Optional<ModelRegistry.Candidate> candidate = registry.candidate(instrument);
                candidate.ifPresentOrElse(this::requestCandidate, () -> {
                    if (requestedCandidate != null) {
                        candidateWithdrawn = true;
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read the production model of {}: {}", instrument, e.toString());
        }
    }

    private synchronized void requestCandidate(ModelRegistry.Candidate candidate) {
        if (candidate.version().name().equals(requestedCandidate)) {
            return;
        }
        requestedCandidate = candidate.version().name();
        loading.execute(() -> {
            try {
                Loaded previous = pendingCandidate.getAndSet(new Loaded(candidate.version(), loader.apply(candidate.version())));
                if (previous != null) {
                    previous.policy().close();
                }
                LOG.info("Candidate {} for {} loaded; it shadows production for {} bars from the next bar", candidate.version().name(),
                        instrument, candidate.shadowBars());
            } catch (RuntimeException e) {
                LOG.error("Could not load candidate {} for {}; it is not shadowed: {}", candidate.version().name(), instrument,
                        e.toString());
            }
        });
    }

    private synchronized void request(ModelVersion version) {
        if (version.name().equals(requested)) {
            return;
        }
        requested = version.name();
        loading.execute(() -> {
            try {
                Policy policy = loader.apply(version);
                Loaded previous = pending.getAndSet(new Loaded(version, policy));
                if (previous != null) {
                    previous.policy().close();
                }
                LOG.info("Model {} for {} loaded; it decides from the next bar", version.name(), instrument);
            } catch (RuntimeException e) {
                LOG.error("Could not load model {} for {}; keeping {}: {}", version.name(), instrument, current.version().name(),
                        e.toString());
            }
        });
    }

    /** The version that decides the next bar (after any pending swap). */
    public ModelVersion version() {
        Loaded next = pending.get();
        return next != null ? next.version() : current.version();
    }

    /** Whether a newer model is loaded and waits for the next bar. */
    public Optional<ModelVersion> pendingVersion() {
        return Optional.ofNullable(pending.get()).map(Loaded::version);
    }

    @Override
    public Decision decide(Observation observation) {
        Loaded next = pending.getAndSet(null);
        if (next != null) {
            Loaded old = current;
            current = next;
            LOG.info("Swapped model for {}: {} -> {}", instrument, old.version().name(), next.version().name());
            if (shadow != null) {
                // The shadow run compared the candidate with the old model: start it again against the new one.
                endShadow(false);
            }
            old.policy().close();
        }
        if (candidateWithdrawn) {
            candidateWithdrawn = false;
            endShadow(false);
            requestedCandidate = null;
        }
        Loaded candidate = pendingCandidate.getAndSet(null);
        if (candidate != null) {
            startShadow(candidate);
        }
        Loaded now = current;
        Decision d;
        if (shadow != null) {
            d = shadow.policy().decide(observation);
            ShadowPolicy.Report report = shadow.policy().report();
            if (report.bars() >= shadow.bars()) {
                finishShadow(report);
            }
        } else {
            d = now.policy().decide(observation);
        }
        return new Decision(d.action(), d.targetPosition(), d.confidence(), d.rationale(),
                d.source() + "@" + now.version().name());
    }

    private void startShadow(Loaded candidate) {
        endShadow(false);
        ShadowSettings s = shadowSettings;
        int bars = registry.candidate(instrument).filter(c -> c.version().name().equals(candidate.version().name()))
                .map(ModelRegistry.Candidate::shadowBars).orElse(0);
        if (s == null || bars < 1) {
            candidate.policy().close();
            return;
        }
        Policy production = current.policy();
        Policy notClosingProduction = production::decide; // the shadow run must not close the live model
        shadow = new ShadowRun(candidate, new ShadowPolicy(notClosingProduction, candidate.policy(), candidate.version().name(),
                s.instrument(), s.maxContracts(), s.costPerContract(), s.journal()), bars);
        LOG.info("Shadow run started for {}: candidate {} beside production {} for {} bars", instrument, candidate.version().name(),
                current.version().name(), bars);
    }

    private void finishShadow(ShadowPolicy.Report report) {
        String name = shadow.candidate().version().name();
        PromotionRule.Verdict verdict = PromotionRule.judgeShadow(report.bars(), report.productionPnl(), report.challengerPnl(),
                report.challengerFailures());
        endShadow(true);
        try {
            if (verdict.promote()) {
                registry.promote(instrument, name, "shadow", verdict.reason());
            } else {
                registry.rejectCandidate(instrument, "shadow", verdict.reason());
            }
        } catch (RuntimeException e) {
            LOG.error("Could not record the shadow verdict for {} ({}): {}", name, verdict.reason(), e.toString());
        }
    }

    /** Stops the shadow run and closes the candidate; {@code done} keeps it from being loaded again for another run. */
    private void endShadow(boolean done) {
        if (shadow == null) {
            return;
        }
        shadow.candidate().policy().close();
        shadow = null;
        if (!done) {
            requestedCandidate = null; // a restart loads the candidate afresh at the next poll
        }
    }

    @Override
    public void close() {
        polling.shutdownNow();
        loading.shutdown();
        try {
            loading.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Loaded next = pending.getAndSet(null);
        if (next != null) {
            next.policy().close();
        }
        Loaded candidate = pendingCandidate.getAndSet(null);
        if (candidate != null) {
            candidate.policy().close();
        }
        endShadow(true);
        current.policy().close();
    }
}
