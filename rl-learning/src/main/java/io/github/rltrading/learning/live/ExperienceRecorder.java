package io.github.rltrading.learning.live;

import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.trading.Side;
import io.github.rltrading.learning.drift.DriftMonitor;
import io.github.rltrading.learning.experience.Experience;
import io.github.rltrading.learning.experience.ExperienceStore;
import io.github.rltrading.learning.experience.TradeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A policy wrapper that records experience: each decision becomes a transition once the next bar's
 * observation arrives (state, the decided target as the action, reward, next state), stored
 * durably in the {@link ExperienceStore}.
 *
 * <ul>
 *   <li>Reward: the position actually held over the bar (as a fraction of the maximum) times the
 *       bar's price return, {@code position · (p₁ − p₀) / p₀}. It needs the observation's last
 *       price; without one (a host that does not fill in {@code account}) the reward is 0.</li>
 *   <li>Trade outcome: when the held position goes back to flat or reverses, the experience that
 *       opened it gets the trade's price P&amp;L ({@code (exit − entry) · quantity · point value}) and
 *       duration. Commissions and slippage are not visible to a policy, so this P&amp;L is gross.</li>
 *   <li>The last decision of a session has no next state and is not recorded.</li>
 * </ul>
 *
 * With a {@link DriftMonitor} ({@link #watchDrift}), every observation's feature row and every
 * recorded reward go to it, so drift in the market or in the reward is seen as it happens.
 *
 * <p>A store failure is logged and the decision still returned: recording must never stop trading.
 */
public final class ExperienceRecorder implements Policy {

    private static final Logger LOG = LoggerFactory.getLogger(ExperienceRecorder.class);

    private final Policy inner;
    private final ExperienceStore store;
    private final Instrument instrument;
    private final Supplier<String> modelVersion;
    private Observation previous;
    private Decision previousDecision;
    private long openTradeExperience = -1;
    private double entryPrice;
    private double entryQuantity;
    private Instant entryTime;
    private long recorded;
    private long failures;
    private volatile DriftMonitor drift;

    /**
     * Records the decisions of {@code inner} for {@code instrument}; {@code modelVersion} names the
     * deciding model ({@code productionPolicy::version} gives it for a registry-backed policy).
     */
    public ExperienceRecorder(Policy inner, ExperienceStore store, Instrument instrument, Supplier<String> modelVersion) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.store = Objects.requireNonNull(store, "store");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.modelVersion = Objects.requireNonNull(modelVersion, "modelVersion");
    }

    /**
     * Feeds {@code monitor} each observation's features (they must be the columns its reference was
     * fitted on: wrap the session's policy, whose observation is the feature row) and each reward.
     */
    public ExperienceRecorder watchDrift(DriftMonitor monitor) {
        this.drift = Objects.requireNonNull(monitor, "monitor");
        return this;
    }

    @Override
    public synchronized Decision decide(Observation observation) {
        DriftMonitor monitor = drift;
        if (monitor != null) {
            try {
                monitor.observe(observation.features());
            } catch (RuntimeException e) {
                LOG.warn("Drift monitor refused the observation at {}: {}", observation.time(), e.toString());
            }
        }
        Decision decision = inner.decide(observation);
        if (previous != null) {
            record(observation);
        }
        previous = new Observation(observation.time(), observation.features().clone(), observation.position(), observation.account());
        previousDecision = decision;
        return decision;
    }

    private void record(Observation now) {
        double p0 = previous.account().lastPrice();
        double p1 = now.account().lastPrice();
        double reward = Double.isFinite(p0) && Double.isFinite(p1) && p0 > 0 ? previous.position() * (p1 - p0) / p0 : 0;
        float[] action = previousDecision.action() instanceof Action.Continuous c ? c.values().clone()
                : new float[] {(float) previousDecision.targetPosition()};
        Experience e = new Experience(0, instrument.symbol(), modelVersion.get(), previous.time(), previous.features(), action, reward,
                now.features().clone(), false, Map.of("price", Double.isFinite(p0) ? p0 : 0.0), clamp(previousDecision.confidence()),
                Double.NaN, null, null);
        try {
            long id = store.append(e).id();
            recorded++;
            DriftMonitor monitor = drift;
            if (monitor != null) {
                monitor.observeReward(reward);
            }
            trackTrade(id, now);
        } catch (RuntimeException ex) {
            failures++;
            LOG.error("Could not record the experience of {} at {} ({} failures so far); trading goes on", instrument.symbol(),
                    previous.time(), failures, ex);
        }
    }

    /** Follows the held position: a trade opens when it leaves flat and closes when it returns to flat or reverses. */
    private void trackTrade(long id, Observation now) {
        double before = previous.account().quantity();
        double after = now.account().quantity();
        double price = now.account().lastPrice();
        boolean closed = before != 0 && (after == 0 || Math.signum(after) != Math.signum(before));
        if (closed && openTradeExperience > 0 && Double.isFinite(price)) {
            double pnl = (price - entryPrice) * entryQuantity * instrument.pointValue();
            store.recordOutcome(openTradeExperience, new TradeOutcome(pnl, Duration.between(entryTime, now.time()),
                    entryQuantity > 0 ? Side.BUY : Side.SELL));
            openTradeExperience = -1;
        }
        if (after != 0 && (before == 0 || closed) && Double.isFinite(price)) {
            openTradeExperience = id;
            entryPrice = Double.isFinite(now.account().averagePrice()) ? now.account().averagePrice() : price;
            entryQuantity = after;
            entryTime = now.time();
        }
    }

    private static double clamp(double confidence) {
        return Double.isFinite(confidence) ? Math.max(0, Math.min(1, confidence)) : 0;
    }

    /** Experiences stored so far. */
    public synchronized long recorded() {
        return recorded;
    }

    /** Experiences that could not be stored. */
    public synchronized long failures() {
        return failures;
    }

    @Override
    public void close() {
        inner.close();
    }
}
