package io.github.rltrading.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loader details beyond {@link ConfigTest}: duplicate keys, parser complaints, extensions, and the validator's additions. */
class ConfigLoaderAndValidatorTest {

    @TempDir
    Path dir;

    // --- loading ------------------------------------------------------------------------------------

    @Test
    void aKeyWrittenTwiceIsAnErrorNotLastOneWins() {
        assertThatThrownBy(() -> ConfigLoader.parse("""
                broker: sim
                risk:
                  maxPosition: 1
                broker: nt8
                """, ConfigLoader.Format.YAML, "session.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid configuration session.yaml: (syntax): line 4, column 7: not valid YAML "
                        + "(Duplicate field 'broker')");
        assertThatThrownBy(() -> ConfigLoader.parse("risk:\n  maxPosition: 1\n  maxPosition: 2\n",
                ConfigLoader.Format.YAML, "nested.yaml"))
                .hasMessage("invalid configuration nested.yaml: (syntax): line 3, column 14: not valid YAML "
                        + "(Duplicate field 'maxPosition')");
        assertThatThrownBy(() -> ConfigLoader.parse("{\"broker\": \"sim\",\n \"broker\": \"nt8\"}",
                ConfigLoader.Format.JSON, "session.json"))
                .hasMessage("invalid configuration session.json: (syntax): line 2, column 10: not valid JSON "
                        + "(Duplicate field 'broker')");
    }

    @Test
    void aYamlSyntaxErrorKeepsTheParsersWholeComplaintOnOneLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("broker: [sim\nrisk: 1", ConfigLoader.Format.YAML, "s.yaml"))
                .hasMessage("invalid configuration s.yaml: (syntax): line 2, column 5: not valid YAML "
                        + "(while parsing a flow sequence; expected ',' or ']', but got :)");
        assertThatThrownBy(() -> ConfigLoader.parse("a: 1\n b: 2\n", ConfigLoader.Format.YAML, "indent.yaml"))
                .hasMessage("invalid configuration indent.yaml: (syntax): line 2, column 3: not valid YAML "
                        + "(mapping values are not allowed here)");
    }

    @Test
    void aScalarAtTheTopLevelIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.parse("just text", ConfigLoader.Format.YAML, "text.yaml"))
                .hasMessage("invalid configuration text.yaml: (root): the top level must be an object of settings "
                        + "(key: value), not string");
    }

    @Test
    void theExtensionPicksTheFormatWhateverItsCase() throws Exception {
        Path yml = Files.writeString(dir.resolve("a.yml"), "broker: sim\nrisk: {maxPosition: 2}\n");
        Path upper = Files.writeString(dir.resolve("b.YAML"), "broker: sim\nrisk:\n  maxPosition: 2\n");
        Path json = Files.writeString(dir.resolve("c.JSON"), "{\"broker\": \"sim\", \"risk\": {\"maxPosition\": 2}}");
        assertThat(ConfigLoader.load(yml)).isEqualTo(ConfigLoader.load(upper)).isEqualTo(ConfigLoader.load(json));
    }

    @Test
    void overridesComeFromPropertiesIncludingTheirDefaults() {
        Properties defaults = new Properties();
        defaults.setProperty("rl.broker.name", "nt8");
        Properties props = new Properties(defaults);
        props.setProperty("rl.risk.maxPosition", "3");
        props.setProperty("user.home", "/home/x");
        props.put("rl.notAString", 42);   // Properties is a Hashtable: non-strings exist and are skipped
        Config base = Config.of(Map.of("broker", Map.of("name", "sim", "slippageTicks", 1)));
        Config c = ConfigLoader.withOverrides(base, props, "rl.");
        assertThat(c.toFlatMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "broker.name", "nt8", "broker.slippageTicks", 1, "risk.maxPosition", "3"));
        assertThat(c.getInt("risk.maxPosition", 0)).isEqualTo(3);
    }

    // --- validator additions --------------------------------------------------------------------------

    @Test
    void durationsReadWithUnitsOrIso8601() {
        Config c = Config.of(Map.of("a", "500ms", "b", "5s", "c", "1.5s", "d", "2m", "e", "1h", "f", "1d",
                "g", "PT1M30S", "h", "pt2s", "i", "10 S", "j", "0s"));
        ConfigValidator v = c.validator();
        assertThat(List.of(v.duration("a", null), v.duration("b", null), v.duration("c", null), v.duration("d", null),
                v.duration("e", null), v.duration("f", null), v.duration("g", null), v.duration("h", null),
                v.duration("i", null), v.duration("j", null))).containsExactly(Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofMillis(1500), Duration.ofMinutes(2), Duration.ofHours(1),
                Duration.ofDays(1), Duration.ofSeconds(90), Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ZERO);
        assertThat(v.positiveDuration("missing", Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
        assertThat(v.isValid()).isTrue();
    }

    @Test
    void requiredSectionAndStringListReadWhatIsThere() {
        Config c = Config.of(Map.of("broker", Map.of("name", "nt8", "port", 36973), "riskGates", "kill-switch",
                "alerts", List.of("log", "pager")));
        ConfigValidator v = c.validator();
        Config broker = v.requiredSection("broker");
        assertThat(broker.getInt("port", 0)).isEqualTo(36973);
        assertThat(broker.path("port")).isEqualTo("broker.port");
        assertThat(v.stringList("riskGates", List.of())).containsExactly("kill-switch");
        assertThat(v.stringList("alerts", List.of())).containsExactly("log", "pager");
        assertThat(v.stringList("missing", List.of("log"))).containsExactly("log");
        assertThat(v.isValid()).isTrue();
    }

    @Test
    void theValidatorReportsEveryProblemInAFileAtOnce() {
        Config c = ConfigLoader.parse("""
                decisionGate:
                  deadline: 2
                feed:
                  pollTimeout: -5s
                journal:
                  syncInterval: soon
                reasoner:
                  timeout: 0s
                broker: sim
                riskGates: {max-position: 1}
                maxPosition: -2
                """, ConfigLoader.Format.YAML, "session.yaml");
        ConfigValidator v = c.validator();
        assertThat(v.positiveDuration("decisionGate.deadline", Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
        v.duration("feed.pollTimeout", Duration.ofSeconds(5));
        v.duration("journal.syncInterval", Duration.ofSeconds(1));
        v.positiveDuration("reasoner.timeout", Duration.ofSeconds(1));
        assertThat(v.requiredSection("broker").keys()).isEmpty();
        Config risk = v.requiredSection("risk");
        assertThat(risk.path("maxPosition")).isEqualTo("risk.maxPosition");
        assertThat(v.stringList("riskGates", List.of("kill-switch"))).containsExactly("kill-switch");
        v.positiveDouble("maxPosition", 1);
        assertThatThrownBy(() -> v.throwIfInvalid("session.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("""
                        invalid configuration session.yaml, 8 problems:
                          - decisionGate.deadline = 2: must be a duration with a unit, e.g. 500ms, 5s, 2m, 1h or PT1M30S
                          - feed.pollTimeout = "-5s": must not be negative
                          - journal.syncInterval = "soon": must be a duration with a unit, e.g. 500ms, 5s, 2m, 1h or PT1M30S
                          - reasoner.timeout = "0s": must be greater than zero
                          - broker = "sim": must be a section (an object), not a single value
                          - risk: is required (a section of settings)
                          - riskGates = {max-position=1}: must be a list, not a section
                          - maxPosition = -2: must be a number > 0""");
        assertThat(v.problems()).extracting(ConfigProblem::key).containsExactly("decisionGate.deadline",
                "feed.pollTimeout", "journal.syncInterval", "reasoner.timeout", "broker", "risk", "riskGates",
                "maxPosition");
    }

    @Test
    void aDurationThatIsAListOrTooLargeIsAProblemNotACrash() {
        Config c = Config.of(Map.of("a", List.of("5s"), "b", "999999999999999999d"));
        ConfigValidator v = c.validator();
        assertThat(v.duration("a", Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(v.duration("b", Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(v.problems()).extracting(ConfigProblem::toString).containsExactly(
                "a = [5s]: must be a single value, not a section or list",
                "b = \"999999999999999999d\": must be a duration with a unit, e.g. 500ms, 5s, 2m, 1h or PT1M30S");
    }

    @Test
    void aMisspeltOptionIsReportedWithTheOptionItResembles() {
        Config c = Config.of(Map.of("timeframs", List.of("5m"), "hous", "rth", "order-flow", true, "instrument", "MES",
                "name", "market"));
        ConfigValidator v = c.section("features").validator(); // an empty section: nothing to compare
        v.throwIfInvalid("features: market");
        assertThat(v.warnings()).isEmpty();

        ConfigValidator market = c.validator();
        market.stringList("timeframes", List.of("5m", "15m"));
        market.oneOf("hours", "globex", List.of("globex", "rth"));
        market.bool("order-flow", false);
        market.throwIfInvalid("features: market");
        assertThat(market.warnings()).containsExactlyInAnyOrder(
                "features: market: unknown option 'hous' is ignored; did you mean 'hours'?",
                "features: market: unknown option 'timeframs' is ignored; did you mean 'timeframes'?");
        // 'instrument' resembles nothing read here (another reader's setting): not reported.
    }

    @Test
    void optionsReadThroughDottedKeysCountAsReadAndSectionsAreLeftAlone() {
        Config c = Config.of(Map.of("risk", Map.of("maxPosition", 2), "sesionId", "es-1",
                "max-position", Map.of("limit", 3))); // a risk gate's own section, named after the gate
        ConfigValidator v = c.validator();
        assertThat(v.positiveDouble("risk.maxPosition", 1)).isEqualTo(2);
        v.string("sessionId", "default");
        v.doubleValue("maxPosition", 1, d -> d > 0, "a number > 0");
        v.throwIfInvalid(null);
        assertThat(v.warnings()).containsExactly("unknown option 'sesionId' is ignored; did you mean 'sessionId'?");
    }
}
