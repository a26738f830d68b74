package io.github.rltrading.core;

import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.spi.RiskGate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs risk gates in order over a proposal.
 *
 * <ul>
 *   <li>Each gate sees the proposal as reduced by the gates before it, so reductions compose and
 *       the smallest change wins.</li>
 *   <li>The first REJECT stops the chain: the position stays where it is.</li>
 *   <li>Fail closed: a gate that throws, returns null, or "reduces" to a quantity outside the span
 *       from the current to the proposed position counts as a REJECT, with the reason.</li>
 * </ul>
 *
 * <pre>{@code
 * RiskChain chain = RiskChain.of(List.of(maxPosition, dailyLoss, killSwitch));
 * RiskChain.Result r = chain.evaluate(proposal, context);
 * if (r.approved()) planner.plan(...r.finalTarget()...);
 * }</pre>
 */
public final class RiskChain {

    private final List<RiskGate> gates;

    private RiskChain(List<RiskGate> gates) {
        this.gates = List.copyOf(gates);
    }

    public static RiskChain of(List<RiskGate> gates) {
        Objects.requireNonNull(gates, "gates");
        return new RiskChain(gates);
    }

    /** A chain without gates: approves everything. */
    public static RiskChain none() {
        return new RiskChain(List.of());
    }

    public List<RiskGate> gates() {
        return gates;
    }

    /** Evaluates {@code proposal}; never throws for a gate's failure. */
    public Result evaluate(TradeProposal proposal, RiskContext context) {
        List<RiskVerdict> verdicts = new ArrayList<>(gates.size());
        TradeProposal current = proposal;
        for (RiskGate gate : gates) {
            RiskVerdict verdict = judge(gate, current, context);
            verdicts.add(verdict);
            switch (verdict.outcome()) {
                case REJECT -> {
                    return new Result(proposal, proposal.currentQuantity(), false, verdicts);
                }
                case REDUCE -> current = current.withTarget(verdict.approvedQuantity());
                case APPROVE -> { }
            }
        }
        return new Result(proposal, current.targetQuantity(), true, verdicts);
    }

    private static RiskVerdict judge(RiskGate gate, TradeProposal proposal, RiskContext context) {
        String name = safeName(gate);
        RiskVerdict verdict;
        try {
            verdict = gate.evaluate(proposal, context);
        } catch (RuntimeException e) {
            return RiskVerdict.reject(name, "gate threw " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + " (fail closed)", Map.of());
        }
        if (verdict == null) {
            return RiskVerdict.reject(name, "gate returned no verdict (fail closed)", Map.of());
        }
        if (verdict.outcome() == RiskVerdict.Outcome.REDUCE) {
            double lo = Math.min(proposal.currentQuantity(), proposal.targetQuantity());
            double hi = Math.max(proposal.currentQuantity(), proposal.targetQuantity());
            double q = verdict.approvedQuantity();
            if (q < lo - 1e-9 || q > hi + 1e-9) {
                return RiskVerdict.reject(name, "gate reduced to " + q + ", outside the span from the current "
                        + proposal.currentQuantity() + " to the proposed " + proposal.targetQuantity()
                        + " (a reduction may not add risk; fail closed)", Map.of("approvedQuantity", q));
            }
        }
        return verdict;
    }

    private static String safeName(RiskGate gate) {
        try {
            String n = gate.name();
            return n == null ? gate.getClass().getName() : n;
        } catch (RuntimeException e) {
            return gate.getClass().getName();
        }
    }

    /**
     * The chain's answer.
     *
     * @param proposal    what was asked
     * @param finalTarget the target quantity allowed: the proposal's, a reduced one, or the current
     *                    quantity when rejected
     * @param approved    false when a gate rejected
     * @param verdicts    each gate's verdict in order (up to the rejecting one)
     */
    public record Result(TradeProposal proposal, double finalTarget, boolean approved, List<RiskVerdict> verdicts) {
        public Result {
            verdicts = List.copyOf(verdicts);
        }

        /** Whether the allowed target differs from the current position. */
        public boolean changesPosition() {
            return Math.abs(finalTarget - proposal.currentQuantity()) > 1e-9;
        }
    }
}
