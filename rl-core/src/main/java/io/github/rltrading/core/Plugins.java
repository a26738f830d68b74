package io.github.rltrading.core;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.spi.AlertSink;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.spi.Environment;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.core.spi.MarketDataFeed;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.spi.Provider;
import io.github.rltrading.core.spi.Reasoner;
import io.github.rltrading.core.spi.RewardFunction;
import io.github.rltrading.core.spi.RiskGate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plug-ins on the class path with {@link ServiceLoader} and creates them by name.
 *
 * <pre>{@code
 * Plugins plugins = Plugins.load();
 * Broker broker = plugins.broker(config);              // "broker: sim" or -Drl.broker=nt8
 * List<RiskGate> gates = plugins.createAll(PluginKind.RISK_GATE, List.of("max-position", "kill-switch"), config);
 * }</pre>
 *
 * How a provider is chosen, first match wins:
 * <ol>
 *   <li>the system property {@code rl.<key>} (e.g. {@code -Drl.broker=nt8}): an explicit override; the
 *       provider's settings are the kind's section if that names the same provider, else the
 *       section named after the provider ({@code nt8: {...}});</li>
 *   <li>the config key: {@code broker: sim}, or a section {@code broker: {name: sim, ...}} whose other
 *       keys are the provider's settings (with the string form, settings may sit in a section
 *       named after the provider: {@code sim: {...}});</li>
 *   <li>otherwise the only provider, or the one with the highest {@link Provider#rank()} when that
 *       is unique (logged at INFO with the others present); a tie is an error, never a silent pick.</li>
 * </ol>
 * A provider whose class is missing or whose constructor throws is reported in {@link #failures()}
 * and logged; the rest still load, and a later "not found" message mentions the failures of its
 * kind. Providers are instantiated once per {@code Plugins} instance; {@code create} runs on every call.
 */
public final class Plugins {

    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);
    /**
     * The class named in a {@link ServiceConfigurationError} message, after its {@code <service>: }
     * prefix: the JDK writes {@code Provider X not found}, {@code X not a subtype},
     * {@code X Unable to get public no-arg constructor}, {@code Provider X could not be instantiated}.
     * A dot is required so that a plain word ("Unable") is never taken for a class.
     */
    private static final Pattern PROVIDER_IN_MESSAGE =
            Pattern.compile("^(?:Provider )?([\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}$]*\\.[\\p{javaJavaIdentifierPart}.$]+)(?: |$)");

    private final ClassLoader classLoader;
    private final Function<String, String> systemProperties;
    private final Map<PluginKind<?, ?>, List<Provider<?>>> providers = new HashMap<>();
    private final List<PluginLoadFailure> failures = new ArrayList<>();

    private Plugins(ClassLoader classLoader, Function<String, String> systemProperties) {
        this.classLoader = classLoader;
        this.systemProperties = systemProperties;
    }

    /** Plug-ins visible to the thread's context class loader (or this class's, if it has none). */
    public static Plugins load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return load(cl != null ? cl : Plugins.class.getClassLoader());
    }

    /** Plug-ins visible to {@code classLoader}, with overrides from {@link System#getProperty}. */
    public static Plugins load(ClassLoader classLoader) {
        return load(classLoader, System::getProperty);
    }

    /**
     * Plug-ins visible to {@code classLoader}, reading overrides ({@code rl.broker}, ...) through
     * {@code systemProperties}, e.g. a map's {@code get} in tests.
     */
    public static Plugins load(ClassLoader classLoader, Function<String, String> systemProperties) {
        return new Plugins(Objects.requireNonNull(classLoader, "classLoader"),
                Objects.requireNonNull(systemProperties, "systemProperties"));
    }

    /** Every provider of {@code kind} that loaded, sorted by name. */
    @SuppressWarnings("unchecked")
    public synchronized <P extends Provider<T>, T> List<P> providers(PluginKind<P, T> kind) {
        return (List<P>) (List<?>) providers.computeIfAbsent(kind, this::loadKind);
    }

    /**
     * The provider named {@code name}, if present.
     *
     * @throws PluginException if two provider classes claim that name
     */
    public <P extends Provider<T>, T> Optional<P> provider(PluginKind<P, T> kind, String name) {
        List<P> matches = providers(kind).stream().filter(p -> name.equals(safeName(p))).toList();
        if (matches.size() > 1) {
            throw new PluginException(kind.key() + " \"" + name + "\" is provided by " + matches.size() + " classes: "
                    + matches.stream().map(p -> p.getClass().getName()).toList()
                    + ". Remove one of the artifacts from the classpath.");
        }
        return matches.stream().findFirst();
    }

    /** Providers that were found but failed to load, for every kind (loads every kind first). */
    public synchronized List<PluginLoadFailure> failures() {
        PluginKind.ALL.forEach(this::providers);
        return List.copyOf(failures);
    }

    /**
     * Chooses a provider of {@code kind} by the rules above and creates its component.
     *
     * @param config the root configuration (the provider gets its own section)
     * @throws PluginException naming the kind, the name, what is available and what to do
     */
    public <P extends Provider<T>, T> T create(PluginKind<P, T> kind, Config config) {
        Objects.requireNonNull(config, "config");
        Optional<Object> configured = config.get(kind.key());
        String override = systemProperties.apply(kind.systemProperty());
        if (override != null && !override.isBlank()) {
            String name = override.trim();
            P chosen = require(kind, name, " (chosen by system property " + kind.systemProperty() + ")");
            // The kind's section holds the settings of the provider it names; an override that picks
            // another provider must not hand that one's settings (ports, accounts) to this one.
            boolean isSection = configured.orElse(null) instanceof Map<?, ?>;
            String configuredName = configured.isEmpty() ? null
                    : isSection ? config.section(kind.key()).getString("name", null) : String.valueOf(configured.get()).trim();
            if (configuredName != null && !configuredName.equals(name)) {
                LOG.info("{}: -D{}={} overrides \"{}\" from the config; settings come from section \"{}\"",
                        kind.key(), kind.systemProperty(), name, configuredName, name);
            }
            boolean sectionIsFor = isSection && name.equals(configuredName);
            return instantiate(kind, chosen, sectionIsFor ? config.section(kind.key()) : config.section(name));
        }
        if (configured.isPresent()) {
            if (configured.get() instanceof Map<?, ?>) {
                String name = config.section(kind.key()).getString("name").orElseThrow(() -> new PluginException(
                        "config section \"" + kind.key() + "\" has no \"name\"; write " + kind.key() + ": {name: <one of "
                                + names(kind) + ">, ...}"));
                return instantiate(kind, require(kind, name, ""), config.section(kind.key()));
            }
            String name = String.valueOf(configured.get()).trim();
            return instantiate(kind, require(kind, name, ""), config.section(name));
        }
        P chosen = chooseByRank(kind);
        return instantiate(kind, chosen, config.section(safeName(chosen)));
    }

    /**
     * Creates one component per name, in order, each from the config section of its name (for
     * chains: risk gates, alert sinks).
     */
    public <P extends Provider<T>, T> List<T> createAll(PluginKind<P, T> kind, List<String> names, Config config) {
        List<T> out = new ArrayList<>(names.size());
        for (String name : names) {
            out.add(instantiate(kind, require(kind, name, ""), config.section(name)));
        }
        return out;
    }

    public Environment environment(Config config) {
        return create(PluginKind.ENVIRONMENT, config);
    }

    public Policy policy(Config config) {
        return create(PluginKind.POLICY, config);
    }

    public RewardFunction reward(Config config) {
        return create(PluginKind.REWARD_FUNCTION, config);
    }

    public FeatureSet features(Config config) {
        return create(PluginKind.FEATURE_SET, config);
    }

    public Reasoner reasoner(Config config) {
        return create(PluginKind.REASONER, config);
    }

    public Broker broker(Config config) {
        return create(PluginKind.BROKER, config);
    }

    public MarketDataFeed feed(Config config) {
        return create(PluginKind.MARKET_DATA_FEED, config);
    }

    public List<RiskGate> riskGates(List<String> names, Config config) {
        return createAll(PluginKind.RISK_GATE, names, config);
    }

    public List<AlertSink> alertSinks(List<String> names, Config config) {
        return createAll(PluginKind.ALERT_SINK, names, config);
    }

    // --- choosing ---------------------------------------------------------------------------------

    private <P extends Provider<T>, T> P require(PluginKind<P, T> kind, String name, String origin) {
        return provider(kind, name).orElseThrow(() -> new PluginException(kind.key() + " \"" + name + "\"" + origin
                + " not found; available: " + names(kind) + ". " + kind.artifactFor(name)
                .map(a -> "Add the " + a + " artifact to the classpath.")
                .orElse("Add the artifact that provides " + kind.key() + " \"" + name
                        + "\" to the classpath, or fix the name.") + failureNote(kind)));
    }

    private <P extends Provider<T>, T> P chooseByRank(PluginKind<P, T> kind) {
        List<P> all = providers(kind);
        if (all.isEmpty()) {
            String example = kind.knownArtifacts().entrySet().stream().findFirst()
                    .map(e -> ", e.g. " + e.getValue() + " (" + e.getKey() + ").").orElse(".");
            throw new PluginException("no " + kind.key() + " provider found on the classpath. Add an artifact that "
                    + "provides one" + example + failureNote(kind));
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        int top = all.stream().mapToInt(Plugins::safeRank).max().orElseThrow();
        List<P> best = all.stream().filter(p -> safeRank(p) == top).toList();
        // Two classes claiming one name is a packaging mistake whichever way the choice is made;
        // provider(kind, name) reports it with both class names.
        best.stream().map(Plugins::safeName).distinct().forEach(n -> provider(kind, n));
        if (best.size() > 1) {
            throw new PluginException("several " + kind.key() + " providers share the highest rank " + top
                    + " and none was chosen: " + best.stream().map(Plugins::safeName).sorted().toList()
                    + ". Choose one with the config key \"" + kind.key() + "\" or -D" + kind.systemProperty() + "=NAME.");
        }
        P chosen = best.get(0);
        LOG.info("{}: chose \"{}\" (highest rank {}) among {}; set \"{}\" or -D{} to choose another", kind.key(),
                safeName(chosen), top, names(kind), kind.key(), kind.systemProperty());
        return chosen;
    }

    /**
     * Appended to "not found" messages: the provider the user wants may be the one that failed to
     * load, and the WARN line about it may be far away in the log.
     */
    private synchronized String failureNote(PluginKind<?, ?> kind) {
        List<PluginLoadFailure> own = failures.stream().filter(f -> f.kind().equals(kind)).toList();
        if (own.isEmpty()) {
            return "";
        }
        return " Also, " + own.size() + " " + kind.key() + " provider" + (own.size() == 1 ? "" : "s")
                + " failed to load: " + own.stream().map(f -> f.providerClass() + " (" + f.cause() + ")")
                .collect(Collectors.joining(", ")) + "; see Plugins.failures().";
    }

    private static <P extends Provider<T>, T> T instantiate(PluginKind<P, T> kind, P provider, Config settings) {
        String name = safeName(provider);
        T created;
        try {
            created = provider.create(settings);
        } catch (RuntimeException e) {
            throw new PluginException(kind.key() + " \"" + name + "\" could not be created: " + e.getMessage(), e);
        }
        if (created == null) {
            throw new PluginException(kind.key() + " \"" + name + "\" could not be created: its provider "
                    + provider.getClass().getName() + " returned null");
        }
        return created;
    }

    private List<String> names(PluginKind<?, ?> kind) {
        return providers(kind).stream().map(Plugins::safeName).toList();
    }

    // --- loading ----------------------------------------------------------------------------------

    private List<Provider<?>> loadKind(PluginKind<?, ?> kind) {
        List<Provider<?>> loaded = new ArrayList<>();
        Iterator<? extends ServiceLoader.Provider<? extends Provider<?>>> it =
                ServiceLoader.load(kind.providerType(), classLoader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<? extends Provider<?>> candidate;
            try {
                if (!it.hasNext()) {
                    break;
                }
                candidate = it.next();
            } catch (ServiceConfigurationError e) {
                // A services entry names a class that is missing, not a provider, or without a public
                // no-arg constructor; the iterator moves past it, so keep going with the next entry.
                recordFailure(kind, providerIn(kind, e), e);
                continue;
            }
            try {
                Provider<?> p = candidate.get();
                if (safeName(p).isBlank()) {
                    throw new IllegalStateException("name() returned a blank name");
                }
                loaded.add(p);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                recordFailure(kind, candidate.type().getName(), rootOf(e));
            }
        }
        loaded.sort(Comparator.comparing(Plugins::safeName));
        return List.copyOf(loaded);
    }

    private void recordFailure(PluginKind<?, ?> kind, String providerClass, Throwable cause) {
        PluginLoadFailure failure = new PluginLoadFailure(kind, providerClass, cause);
        failures.add(failure);
        LOG.warn("{}; other {} providers still load. Check that the artifact containing it is complete and matches "
                + "this rl-core version, or remove it from the classpath.", failure.describe(), kind.key());
    }

    private static String providerIn(PluginKind<?, ?> kind, ServiceConfigurationError e) {
        String message = String.valueOf(e.getMessage());
        String prefix = kind.providerType().getName() + ": ";
        Matcher m = PROVIDER_IN_MESSAGE.matcher(message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        return m.find() ? m.group(1) : "?";
    }

    /**
     * The failure the provider's author would recognise: ServiceLoader wraps a constructor's
     * exception in a ServiceConfigurationError, and a static initialiser's also in an
     * ExceptionInInitializerError.
     */
    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while ((t instanceof ServiceConfigurationError || t instanceof ExceptionInInitializerError)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String safeName(Provider<?> p) {
        try {
            String n = p.name();
            return n == null ? "" : n;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static int safeRank(Provider<?> p) {
        try {
            return p.rank();
        } catch (RuntimeException e) {
            return Integer.MIN_VALUE;
        }
    }
}
