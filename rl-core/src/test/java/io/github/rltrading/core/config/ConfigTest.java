package io.github.rltrading.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path dir;

    private static final String YAML = """
            sessionId: es-paper
            broker:
              name: sim
              slippageTicks: 1
            risk:
              maxPosition: 2
              dailyLossLimit: 1500.5
              flatten: true
            riskGates: [max-position, kill-switch]
            """;
    private static final String JSON = """
            {"sessionId": "es-paper",
             "broker": {"name": "sim", "slippageTicks": 1},
             "risk": {"maxPosition": 2, "dailyLossLimit": 1500.5, "flatten": true},
             "riskGates": ["max-position", "kill-switch"]}
            """;

    @Test
    void aSettingAddedToAPluginChosenByNameKeepsTheNameAndReplacingDropsTheOldSection() {
        Config base = Config.of(Map.of("feed", "nt8", "broker", Map.of("name", "nt8", "instrument", "MES"),
                "policy", Map.of("name", "ppo", "model", "m", "deterministic", false)));
        Config changed = base.withSetting("feed", "port", 8890).withSetting("broker", "port", 8890).withSetting("alerts", "level", "warn")
                .replacing("policy", Map.of("name", "ema-cross"));
        assertThat(changed.section("feed").toMap()).isEqualTo(Map.of("name", "nt8", "port", 8890));
        assertThat(changed.section("broker").toMap()).isEqualTo(Map.of("name", "nt8", "instrument", "MES", "port", 8890));
        assertThat(changed.section("alerts").toMap()).isEqualTo(Map.of("level", "warn"));
        assertThat(changed.section("policy").toMap()).isEqualTo(Map.of("name", "ema-cross"));
        assertThat(base.getString("feed", "?")).isEqualTo("nt8"); // configs are immutable
    }

    @Test
    void aSettingAddedToAPluginChosenByNameKeepsTheSettingsOfItsNamedSection() {
        // feed: nt8 reads the top-level nt8 section; once the feed is a section, it reads that one instead.
        Config base = Config.of(Map.of("feed", "nt8", "broker", "nt8",
                "nt8", Map.of("host", "127.0.0.1", "port", 8888, "instrument", "MES", "timeframe", "5m")));
        Config changed = base.withSetting("feed", "port", 0).withSetting("broker", "port", 0);
        assertThat(changed.section("feed").toMap())
                .isEqualTo(Map.of("name", "nt8", "host", "127.0.0.1", "port", 0, "instrument", "MES", "timeframe", "5m"));
        assertThat(changed.section("broker").toMap()).containsEntry("instrument", "MES").containsEntry("port", 0);
        assertThat(changed.section("nt8").toMap()).as("the named section itself is left as it was").containsEntry("port", 8888);
    }

    @Test
    void jsonAndYamlOfTheSameSettingsAreEqual() throws Exception {
        Path yaml = Files.writeString(dir.resolve("session.yaml"), YAML);
        Path json = Files.writeString(dir.resolve("session.json"), JSON);
        assertThat(ConfigLoader.load(yaml)).isEqualTo(ConfigLoader.load(json));
    }

    @Test
    void typedGettersReadSectionsListsAndDottedKeys() {
        Config c = ConfigLoader.parse(YAML, ConfigLoader.Format.YAML, "session.yaml");
        assertThat(c.getString("sessionId")).contains("es-paper");
        assertThat(c.getInt("risk.maxPosition", 0)).isEqualTo(2);
        assertThat(c.getLong("risk.maxPosition", 0)).isEqualTo(2L);
        assertThat(c.getDouble("risk.dailyLossLimit", 0)).isEqualTo(1500.5);
        assertThat(c.getBoolean("risk.flatten", false)).isTrue();
        assertThat(c.getStringList("riskGates")).containsExactly("max-position", "kill-switch");
        assertThat(c.section("broker").getInt("slippageTicks", 0)).isEqualTo(1);
        assertThat(c.getInt("missing", 7)).isEqualTo(7);
        assertThat(c.section("missing").keys()).isEmpty();
        assertThat(c.toFlatMap()).containsEntry("risk.maxPosition", 2).containsEntry("broker.name", "sim");
        assertThat(Config.of(Map.of("risk.maxPosition", 2))).isEqualTo(Config.of(Map.of("risk", Map.of("maxPosition", 2))));
    }

    @Test
    void userSettingsWinOverDefaultsKeyByKey() {
        Config defaults = Config.of(Map.of("risk", Map.of("maxPosition", 1, "flatten", false), "broker", "sim"));
        Config user = Config.of(Map.of("risk", Map.of("maxPosition", 3)));
        Config merged = user.withFallback(defaults);
        assertThat(merged.getInt("risk.maxPosition", 0)).isEqualTo(3);
        assertThat(merged.getBoolean("risk.flatten", true)).isFalse();
        assertThat(merged.getString("broker")).contains("sim");
    }

    @Test
    void overridesFromPropertiesReplaceFileValues() {
        Config c = ConfigLoader.withOverrides(ConfigLoader.parse(YAML, ConfigLoader.Format.YAML, "s"),
                Map.of("rl.risk.maxPosition", "5", "other.key", "x", "rl.broker.name", "nt8"), "rl.");
        assertThat(c.getInt("risk.maxPosition", 0)).isEqualTo(5);
        assertThat(c.getString("broker.name")).contains("nt8");
        assertThat(c.getInt("broker.slippageTicks", 0)).isEqualTo(1);
        assertThat(c.has("other")).isFalse();
    }

    @Test
    void aValueOfTheWrongTypeNamesTheKeyAndTheValue() {
        Config c = Config.of(Map.of("risk", Map.of("maxPosition", "two", "flatten", "maybe", "size", 1.5)));
        assertThatThrownBy(() -> c.getDouble("risk.maxPosition", 1))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid configuration: risk.maxPosition = \"two\": must be a number");
        assertThatThrownBy(() -> c.section("risk").getBoolean("flatten", false))
                .hasMessage("invalid configuration: risk.flatten = \"maybe\": must be true or false");
        assertThatThrownBy(() -> c.getInt("risk.size", 1))
                .hasMessage("invalid configuration: risk.size = 1.5: must be a whole number");
        assertThatThrownBy(() -> c.section("risk.size"))
                .hasMessage("invalid configuration: risk.size = 1.5: must be a section (an object), not a single value");
    }

    @Test
    void theValidatorReportsEveryProblemAtOnce() {
        Config c = Config.of(Map.of("risk", Map.of("maxPosition", -2, "flatten", "maybe"),
                "broker", "ib", "minConfidence", 1.5));
        ConfigValidator v = c.validator();
        v.positiveDouble("risk.maxPosition", 1);
        v.bool("risk.flatten", false);
        v.oneOf("broker", "sim", List.of("sim", "nt8", "ibkr"));
        v.doubleInRange("minConfidence", 0.5, 0, 1);
        v.requiredString("instrument");
        assertThat(v.isValid()).isFalse();
        assertThatThrownBy(() -> v.throwIfInvalid("session.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("""
                        invalid configuration session.yaml, 5 problems:
                          - risk.maxPosition = -2: must be a number > 0
                          - risk.flatten = "maybe": must be true or false
                          - broker = "ib": must be one of [sim, nt8, ibkr]
                          - minConfidence = 1.5: must be a number between 0.0 and 1.0
                          - instrument: is required""");
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\n  \"broker\": \"sim\",\n  \"risk\": {maxPosition: 2}\n}");
        assertThatThrownBy(() -> ConfigLoader.load(bad))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("invalid configuration " + bad + ": (syntax): line 3, column 12: not valid JSON (Unexpected character ('m' (code 109))");
        assertThatThrownBy(() -> ConfigLoader.parse("broker: [sim\nrisk: 1", ConfigLoader.Format.YAML, "s.yaml"))
                .hasMessageStartingWith("invalid configuration s.yaml: (syntax): line ");
    }

    @Test
    void aFileThatIsNotAnObjectOrNotThereOrOfAnUnknownTypeIsRefusedClearly() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.parse("[1, 2]", ConfigLoader.Format.JSON, "list.json"))
                .hasMessage("invalid configuration list.json: (root): the top level must be an object of settings "
                        + "(key: value), not array");
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(missing))
                .hasMessage("invalid configuration " + missing + ": (file) = \"" + missing.toAbsolutePath()
                        + "\": does not exist; check the path");
        Path toml = Files.writeString(dir.resolve("session.toml"), "a = 1");
        assertThatThrownBy(() -> ConfigLoader.load(toml))
                .hasMessage("invalid configuration " + toml + ": (file) = \"" + toml
                        + "\": unknown config file type; use a .json, .yaml or .yml file");
        assertThat(ConfigLoader.parse("  \n", ConfigLoader.Format.YAML, "empty.yaml")).isEqualTo(Config.empty());
    }
}
