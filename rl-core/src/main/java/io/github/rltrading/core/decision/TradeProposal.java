package io.github.rltrading.core.decision;

import io.github.rltrading.core.market.Instrument;
import java.time.Instant;
import java.util.Objects;

/**
 * A change of position that the risk chain is asked about: from {@code currentQuantity} to
 * {@code targetQuantity} (signed contracts or shares; positive is long).
 *
 * @param instrument      what would be traded
 * @param time            decision time
 * @param currentQuantity position now, including working orders' effect already counted by the planner
 * @param targetQuantity  position wanted
 * @param referencePrice  the last price, for notional and sanity checks
 * @param decision        the policy decision behind it (after the decision gate)
 * @param assessment      the reasoner's assessment of it, or {@code null} when no reasoner was asked
 *                        (fast path, below the floor, no reasoner, or it missed its deadline)
 */
public record TradeProposal(Instrument instrument, Instant time, double currentQuantity, double targetQuantity,
                            double referencePrice, Decision decision, Assessment assessment) {

    /** A proposal no reasoner has assessed. */
    public TradeProposal(Instrument instrument, Instant time, double currentQuantity, double targetQuantity,
                         double referencePrice, Decision decision) {
        this(instrument, time, currentQuantity, targetQuantity, referencePrice, decision, null);
    }

    public TradeProposal {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(decision, "decision");
        if (!Double.isFinite(currentQuantity) || !Double.isFinite(targetQuantity) || !Double.isFinite(referencePrice)) {
            throw new IllegalArgumentException("trade proposal for " + instrument.symbol()
                    + ": quantities and price must be finite, got current=" + currentQuantity + " target="
                    + targetQuantity + " price=" + referencePrice);
        }
    }

    /** The same proposal with the reasoner's assessment attached. */
    public TradeProposal withAssessment(Assessment value) {
        return new TradeProposal(instrument, time, currentQuantity, targetQuantity, referencePrice, decision, value);
    }

    /** Signed change: target − current. */
    public double delta() {
        return targetQuantity - currentQuantity;
    }

    /**
     * Whether the proposal adds risk: it moves the position away from zero or across it. Closing
     * or reducing orders do not, so a kill switch still lets them through.
     */
    public boolean increasesRisk() {
        return Math.abs(targetQuantity) > Math.abs(currentQuantity)
                || Math.signum(targetQuantity) * Math.signum(currentQuantity) < 0;
    }

    /** The same proposal with another target quantity. */
    public TradeProposal withTarget(double quantity) {
        return new TradeProposal(instrument, time, currentQuantity, quantity, referencePrice, decision, assessment);
    }
}
