package io.github.rltrading.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigException;
import io.github.rltrading.core.market.AssetClass;
import io.github.rltrading.core.market.CommissionModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionConfigTest {

    @Test
    void aBuiltInContractWithACommissionOverride() {
        SessionConfig c = SessionConfig.from(Config.of(Map.of(
                "sessionId", "es-paper",
                "instrument", Map.of("symbol", "ES", "commission", Map.of("perUnit", 2.25)),
                "maxPosition", 2,
                "decisionGate", Map.of("fastPath", 0.9, "floor", 0.2, "deadlineMillis", 1500),
                "orderPlanner", Map.of("stopTicks", 8, "targetTicks", 16),
                "riskGates", List.of("max-position", "kill-switch"))), "session.yaml");

        assertThat(c.instrument().symbol()).isEqualTo("ES");
        assertThat(c.instrument().pointValue()).isEqualTo(50.0);
        assertThat(c.instrument().commission()).isEqualTo(CommissionModel.perUnit(2.25));
        assertThat(c.maxPosition()).isEqualTo(2.0);
        assertThat(c.decisionGate()).isEqualTo(new DecisionGate(0.9, 0.2, Duration.ofMillis(1500)));
        assertThat(c.riskGates()).containsExactly("max-position", "kill-switch");
        assertThat(c.alertSinks()).containsExactly("log");
        assertThat(c.startingCash()).isEqualTo(100_000.0);
    }

    @Test
    void aLeveragedEtfDescribedInFull() {
        SessionConfig c = SessionConfig.from(Config.of(Map.of("instrument", Map.of(
                "symbol", "upro", "assetClass", "ETF", "tickSize", 0.01, "pointValue", 1, "leverageFactor", 3,
                "commission", Map.of("perUnit", 0.005, "minimum", 1.0)))), null);
        assertThat(c.instrument().symbol()).isEqualTo("UPRO");
        assertThat(c.instrument().assetClass()).isEqualTo(AssetClass.ETF);
        assertThat(c.instrument().leverageFactor()).isEqualTo(3.0);
        assertThat(c.instrument().commission()).isEqualTo(CommissionModel.perUnit(0.005, 1.0));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Config bad = Config.of(Map.of(
                "sessionId", "my session",
                "instrument", "XYZ",
                "maxPosition", -2,
                "decisionGate", Map.of("fastPath", 0.5, "floor", 0.7)));
        assertThatThrownBy(() -> SessionConfig.from(bad, "session.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("""
                        invalid configuration session.yaml, 4 problems:
                          - sessionId = "my session": must be letters, digits, '_', '.' or '-'
                          - instrument = "XYZ": is not a built-in contract [ES, MES, NQ, MNQ, RTY, M2K, YM, MYM]; \
                        describe it as a section with symbol, assetClass, tickSize and pointValue
                          - maxPosition = -2: must be a number > 0
                          - decisionGate.floor = 0.7: must not exceed fastPath (0.5)""");
    }

    @Test
    void aMissingInstrumentSaysWhatToWrite() {
        assertThatThrownBy(() -> SessionConfig.from(Config.empty(), null))
                .hasMessage("invalid configuration: instrument: is required: a built-in symbol such as ES or MES, "
                        + "or a section with symbol, assetClass, tickSize and pointValue");
    }
}
