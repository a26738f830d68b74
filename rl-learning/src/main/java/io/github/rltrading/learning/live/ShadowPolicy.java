package io.github.rltrading.learning.live;

import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.journal.EventType;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.spi.Policy;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shadow (A/B) evaluation: production decides and trades; the challenger decides on the same
 * observations and is never traded. Both are booked on paper the same way, so the comparison is
 * fair: each model's target (a fraction of {@code maxContracts}) is held over the next bar and
 * marked to the close, and every change of target pays {@code costPerContract} per contract
 * traded. Each bar's would-be decisions and running P&amp;Ls go to the journal as
 * {@link EventType#SHADOW} events when a journal is given.
 *
 * <p>A challenger that throws is logged and counted; production's decision is returned regardless.
 */
public final class ShadowPolicy implements Policy {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowPolicy.class);

    /**
     * Where the comparison stands.
     *
     * @param bars               bars both models were booked over
     * @param productionPnl      production's would-be P&amp;L in account currency, after the cost model
     * @param challengerPnl      the challenger's
     * @param agreement          share of decisions where both wanted the same side (long, flat, short)
     * @param challengerFailures decisions the challenger could not make
     */
    public record Report(long bars, double productionPnl, double challengerPnl, double agreement, long challengerFailures) {

        /** How much more the challenger would have made. */
        public double challengerAdvantage() {
            return challengerPnl - productionPnl;
        }
    }

    private final Policy production;
    private final Policy challenger;
    private final String challengerName;
    private final Instrument instrument;
    private final double maxContracts;
    private final double costPerContract;
    private final Journal journal;
    private double productionTarget;
    private double challengerTarget;
    private double lastPrice = Double.NaN;
    private double productionPnl;
    private double challengerPnl;
    private long bars;
    private long agreements;
    private long decisions;
    private long failures;

    /**
     * @param costPerContract what one contract (or share) traded costs, commission and slippage together
     * @param journal         where the shadow events go, or null
     */
    public ShadowPolicy(Policy production, Policy challenger, String challengerName, Instrument instrument, double maxContracts,
            double costPerContract, Journal journal) {
        this.production = Objects.requireNonNull(production, "production");
        this.challenger = Objects.requireNonNull(challenger, "challenger");
        this.challengerName = Objects.requireNonNull(challengerName, "challengerName");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        if (!(maxContracts > 0)) {
            throw new IllegalArgumentException("maxContracts must be positive, got " + maxContracts);
        }
        if (!(costPerContract >= 0)) {
            throw new IllegalArgumentException("costPerContract must be >= 0, got " + costPerContract);
        }
        this.maxContracts = maxContracts;
        this.costPerContract = costPerContract;
        this.journal = journal;
    }

    @Override
    public synchronized Decision decide(Observation observation) {
        double price = observation.account().lastPrice();
        if (Double.isFinite(price) && Double.isFinite(lastPrice)) {
            double move = (price - lastPrice) * instrument.pointValue() * maxContracts;
            productionPnl += productionTarget * move;
            challengerPnl += challengerTarget * move;
            bars++;
        }
        if (Double.isFinite(price)) {
            lastPrice = price;
        }
        Decision live = production.decide(observation);
        Decision shadow = null;
        try {
            shadow = challenger.decide(observation);
        } catch (RuntimeException e) {
            failures++;
            LOG.warn("Shadow model {} failed to decide at {}: {}", challengerName, observation.time(), e.toString());
        }
        double newProduction = live.targetPosition();
        productionPnl -= Math.abs(newProduction - productionTarget) * maxContracts * costPerContract;
        productionTarget = newProduction;
        if (shadow != null) {
            double newChallenger = shadow.targetPosition();
            challengerPnl -= Math.abs(newChallenger - challengerTarget) * maxContracts * costPerContract;
            challengerTarget = newChallenger;
            decisions++;
            if (Math.signum(newChallenger) == Math.signum(newProduction)) {
                agreements++;
            }
        }
        if (journal != null && journal.isEnabled()) {
            // The journal may write later on its own thread: capture this bar's values, not the fields.
            double pt = productionTarget;
            double ct = shadow == null ? 0 : shadow.targetPosition();
            double cc = shadow == null ? 0 : shadow.confidence();
            boolean failed = shadow == null;
            double pp = productionPnl;
            double cp = challengerPnl;
            journal.append(EventType.SHADOW, "shadow:" + challengerName, observation.time(), out -> out.string("challenger", challengerName)
                    .number("productionTarget", pt).number("challengerTarget", ct).number("challengerConfidence", cc)
                    .number("productionPnl", pp).number("challengerPnl", cp).bool("challengerFailed", failed));
        }
        return live;
    }

    public synchronized Report report() {
        return new Report(bars, productionPnl, challengerPnl, decisions == 0 ? Double.NaN : (double) agreements / decisions, failures);
    }

    /** Closes both models. */
    @Override
    public void close() {
        try {
            production.close();
        } finally {
            challenger.close();
        }
    }
}
