package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code kill-switch}: while the {@link KillSwitch} is engaged, every proposal that adds risk is
 * rejected; orders that reduce or close still pass, and with {@code flatten: true} the gate closes
 * the position itself.
 *
 * <pre>{@code
 * kill-switch:
 *   state-file: runs/kill-switch.json
 *   flatten: false
 * }</pre>
 */
public final class KillSwitchGate extends LimitGate<KillSwitchGate.Settings> {

    /** Parsed settings. */
    record Settings(KillSwitch killSwitch, boolean flatten) implements LimitGate.Limits {
        @Override
        public Map<String, Object> describe() {
            return Map.of("state-file", killSwitch.file().toString(), "flatten", flatten);
        }
    }

    public KillSwitchGate(Config settings) {
        super("kill-switch", settings, KillSwitchGate::parse);
    }

    /**
     * A gate on a switch the caller already holds (e.g. one from {@link KillSwitch#open}); a later
     * {@link #reconfigure} may change {@code flatten}, not the switch.
     */
    public KillSwitchGate(KillSwitch killSwitch, boolean flatten) {
        super("kill-switch", Config.of(Map.of("flatten", flatten)),
                v -> new Settings(killSwitch, v.bool("flatten", false)));
    }

    private static Settings parse(ConfigValidator v) {
        String file = v.string("state-file", "runs/kill-switch.json");
        return new Settings(KillSwitch.at(Path.of(file)), v.bool("flatten", false));
    }

    /** The switch this gate obeys. */
    public KillSwitch killSwitch() {
        return current().killSwitch();
    }

    @Override
    public RiskVerdict evaluate(TradeProposal p, RiskContext context) {
        KillSwitch.State s = current().killSwitch().state();
        if (!s.engaged() || !p.increasesRisk()) {
            return approve();
        }
        return RiskVerdict.reject(name(), "kill switch is on since " + s.since() + " (" + s.by() + ": " + s.reason()
                + "); only orders that reduce risk pass until it is reset", Map.of());
    }

    @Override
    public RiskVerdict onBar(RiskContext context, double position) {
        Settings settings = current();
        KillSwitch.State s = settings.killSwitch().state();
        if (!s.engaged() || !settings.flatten() || position == 0) {
            return null;
        }
        return RiskVerdict.reduce(name(), 0, "kill switch is on since " + s.since() + " (" + s.by() + ": "
                + s.reason() + "); flattening", Map.of("position", position));
    }
}
