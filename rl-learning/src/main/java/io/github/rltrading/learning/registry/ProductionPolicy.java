package io.github.rltrading.learning.registry;

import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.spi.Policy;
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
 */
public final class ProductionPolicy implements Policy {

    private static final Logger LOG = LoggerFactory.getLogger(ProductionPolicy.class);

    private record Loaded(ModelVersion version, Policy policy) {}

    private final ModelRegistry registry;
    private final String instrument;
    private final Function<ModelVersion, Policy> loader;
    private final AtomicReference<Loaded> pending = new AtomicReference<>();
    private final ExecutorService loading;
    private final ScheduledExecutorService polling;
    private volatile Loaded current;
    private volatile String requested;

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

    private void poll() {
        try {
            registry.production(instrument).ifPresent(this::request);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the production model of {}: {}", instrument, e.toString());
        }
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
            old.policy().close();
        }
        Loaded now = current;
        Decision d = now.policy().decide(observation);
        return new Decision(d.action(), d.targetPosition(), d.confidence(), d.rationale(),
                d.source() + "@" + now.version().name());
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
        current.policy().close();
    }
}
