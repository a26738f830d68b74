package io.github.rltrading.core.spi;

import io.github.rltrading.core.config.Config;
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
 *
 * <p>Only {@link #name()} and {@link #evaluate} are required. The default methods serve gates with
 * state or side effects: circuit breakers watch every bar ({@link #onBar}) and may demand an exit,
 * stop/target gates price the bracket of an entry ({@link #stopPrice}, {@link #targetPrice}), rate
 * limits count what the chain let through ({@link #onAccepted}), and limits may change while a
 * session runs ({@link #reconfigure}). A chain calls a gate from one thread at a time (the
 * session's loop, or the training environment's step), so gates need no locking for their own
 * state; {@link #reconfigure} may come from another thread and must publish safely.
 */
public interface RiskGate {

    /** Stable name used in verdicts and the journal. */
    String name();

    /** Judges a proposal. Must be fast (it runs on every decision) and must not block on I/O. */
    RiskVerdict evaluate(TradeProposal proposal, RiskContext context);

    /**
     * Sees every closed bar, before any decision on it, with the position including working orders.
     * A circuit breaker uses it to track equity by trading day, a trailing stop to follow the price.
     *
     * @return {@code null} for no demand, or a {@link RiskVerdict.Outcome#REDUCE REDUCE} verdict whose
     *         quantity is the position the gate requires now, between flat and {@code position}
     *         (e.g. 0 to flatten before the close); the session and the environment move there
     *         without asking the policy
     */
    default RiskVerdict onBar(RiskContext context, double position) {
        return null;
    }

    /**
     * The stop-loss price for an entry the chain approved, or {@code NaN} for none. The chain keeps
     * the tightest stop any gate asks for and the order planner attaches it as a bracket leg.
     */
    default double stopPrice(TradeProposal approved, RiskContext context) {
        return Double.NaN;
    }

    /** The take-profit price for an approved entry, or {@code NaN}; the chain keeps the nearest. */
    default double targetPrice(TradeProposal approved, RiskContext context) {
        return Double.NaN;
    }

    /** Told of each position change the whole chain approved and the session acts on. */
    default void onAccepted(TradeProposal accepted, RiskContext context) {}

    /**
     * A new session or training episode begins: forget per-session state (equity peaks, daily
     * counters). Persistent state that must only be cleared explicitly, such as a kill switch, stays.
     */
    default void reset() {}

    /**
     * Replaces this gate's limits while it runs. Implementations validate {@code settings} completely
     * before applying anything: an invalid change throws and the old limits stay.
     *
     * @throws io.github.rltrading.core.config.ConfigException naming each bad key, with the old limits kept
     * @throws UnsupportedOperationException when the gate has no changeable limits (the default)
     */
    default void reconfigure(Config settings) {
        throw new UnsupportedOperationException("risk gate " + name() + " has no limits that can change while it runs");
    }

    /** The limits in force, for the journal and for tools that show them; empty by default. */
    default java.util.Map<String, Object> limits() {
        return java.util.Map.of();
    }

    /**
     * What this gate must remember across a restart of the process, such as the trading day's loss
     * so far or the trades taken today; empty (the default) when nothing. Values are numbers,
     * strings and booleans. Called on the session's loop thread.
     */
    default java.util.Map<String, Object> saveState() {
        return java.util.Map.of();
    }

    /**
     * Takes back what {@link #saveState()} returned in an earlier process. Called once, on the loop
     * thread, after the session started (and reset the gates). State of another trading day is
     * ignored by the gates that keep per-day state.
     */
    default void restoreState(java.util.Map<String, Object> state) {}
}
