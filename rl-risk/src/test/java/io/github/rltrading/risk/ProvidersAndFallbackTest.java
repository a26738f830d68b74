package io.github.rltrading.risk;

import static io.github.rltrading.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.PluginException;
import io.github.rltrading.core.PluginKind;
import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.spi.RiskGate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvidersAndFallbackTest {

    static final List<String> ALL = List.of("max-position", "max-leverage", "stop-target", "daily-loss", "max-drawdown",
            "min-confidence", "max-trades-per-day", "order-rate", "price-sanity", "trading-hours", "var", "disagreement",
            "kill-switch");

    @Test
    void everyGateIsFoundByNameWithItsSettingsSection(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Plugins plugins = Plugins.load();
        var config = config("max-position", Map.of("limit", 3), "daily-loss", Map.of("limit", 500),
                "var", Map.of("limit-percent", 0.01), "kill-switch", Map.of("state-file", dir.resolve("k.json").toString()));
        List<RiskGate> gates = plugins.riskGates(ALL, config);
        assertThat(gates).extracting(RiskGate::name).containsExactlyElementsOf(ALL);
        assertThat(gates.get(0).limits()).containsEntry("limit", 3.0);
        assertThat(RiskGates.defaultGates(io.github.rltrading.core.config.Config.empty())).extracting(RiskGate::name)
                .containsExactlyElementsOf(RiskGates.DEFAULT_NAMES);
    }

    @Test
    void aBadSettingNamesTheGateTheKeyAndTheValue() {
        assertThatThrownBy(() -> Plugins.load().riskGates(List.of("max-position"), config("max-position", Map.of("limit", -2))))
                .isInstanceOf(PluginException.class)
                .hasMessage("risk-gate \"max-position\" could not be created: invalid configuration risk gate max-position: "
                        + "max-position.limit = -2: must be a number >= 0");
    }

    @Test
    void theFallbackTakesOverWhenThePolicyThrows() {
        Policy broken = o -> {
            throw new IllegalStateException("NaN in layer 3");
        };
        Observation obs = new Observation(T0, new float[] {1f}, 0.5);
        Decision exitOnly = FallbackPolicy.guard(broken, FallbackPolicy.Mode.EXIT_ONLY).decide(obs);
        assertThat(exitOnly.targetPosition()).as("keeps the position, adds nothing").isEqualTo(0.5);
        assertThat(exitOnly.rationale()).contains("fallback after policy failure").contains("NaN in layer 3");
        assertThat(FallbackPolicy.guard(broken, FallbackPolicy.Mode.FLAT).decide(obs).targetPosition()).isZero();
    }

    @Test
    void aPolicyThatCannotBeCreatedLeavesTheRulesPolicyTrading() {
        Policy p = Plugins.load().create(PluginKind.POLICY, config("policy", "fallback",
                "fallback", Map.of("primary", "no-such-model", "mode", "flat")));
        Decision d = p.decide(new Observation(T0, new float[] {1f}, 1.0));
        assertThat(d.targetPosition()).isZero();
        assertThat(d.rationale()).startsWith("fallback flat: policy no-such-model could not be created (policy "
                + "\"no-such-model\" not found; available: [");
        assertThatThrownBy(() -> FallbackPolicy.Mode.parse("panic")).hasMessage("fallback mode must be flat or exit-only, got 'panic'");
    }
}
