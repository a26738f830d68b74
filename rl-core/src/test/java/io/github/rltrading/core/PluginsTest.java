package io.github.rltrading.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.spi.AlertSink;
import io.github.rltrading.core.spi.AlertSinkProvider;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.spi.BrokerProvider;
import io.github.rltrading.core.spi.Provider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsTest {

    @TempDir
    Path temp;

    // --- test providers (registered per test through a class loader of its own) ---------------------

    /** A broker whose settings are visible to the test. */
    public static final class ConfiguredBroker extends SessionFixtures.NextOpenBroker {
        final String provider;
        final Config settings;

        ConfiguredBroker(String provider, Config settings) {
            this.provider = provider;
            this.settings = settings;
        }
    }

    public abstract static class NamedBrokerProvider implements BrokerProvider {
        private final String name;
        private final int rank;

        NamedBrokerProvider(String name, int rank) {
            this.name = name;
            this.rank = rank;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int rank() {
            return rank;
        }

        @Override
        public Broker create(Config config) {
            return new ConfiguredBroker(name, config);
        }
    }

    public static final class SimProvider extends NamedBrokerProvider {
        public SimProvider() {
            super("sim", 0);
        }
    }

    public static final class Nt8Provider extends NamedBrokerProvider {
        public Nt8Provider() {
            super("nt8", 0);
        }
    }

    public static final class PrimeProvider extends NamedBrokerProvider {
        public PrimeProvider() {
            super("prime", 10);
        }
    }

    public static final class AnotherSimProvider extends NamedBrokerProvider {
        public AnotherSimProvider() {
            super("sim", 0);
        }
    }

    public static final class FlakyProvider extends NamedBrokerProvider {
        public FlakyProvider() {
            super("flaky", 0);
        }

        @Override
        public Broker create(Config config) {
            throw new IllegalStateException("port 8888 already in use");
        }
    }

    public static final class BrokenConstructorProvider extends NamedBrokerProvider {
        public BrokenConstructorProvider() {
            super("broken", 0);
            throw new IllegalStateException("native library missing");
        }
    }

    /** Counts constructions (static: ServiceLoader makes the instances) and its own create calls. */
    public static final class CountingProvider extends NamedBrokerProvider {
        static final AtomicInteger CONSTRUCTED = new AtomicInteger();
        final AtomicInteger created = new AtomicInteger();

        public CountingProvider() {
            super("counting", 0);
            CONSTRUCTED.incrementAndGet();
        }

        @Override
        public Broker create(Config config) {
            created.incrementAndGet();
            return super.create(config);
        }
    }

    public static final class NullReturningProvider extends NamedBrokerProvider {
        public NullReturningProvider() {
            super("null-maker", 0);
        }

        @Override
        public Broker create(Config config) {
            return null;
        }
    }

    public static final class BlankNameProvider extends NamedBrokerProvider {
        public BlankNameProvider() {
            super(" ", 0);
        }
    }

    /** ServiceLoader needs a public no-argument constructor; this one has none. */
    public static final class NoDefaultConstructorProvider extends NamedBrokerProvider {
        public NoDefaultConstructorProvider(String name) {
            super(name, 0);
        }
    }

    /** Fails in its static initialiser, as a provider whose native library is missing would. */
    public static final class BrokenStaticInitProvider extends NamedBrokerProvider {
        static final int PORT = failToInitialise();

        public BrokenStaticInitProvider() {
            super("static-broken", PORT);
        }

        private static int failToInitialise() {
            throw new IllegalStateException("static init failed");
        }
    }

    /** A kind of plug-in no artifact is known for, to check the messages that fall back to generic advice. */
    public interface WidgetProvider extends Provider<String> {}

    static final PluginKind<WidgetProvider, String> WIDGET = new PluginKind<>("widget", WidgetProvider.class, Map.of());

    private Plugins pluginsWith(Map<String, String> systemProperties, Class<?>... brokerProviders) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Class<?> c : brokerProviders) {
            lines.append(c.getName()).append('\n');
        }
        return pluginsWithServicesFile(lines.toString(), systemProperties);
    }

    private Plugins pluginsWithServicesFile(String content, Map<String, String> systemProperties) throws IOException {
        return pluginsWithServices(Map.of(BrokerProvider.class, content), systemProperties);
    }

    /**
     * Plugins over a class loader of its own whose {@code META-INF/services} files have the given
     * contents, so one test's registrations never leak into another's.
     */
    private Plugins pluginsWithServices(Map<Class<?>, String> servicesFiles, Map<String, String> systemProperties)
            throws IOException {
        Path dir = Files.createTempDirectory(temp, "cp");
        for (Map.Entry<Class<?>, String> e : servicesFiles.entrySet()) {
            Path services = dir.resolve("META-INF/services/" + e.getKey().getName());
            Files.createDirectories(services.getParent());
            Files.writeString(services, e.getValue());
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        return Plugins.load(loader, systemProperties::get);
    }

    private static String nameOf(Broker b) {
        return ((ConfiguredBroker) b).provider;
    }

    // --- choice rules --------------------------------------------------------------------------------

    @Test
    void theConfigKeyNamesTheProviderAndASectionNamedAfterItHoldsItsSettings() throws IOException {
        Plugins plugins = pluginsWith(Map.of(), SimProvider.class, Nt8Provider.class);
        Broker b = plugins.broker(Config.of(Map.of("broker", "nt8", "nt8", Map.of("port", 8888))));
        assertThat(nameOf(b)).isEqualTo("nt8");
        assertThat(((ConfiguredBroker) b).settings.getInt("port", 0)).isEqualTo(8888);
    }

    @Test
    void aConfigSectionWithANameCarriesTheSettings() throws IOException {
        Plugins plugins = pluginsWith(Map.of(), SimProvider.class, Nt8Provider.class);
        Broker b = plugins.broker(Config.of(Map.of("broker", Map.of("name", "sim", "slippageTicks", 1))));
        assertThat(nameOf(b)).isEqualTo("sim");
        assertThat(((ConfiguredBroker) b).settings.getInt("slippageTicks", 0)).isEqualTo(1);
    }

    @Test
    void theSystemPropertyOverridesTheConfig() throws IOException {
        Plugins plugins = pluginsWith(Map.of("rl.broker", "sim"), SimProvider.class, Nt8Provider.class);
        assertThat(nameOf(plugins.broker(Config.of(Map.of("broker", "nt8"))))).isEqualTo("sim");
    }

    @Test
    void theOnlyProviderIsChosenWhenNoneIsNamed() throws IOException {
        assertThat(nameOf(pluginsWith(Map.of(), Nt8Provider.class).broker(Config.empty()))).isEqualTo("nt8");
    }

    @Test
    void aUniqueHighestRankIsChosenWhenNoneIsNamed() throws IOException {
        Plugins plugins = pluginsWith(Map.of(), SimProvider.class, PrimeProvider.class, Nt8Provider.class);
        assertThat(nameOf(plugins.broker(Config.empty()))).isEqualTo("prime");
    }

    @Test
    void aTieAtTheTopIsAnErrorNotASilentPick() throws IOException {
        Plugins plugins = pluginsWith(Map.of(), SimProvider.class, Nt8Provider.class);
        assertThatThrownBy(() -> plugins.broker(Config.empty()))
                .isInstanceOf(PluginException.class)
                .hasMessage("several broker providers share the highest rank 0 and none was chosen: [nt8, sim]. "
                        + "Choose one with the config key \"broker\" or -Drl.broker=NAME.");
    }

    // --- messages -----------------------------------------------------------------------------------

    @Test
    void anUnknownWellKnownNameSaysWhichArtifactToAdd() throws IOException {
        Plugins plugins = pluginsWith(Map.of(), SimProvider.class, Nt8Provider.class);
        assertThatThrownBy(() -> plugins.broker(Config.of(Map.of("broker", "ibkr"))))
                .isInstanceOf(PluginException.class)
                .hasMessage("broker \"ibkr\" not found; available: [nt8, sim]. Add the rl-broker-ibkr artifact to the classpath.");
    }

    @Test
    void anUnknownNameFromTheSystemPropertySaysWhereItCameFrom() throws IOException {
        Plugins plugins = pluginsWith(Map.of("rl.broker", "foo"), SimProvider.class, Nt8Provider.class);
        assertThatThrownBy(() -> plugins.broker(Config.empty()))
                .hasMessage("broker \"foo\" (chosen by system property rl.broker) not found; available: [nt8, sim]. "
                        + "Add the artifact that provides broker \"foo\" to the classpath, or fix the name.");
    }

    @Test
    void noProviderAtAllNamesAnArtifactThatHasOne() throws IOException {
        Plugins plugins = pluginsWith(Map.of());
        assertThatThrownBy(() -> plugins.broker(Config.empty()))
                .hasMessage("no broker provider found on the classpath. Add an artifact that provides one, e.g. rl-env (sim).");
        assertThatThrownBy(() -> plugins.reasoner(Config.empty()))
                .hasMessage("no reasoner provider found on the classpath. Add an artifact that provides one, "
                        + "e.g. rl-reasoning-ollama (ollama).");
    }

    @Test
    void aProviderThatFailsToCreateIsReportedWithItsCause() throws IOException {
        Plugins plugins = pluginsWith(Map.of(), FlakyProvider.class, SimProvider.class);
        assertThatThrownBy(() -> plugins.broker(Config.of(Map.of("broker", "flaky"))))
                .isInstanceOf(PluginException.class)
                .hasMessage("broker \"flaky\" could not be created: port 8888 already in use")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoProvidersClaimingOneNameAreAnError() throws IOException {
        Plugins plugins = pluginsWith(Map.of(), SimProvider.class, AnotherSimProvider.class);
        assertThatThrownBy(() -> plugins.broker(Config.of(Map.of("broker", "sim"))))
                .hasMessage("broker \"sim\" is provided by 2 classes: [" + SimProvider.class.getName() + ", "
                        + AnotherSimProvider.class.getName() + "]. Remove one of the artifacts from the classpath.");
    }

    @Test
    void aConfigSectionWithoutANameSaysWhatToWrite() throws IOException {
        Plugins plugins = pluginsWith(Map.of(), SimProvider.class);
        assertThatThrownBy(() -> plugins.broker(Config.of(Map.of("broker", Map.of("port", 1)))))
                .hasMessage("config section \"broker\" has no \"name\"; write broker: {name: <one of [sim]>, ...}");
    }

    // --- robustness ---------------------------------------------------------------------------------

    @Test
    void aBrokenProviderIsReportedAndTheOthersStillLoad() throws IOException {
        Plugins plugins = pluginsWithServicesFile(BrokenConstructorProvider.class.getName() + "\n"
                + "com.example.DoesNotExist\n" + SimProvider.class.getName() + "\n", Map.of());
        assertThat(plugins.providers(PluginKind.BROKER)).extracting(Provider::name).containsExactly("sim");
        assertThat(plugins.failures()).hasSize(2);
        assertThat(plugins.failures()).extracting(PluginLoadFailure::providerClass)
                .containsExactlyInAnyOrder(BrokenConstructorProvider.class.getName(), "com.example.DoesNotExist");
        assertThat(plugins.failures()).filteredOn(f -> f.providerClass().equals(BrokenConstructorProvider.class.getName()))
                .singleElement().satisfies(f -> assertThat(f.cause()).hasMessage("native library missing"));
        assertThat(nameOf(plugins.broker(Config.empty()))).isEqualTo("sim");
    }

    @Test
    void createAllBuildsAChainInOrderEachFromItsOwnSection() throws IOException {
        Plugins plugins = pluginsWith(Map.of(), SimProvider.class, Nt8Provider.class);
        List<Broker> both = plugins.createAll(PluginKind.BROKER, List.of("nt8", "sim"),
                Config.of(Map.of("sim", Map.of("id", 2), "nt8", Map.of("id", 1))));
        assertThat(both).extracting(PluginsTest::nameOf).containsExactly("nt8", "sim");
        assertThat(both).extracting(b -> ((ConfiguredBroker) b).settings.getInt("id", 0)).containsExactly(1, 2);
    }

    @Test
    void theBuiltInLogAlertSinkIsAlwaysThere() {
        Plugins plugins = Plugins.load();
        assertThat(plugins.alertSinks(List.of("log"), Config.empty())).singleElement()
                .isInstanceOf(io.github.rltrading.core.alert.LogAlertSink.class);
    }

    // --- more choice rules ----------------------------------------------------------------------------

    @Test
    void anOverrideThatPicksAnotherProviderGetsItsOwnSettingsNotTheConfiguredOnes() throws IOException {
        Config config = Config.of(Map.of("broker", Map.of("name", "sim", "account", "SIM-1"),
                "nt8", Map.of("port", 36973)));
        ConfiguredBroker nt8 = (ConfiguredBroker) pluginsWith(Map.of("rl.broker", "nt8"), SimProvider.class,
                Nt8Provider.class).broker(config);
        assertThat(nt8.provider).isEqualTo("nt8");
        assertThat(nt8.settings.getInt("port", 0)).isEqualTo(36973);
        assertThat(nt8.settings.has("account")).as("sim's account must not reach nt8").isFalse();

        ConfiguredBroker sim = (ConfiguredBroker) pluginsWith(Map.of("rl.broker", "sim"), SimProvider.class,
                Nt8Provider.class).broker(config);
        assertThat(sim.settings.getString("account")).contains("SIM-1");
    }

    @Test
    void aBlankSystemPropertyIsNoOverride() throws IOException {
        Plugins plugins = pluginsWith(Map.of("rl.broker", "  "), SimProvider.class, Nt8Provider.class);
        assertThat(nameOf(plugins.broker(Config.of(Map.of("broker", "nt8"))))).isEqualTo("nt8");
    }

    @Test
    void providersAreListedByNameAndLookedUpByName() throws IOException {
        Plugins plugins = pluginsWith(Map.of(), SimProvider.class, PrimeProvider.class, Nt8Provider.class);
        assertThat(plugins.providers(PluginKind.BROKER)).extracting(Provider::name).containsExactly("nt8", "prime", "sim");
        assertThat(plugins.provider(PluginKind.BROKER, "prime")).get().isInstanceOf(PrimeProvider.class);
        assertThat(plugins.provider(PluginKind.BROKER, "ibkr")).isEmpty();
        assertThat(plugins.failures()).isEmpty();
    }

    @Test
    void providersAreMadeOnceAndCreateRunsOnEveryCall() throws IOException {
        int before = CountingProvider.CONSTRUCTED.get();
        Plugins plugins = pluginsWith(Map.of(), CountingProvider.class);
        Broker first = plugins.broker(Config.empty());
        Broker second = plugins.broker(Config.empty());
        plugins.providers(PluginKind.BROKER);
        assertThat(CountingProvider.CONSTRUCTED.get() - before).isEqualTo(1);
        assertThat(((CountingProvider) plugins.provider(PluginKind.BROKER, "counting").orElseThrow()).created).hasValue(2);
        assertThat(first).isNotSameAs(second);
    }

    @Test
    void twoProvidersClaimingOneNameAreAnErrorEvenWhenNoneIsNamed() throws IOException {
        Plugins plugins = pluginsWith(Map.of(), SimProvider.class, AnotherSimProvider.class);
        assertThatThrownBy(() -> plugins.broker(Config.empty()))
                .hasMessage("broker \"sim\" is provided by 2 classes: [" + SimProvider.class.getName() + ", "
                        + AnotherSimProvider.class.getName() + "]. Remove one of the artifacts from the classpath.");
    }

    // --- more messages --------------------------------------------------------------------------------

    @Test
    void aKindWithNoKnownArtifactGivesGenericAdvice() throws IOException {
        Plugins plugins = pluginsWith(Map.of());
        assertThat(WIDGET.systemProperty()).isEqualTo("rl.widget");
        assertThatThrownBy(() -> plugins.create(WIDGET, Config.empty()))
                .hasMessage("no widget provider found on the classpath. Add an artifact that provides one.");
        assertThatThrownBy(() -> plugins.create(WIDGET, Config.of(Map.of("widget", "gear"))))
                .hasMessage("widget \"gear\" not found; available: []. Add the artifact that provides widget \"gear\" "
                        + "to the classpath, or fix the name.");
    }

    @Test
    void createAllNamesTheMissingLinkOfAChain() throws IOException {
        Plugins plugins = pluginsWith(Map.of(), SimProvider.class, Nt8Provider.class);
        assertThatThrownBy(() -> plugins.createAll(PluginKind.BROKER, List.of("sim", "ibkr"), Config.empty()))
                .isInstanceOf(PluginException.class)
                .hasMessage("broker \"ibkr\" not found; available: [nt8, sim]. Add the rl-broker-ibkr artifact to the classpath.");
    }

    @Test
    void aProviderThatCreatesNullIsAnErrorNotALaterNullPointerException() throws IOException {
        Plugins plugins = pluginsWith(Map.of(), NullReturningProvider.class);
        assertThatThrownBy(() -> plugins.broker(Config.empty()))
                .isInstanceOf(PluginException.class)
                .hasMessage("broker \"null-maker\" could not be created: its provider "
                        + NullReturningProvider.class.getName() + " returned null");
    }

    @Test
    void notFoundMessagesMentionProvidersOfThatKindThatFailedToLoad() throws IOException {
        Plugins onlyBroken = pluginsWithServicesFile(BrokenConstructorProvider.class.getName() + "\n", Map.of());
        String note = " Also, 1 broker provider failed to load: " + BrokenConstructorProvider.class.getName()
                + " (java.lang.IllegalStateException: native library missing); see Plugins.failures().";
        assertThatThrownBy(() -> onlyBroken.broker(Config.empty()))
                .hasMessage("no broker provider found on the classpath. Add an artifact that provides one, e.g. rl-env (sim)."
                        + note);
        Plugins withSim = pluginsWithServicesFile(BrokenConstructorProvider.class.getName() + "\n"
                + SimProvider.class.getName() + "\n", Map.of());
        assertThatThrownBy(() -> withSim.broker(Config.of(Map.of("broker", "nt8"))))
                .hasMessage("broker \"nt8\" not found; available: [sim]. Add the rl-broker-nt8 artifact to the classpath." + note);
    }

    // --- more robustness ------------------------------------------------------------------------------

    @Test
    void everyWayAProviderCanFailToLoadIsRecordedAndTheRestStillLoad() throws IOException {
        Plugins plugins = pluginsWithServicesFile(String.join("\n",
                "# a comment line is allowed",
                ConfiguredBroker.class.getName(),              // a Broker, not a BrokerProvider
                NoDefaultConstructorProvider.class.getName(),
                BrokenStaticInitProvider.class.getName(),
                BlankNameProvider.class.getName(),
                "com.example.Missing",
                Nt8Provider.class.getName()) + "\n", Map.of());
        assertThat(plugins.providers(PluginKind.BROKER)).extracting(Provider::name).containsExactly("nt8");
        assertThat(plugins.failures()).extracting(PluginLoadFailure::providerClass).containsExactlyInAnyOrder(
                ConfiguredBroker.class.getName(), NoDefaultConstructorProvider.class.getName(),
                BrokenStaticInitProvider.class.getName(), BlankNameProvider.class.getName(), "com.example.Missing");
        assertThat(plugins.failures()).allSatisfy(f -> assertThat(f.kind()).isEqualTo(PluginKind.BROKER));
        assertThat(plugins.failures()).filteredOn(f -> f.providerClass().equals(BrokenStaticInitProvider.class.getName()))
                .singleElement().satisfies(f -> assertThat(f.cause()).hasMessage("static init failed"));
        assertThat(plugins.failures()).filteredOn(f -> f.providerClass().equals(BlankNameProvider.class.getName()))
                .singleElement().satisfies(f -> assertThat(f.describe()).isEqualTo("broker provider "
                        + BlankNameProvider.class.getName() + " failed to load: "
                        + "java.lang.IllegalStateException: name() returned a blank name"));
        assertThat(nameOf(plugins.broker(Config.empty()))).isEqualTo("nt8");
    }

    @Test
    void aBrokenProviderOfOneKindDoesNotStopOtherKinds() throws IOException {
        Plugins plugins = pluginsWithServices(Map.of(
                BrokerProvider.class, BrokenConstructorProvider.class.getName() + "\n",
                AlertSinkProvider.class, "com.example.MissingSink\n"), Map.of());
        assertThat(plugins.providers(PluginKind.ALERT_SINK)).extracting(Provider::name).containsExactly("log");
        assertThat(plugins.alertSinks(List.of("log"), Config.empty())).hasSize(1);
        assertThat(plugins.providers(PluginKind.BROKER)).isEmpty();
        assertThat(plugins.failures()).extracting(f -> f.kind().key() + " " + f.providerClass()).containsExactlyInAnyOrder(
                "broker " + BrokenConstructorProvider.class.getName(), "alerts com.example.MissingSink");
    }

    // --- a third-party plug-in from a separately compiled jar -----------------------------------------

    @Test
    void aProviderInASeparatelyCompiledJarIsFoundByName() throws Exception {
        String source = """
                package com.thirdparty.alerts;

                import io.github.rltrading.core.config.Config;
                import io.github.rltrading.core.spi.Alert;
                import io.github.rltrading.core.spi.AlertSink;
import io.github.rltrading.core.spi.AlertSinkProvider;
                import io.github.rltrading.core.spi.AlertSinkProvider;
                import java.util.ArrayList;
                import java.util.List;

                public final class PagerProvider implements AlertSinkProvider {
                    public static final List<String> SENT = new ArrayList<>();

                    @Override public String name() { return "pager"; }

                    @Override public AlertSink create(Config config) {
                        String prefix = config.getString("prefix", "");
                        return alert -> SENT.add(prefix + alert.message());
                    }
                }
                """;
        Path src = temp.resolve("src/com/thirdparty/alerts/PagerProvider.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(temp.resolve("classes"));
        String rlCoreClasses = Path.of(Provider.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", rlCoreClasses, src.toString());
        assertThat(rc).as("javac exit code").isZero();

        Path jar = temp.resolve("pager-alerts.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("com/thirdparty/alerts/PagerProvider.class"));
            Files.copy(classes.resolve("com/thirdparty/alerts/PagerProvider.class"), out);
            out.closeEntry();
            out.putNextEntry(new JarEntry("META-INF/services/io.github.rltrading.core.spi.AlertSinkProvider"));
            out.write("com.thirdparty.alerts.PagerProvider\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThat(getClass().getClassLoader().getResource("com/thirdparty/alerts/PagerProvider.class")).isNull();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Plugins plugins = Plugins.load(loader, k -> null);
            assertThat(plugins.providers(PluginKind.ALERT_SINK)).extracting(Provider::name).containsExactly("log", "pager");
            AlertSink sink = plugins.createAll(PluginKind.ALERT_SINK, List.of("pager"),
                    Config.of(Map.of("pager", Map.of("prefix", "[desk] ")))).get(0);
            sink.send(new io.github.rltrading.core.spi.Alert(io.github.rltrading.core.spi.Alert.Severity.CRITICAL,
                    "test", "kill switch on", SessionFixtures.T0, Map.of()));
            @SuppressWarnings("unchecked")
            List<String> sent = (List<String>) loader.loadClass("com.thirdparty.alerts.PagerProvider")
                    .getField("SENT").get(null);
            assertThat(sent).containsExactly("[desk] kill switch on");
        }
    }

}
