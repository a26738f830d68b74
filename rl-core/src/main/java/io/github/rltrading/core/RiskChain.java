package io.github.rltrading.core;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.spi.RiskGate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs risk gates in order over a proposal.
 *
 * <ul>
 *   <li>Each gate sees the proposal as reduced by the gates before it, so reductions compose and
 *       the smallest change wins.</li>
 *   <li>The first REJECT stops the chain: the position stays where it is.</li>
 *   <li>Fail closed: a gate that throws, returns null, or "reduces" to a quantity outside the span
 *       from the current to the proposed position counts as a REJECT, with the reason.</li>
 *   <li>An approved entry gets the tightest stop-loss and the nearest take-profit any gate prices.</li>
 *   <li>{@link #onBar} lets circuit breakers demand an exit on any bar; the most cautious demand wins.</li>
 * </ul>
 *
 * <pre>{@code
 * RiskChain chain = RiskChain.of(List.of(maxPosition, dailyLoss, killSwitch));
 * RiskChain.Result r = chain.evaluate(proposal, context);
 * if (r.approved()) planner.plan(...r.finalTarget()...);
 * }</pre>
 *
 * The same chain object serves a session, a backtest and the training environment, so identical
 * inputs give identical answers everywhere. It is confined to one thread at a time, like its gates.
 */
public final class RiskChain {

    private static final double EPS = 1e-9;
    private final List<RiskGate> gates;
    private final RiskGate[] array;

    private RiskChain(List<RiskGate> gates) {
        this.gates = List.copyOf(gates);
        this.array = this.gates.toArray(RiskGate[]::new);
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

    public boolean isEmpty() {
        return array.length == 0;
    }

    /** The gate with this name, if the chain has one. */
    public Optional<RiskGate> gate(String name) {
        return gates.stream().filter(g -> name.equals(safeName(g))).findFirst();
    }

    /** Evaluates {@code proposal}; never throws for a gate's failure. */
    public Result evaluate(TradeProposal proposal, RiskContext context) {
        Evaluation e = newEvaluation();
        evaluate(proposal, context, e);
        return e.toResult();
    }

    /** A reusable scratch object for {@link #evaluate(TradeProposal, RiskContext, Evaluation)}. */
    public Evaluation newEvaluation() {
        return new Evaluation(array.length);
    }

    /**
     * Evaluates {@code proposal} into {@code out}, allocating nothing when every gate approves with
     * a cached verdict: the form a session uses on every decision.
     */
    public void evaluate(TradeProposal proposal, RiskContext context, Evaluation out) {
        out.clear(proposal);
        TradeProposal current = proposal;
        for (RiskGate gate : array) {
            RiskVerdict verdict = judge(gate, current, context);
            out.verdicts[out.count++] = verdict;
            switch (verdict.outcome()) {
                case REJECT -> {
                    out.finalTarget = proposal.currentQuantity();
                    out.approved = false;
                    return;
                }
                case REDUCE -> current = current.withTarget(verdict.approvedQuantity());
                case APPROVE -> { }
            }
        }
        out.approved = true;
        out.finalTarget = current.targetQuantity();
        if (opensRisk(proposal.currentQuantity(), out.finalTarget)) {
            protect(current, context, out);
        }
    }

    /** Whether moving from {@code current} to {@code target} opens or adds to a position. */
    static boolean opensRisk(double current, double target) {
        return Math.abs(target) > EPS
                && (Math.signum(target) != Math.signum(current) || Math.abs(target) > Math.abs(current) + EPS);
    }

    private void protect(TradeProposal approved, RiskContext context, Evaluation out) {
        int side = approved.targetQuantity() > 0 ? 1 : -1;
        double stop = Double.NaN;
        double target = Double.NaN;
        for (RiskGate gate : array) {
            double s;
            double t;
            try {
                s = gate.stopPrice(approved, context);
                t = gate.targetPrice(approved, context);
            } catch (RuntimeException e) {
                // A gate that cannot price its stop must not let the entry go out unprotected.
                out.approved = false;
                out.finalTarget = approved.currentQuantity();
                out.verdicts[out.count++] = RiskVerdict.reject(
                        safeName(gate), "could not price the stop/target: " + e + " (fail closed)", Map.of());
                return;
            }
            // Tightest stop: highest below a long entry, lowest above a short one.
            if (Double.isFinite(s) && (Double.isNaN(stop) || (s - stop) * side > 0)) {
                stop = s;
            }
            if (Double.isFinite(t) && (Double.isNaN(target) || (t - target) * side < 0)) {
                target = t;
            }
        }
        out.stopPrice = stop;
        out.targetPrice = target;
    }

    /**
     * Shows every gate the closed bar and returns the most cautious exit any of them demands (the
     * quantity closest to flat), or {@code null}. A demand that would add risk (outside the span from
     * flat to {@code position}) is never executed.
     */
    public RiskVerdict onBar(RiskContext context, double position) {
        RiskVerdict chosen = null;
        for (RiskGate gate : array) {
            RiskVerdict demand;
            try {
                demand = gate.onBar(context, position);
            } catch (RuntimeException e) {
                // A breaker that throws here demands nothing; its evaluate() throws too and so
                // rejects every proposal (fail closed), which keeps new risk out.
                continue;
            }
            if (demand == null || demand.outcome() != RiskVerdict.Outcome.REDUCE) {
                continue;
            }
            double q = demand.approvedQuantity();
            double lo = Math.min(0, position);
            double hi = Math.max(0, position);
            if (q < lo - EPS || q > hi + EPS || Math.abs(q - position) < EPS) {
                continue;
            }
            if (chosen == null || Math.abs(q) < Math.abs(chosen.approvedQuantity())) {
                chosen = demand;
            }
        }
        return chosen;
    }

    /** Tells every gate that the session acts on {@code accepted} (rate limits, trade counters). */
    public void accepted(TradeProposal accepted, RiskContext context) {
        for (RiskGate gate : array) {
            try {
                gate.onAccepted(accepted, context);
            } catch (RuntimeException ignored) {
                // A counter that fails will fail its own evaluate() next time, which rejects.
            }
        }
    }

    /** A new session or episode: every gate forgets its per-session state. */
    public void reset() {
        for (RiskGate gate : array) {
            gate.reset();
        }
    }

    /**
     * Changes one gate's limits while the chain runs.
     *
     * @throws IllegalArgumentException naming the gate and the available names when none matches
     * @throws io.github.rltrading.core.config.ConfigException when the settings are invalid (old limits stay)
     * @throws UnsupportedOperationException when the gate has no changeable limits
     */
    public void reconfigure(String gateName, Config settings) {
        RiskGate gate = gate(gateName).orElseThrow(() -> new IllegalArgumentException("no risk gate \"" + gateName
                + "\" in this chain; it has " + gates.stream().map(RiskChain::safeName).toList()));
        gate.reconfigure(settings);
    }

    private static RiskVerdict judge(RiskGate gate, TradeProposal proposal, RiskContext context) {
        RiskVerdict verdict;
        try {
            verdict = gate.evaluate(proposal, context);
        } catch (RuntimeException e) {
            return RiskVerdict.reject(safeName(gate), "gate threw " + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + " (fail closed)", Map.of());
        }
        if (verdict == null) {
            return RiskVerdict.reject(safeName(gate), "gate returned no verdict (fail closed)", Map.of());
        }
        if (verdict.outcome() == RiskVerdict.Outcome.REDUCE) {
            double lo = Math.min(proposal.currentQuantity(), proposal.targetQuantity());
            double hi = Math.max(proposal.currentQuantity(), proposal.targetQuantity());
            double q = verdict.approvedQuantity();
            if (q < lo - EPS || q > hi + EPS) {
                return RiskVerdict.reject(safeName(gate), "gate reduced to " + q + ", outside the span from the current "
                        + proposal.currentQuantity() + " to the proposed " + proposal.targetQuantity()
                        + " (a reduction may not add risk; fail closed)", Map.of("approvedQuantity", q));
            }
        }
        return verdict;
    }

    static String safeName(RiskGate gate) {
        try {
            String n = gate.name();
            return n == null ? gate.getClass().getName() : n;
        } catch (RuntimeException e) {
            return gate.getClass().getName();
        }
    }

    /**
     * A reusable, mutable answer of the chain, so the per-decision path allocates nothing. Read it
     * before the next evaluation into the same object.
     */
    public static final class Evaluation {
        private final RiskVerdict[] verdicts;
        private int count;
        private TradeProposal proposal;
        private boolean approved;
        private double finalTarget;
        private double stopPrice = Double.NaN;
        private double targetPrice = Double.NaN;

        Evaluation(int gates) {
            this.verdicts = new RiskVerdict[gates + 1]; // + 1: a stop/target pricing failure
        }

        private void clear(TradeProposal p) {
            Arrays.fill(verdicts, 0, count, null);
            count = 0;
            proposal = p;
            approved = false;
            finalTarget = p.currentQuantity();
            stopPrice = Double.NaN;
            targetPrice = Double.NaN;
        }

        public TradeProposal proposal() {
            return proposal;
        }

        public boolean approved() {
            return approved;
        }

        public double finalTarget() {
            return finalTarget;
        }

        /** Tightest stop-loss price from the gates for an approved entry, or NaN. */
        public double stopPrice() {
            return stopPrice;
        }

        /** Nearest take-profit price from the gates for an approved entry, or NaN. */
        public double targetPrice() {
            return targetPrice;
        }

        public int verdictCount() {
            return count;
        }

        public RiskVerdict verdict(int i) {
            Objects.checkIndex(i, count);
            return verdicts[i];
        }

        public boolean changesPosition() {
            return Math.abs(finalTarget - proposal.currentQuantity()) > EPS;
        }

        /** An immutable copy. */
        public Result toResult() {
            List<RiskVerdict> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                list.add(verdicts[i]);
            }
            return new Result(proposal, finalTarget, approved, list, stopPrice, targetPrice);
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
     * @param stopPrice   the tightest stop-loss any gate priced for an approved entry, or NaN
     * @param targetPrice the nearest take-profit any gate priced for an approved entry, or NaN
     */
    public record Result(TradeProposal proposal, double finalTarget, boolean approved, List<RiskVerdict> verdicts,
                         double stopPrice, double targetPrice) {
        public Result {
            verdicts = List.copyOf(verdicts);
        }

        /** Whether the allowed target differs from the current position. */
        public boolean changesPosition() {
            return Math.abs(finalTarget - proposal.currentQuantity()) > EPS;
        }
    }
}
