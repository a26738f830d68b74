package io.github.rltrading.core.spi;

import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;

/**
 * One check in the risk chain. It approves a proposed position change, reduces it to a smaller
 * target, or rejects it, always with a reason. The chain runs gates in order; the smallest reduction
 * wins, the first reject stops it, and a gate that throws counts as a reject (fail closed).
 *
 * <pre>{@code
 * RiskGate maxTwo = new RiskGate() {
 *     public String name() { return "max-two"; }
 *     public RiskVerdict evaluate(TradeProposal p, RiskContext c) {
 *         return Math.abs(p.targetQuantity()) <= 2 ? RiskVerdict.approve(name())
 *             : RiskVerdict.reduce(name(), Math.copySign(2, p.targetQuantity()), "max 2 contracts", Map.of());
 *     }
 * };
 * }</pre>
 */
public interface RiskGate {

    /** Stable name used in verdicts and the journal. */
    String name();

    /** Judges a proposal. Must be fast (it runs on every decision) and must not block on I/O. */
    RiskVerdict evaluate(TradeProposal proposal, RiskContext context);
}
