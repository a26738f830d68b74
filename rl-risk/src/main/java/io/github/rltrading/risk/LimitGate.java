package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.spi.RiskGate;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What every gate in this module shares: a name, one cached approval (so the approve path
 * allocates nothing), and limits read from a config section that can be replaced while the gate
 * runs. A change is merged over the settings in force, parsed and validated completely, and only
 * then published (one volatile write), so a bad change leaves the old limits in place.
 *
 * @param <L> the gate's immutable limits
 */
abstract class LimitGate<L extends LimitGate.Limits> implements RiskGate {

    /** A gate's parsed, validated limits. */
    interface Limits {
        /** The limits as names and values, for the journal and {@link RiskGate#limits()}. */
        Map<String, Object> describe();
    }

    private final String name;
    private final RiskVerdict approved;
    private final Function<ConfigValidator, L> parser;
    private volatile Config settings;
    private volatile L limits;

    LimitGate(String name, Config settings, Function<ConfigValidator, L> parser) {
        this.name = Objects.requireNonNull(name, "name");
        this.approved = RiskVerdict.approve(name);
        this.parser = parser;
        this.settings = settings == null ? Config.empty() : settings;
        this.limits = parse(this.settings);
    }

    private L parse(Config candidate) {
        ConfigValidator v = candidate.validator();
        L parsed = parser.apply(v);
        v.throwIfInvalid("risk gate " + name);
        return parsed;
    }

    @Override
    public final String name() {
        return name;
    }

    /** The limits in force; read once per call into a local, as they may change between calls. */
    final L current() {
        return limits;
    }

    final RiskVerdict approve() {
        return approved;
    }

    @Override
    public final synchronized void reconfigure(Config change) {
        Objects.requireNonNull(change, "change");
        Config merged = change.withFallback(settings);
        L parsed = parse(merged); // throws ConfigException: nothing changes
        settings = merged;
        limits = parsed;
    }

    @Override
    public final Map<String, Object> limits() {
        return limits.describe();
    }

    /** Size limits only constrain changes that add risk; a reduction toward flat always passes. */
    static boolean addsRisk(TradeProposal p) {
        return p.increasesRisk();
    }

    /**
     * The verdict for a proposal whose target may be at most {@code maxAbs} from flat: approve when
     * within, reduce to the limit when that lies between current and target, else reject.
     */
    final RiskVerdict capAbs(TradeProposal p, double maxAbs, String what, Map<String, Double> numbers) {
        double target = p.targetQuantity();
        if (Math.abs(target) <= maxAbs + 1e-9 || !addsRisk(p)) {
            return approved;
        }
        double allowed = Math.copySign(Math.max(0, maxAbs), target);
        double lo = Math.min(p.currentQuantity(), target);
        double hi = Math.max(p.currentQuantity(), target);
        if (allowed >= lo - 1e-9 && allowed <= hi + 1e-9 && Math.abs(allowed - p.currentQuantity()) > 1e-9) {
            return RiskVerdict.reduce(name, allowed, "target " + fmt(target) + " exceeds " + what + "; reduced to "
                    + fmt(allowed), numbers);
        }
        return RiskVerdict.reject(name, "target " + fmt(target) + " exceeds " + what + " and the position "
                + fmt(p.currentQuantity()) + " is already at or beyond it", numbers);
    }

    /**
     * Reads a limit given either as an amount of money ({@code limit}) or as a fraction
     * ({@code limit-percent}); exactly one must be set. Returns {amount, fraction}, the unset one NaN.
     */
    static double[] amountOrFraction(ConfigValidator v, String fractionOf) {
        boolean hasLimit = v.config().has("limit");
        boolean hasPercent = v.config().has("limit-percent");
        if (hasLimit == hasPercent) {
            v.problem("limit", v.config().get("limit").orElse(null), "set exactly one of limit (currency) and "
                    + "limit-percent (a fraction of " + fractionOf + " such as 0.02)");
        }
        return new double[] {hasLimit ? v.positiveDouble("limit", 1) : Double.NaN,
            hasPercent ? v.doubleInRange("limit-percent", 0.02, 1e-9, 1.0) : Double.NaN};
    }

    /** Saves a breaker's trip (whether, and when) into a gate's saved state. */
    static void saveTrip(java.util.Map<String, Object> state, boolean tripped, java.time.Instant at) {
        state.put("tripped", tripped);
        if (at != null) {
            state.put("trippedAt", at.toString());
        }
    }

    /** Whether a saved state says the breaker had tripped. */
    static boolean restoredTripped(java.util.Map<String, Object> state) {
        return Boolean.TRUE.equals(state.get("tripped"));
    }

    /** When the breaker of a saved state tripped, or null. */
    static java.time.Instant restoredTripTime(java.util.Map<String, Object> state) {
        return state.get("trippedAt") instanceof String t ? java.time.Instant.parse(t) : null;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String money(double v) {
        return String.format(java.util.Locale.ROOT, "%,.2f", v);
    }
}
