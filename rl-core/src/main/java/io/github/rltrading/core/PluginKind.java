package io.github.rltrading.core;

import io.github.rltrading.core.spi.AlertSink;
import io.github.rltrading.core.spi.AlertSinkProvider;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.spi.BrokerProvider;
import io.github.rltrading.core.spi.Environment;
import io.github.rltrading.core.spi.EnvironmentProvider;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.core.spi.FeatureSetProvider;
import io.github.rltrading.core.spi.MarketDataFeed;
import io.github.rltrading.core.spi.MarketDataFeedProvider;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.spi.PolicyProvider;
import io.github.rltrading.core.spi.Provider;
import io.github.rltrading.core.spi.Reasoner;
import io.github.rltrading.core.spi.ReasonerProvider;
import io.github.rltrading.core.spi.RewardFunction;
import io.github.rltrading.core.spi.RewardFunctionProvider;
import io.github.rltrading.core.spi.RiskGate;
import io.github.rltrading.core.spi.RiskGateProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One kind of plug-in: its config key (also used in messages), its provider interface, and which
 * artifact ships each well-known provider name, so an unknown name can say what to add.
 *
 * @param key            config key and name in messages, e.g. {@code broker}
 * @param providerType   the {@link java.util.ServiceLoader} service interface
 * @param knownArtifacts well-known provider names and the artifact that contains them
 * @param <P>            provider type
 * @param <T>            what the providers create
 */
public record PluginKind<P extends Provider<T>, T>(String key, Class<P> providerType,
                                                   Map<String, String> knownArtifacts) {

    public static final PluginKind<EnvironmentProvider, Environment> ENVIRONMENT = new PluginKind<>("environment",
            EnvironmentProvider.class, artifacts("rl-env", "cartpole-v1", "pendulum-v1"));
    public static final PluginKind<PolicyProvider, Policy> POLICY = new PluginKind<>("policy", PolicyProvider.class,
            merge(artifacts("rl-agents", "ppo", "sac", "dqn"), merge(artifacts("rl-risk", "rules"),
                    artifacts("rl-learning", "trained-ppo", "production"))));
    public static final PluginKind<RewardFunctionProvider, RewardFunction> REWARD_FUNCTION = new PluginKind<>("reward",
            RewardFunctionProvider.class, artifacts("rl-env", "pnl", "pnl-drawdown", "differential-sharpe", "return-volatility"));
    public static final PluginKind<FeatureSetProvider, FeatureSet> FEATURE_SET = new PluginKind<>("features",
            FeatureSetProvider.class, artifacts("rl-env", "market"));
    public static final PluginKind<RiskGateProvider, RiskGate> RISK_GATE = new PluginKind<>("risk-gate",
            RiskGateProvider.class, artifacts("rl-risk", "max-position", "max-notional", "stop-loss", "daily-loss",
                    "max-drawdown", "min-confidence", "max-trades", "order-rate", "price-sanity", "trading-hours", "var",
                    "disagreement", "kill-switch"));
    public static final PluginKind<ReasonerProvider, Reasoner> REASONER = new PluginKind<>("reasoner",
            ReasonerProvider.class, artifacts("rl-reasoning-ollama", "ollama", "openai", "rules"));
    public static final PluginKind<BrokerProvider, Broker> BROKER = new PluginKind<>("broker", BrokerProvider.class,
            merge(artifacts("rl-env", "sim"), merge(artifacts("rl-broker-nt8", "nt8"), artifacts("rl-broker-ibkr", "ibkr"))));
    public static final PluginKind<MarketDataFeedProvider, MarketDataFeed> MARKET_DATA_FEED = new PluginKind<>("feed",
            MarketDataFeedProvider.class, artifacts("rl-broker-nt8", "nt8"));
    public static final PluginKind<AlertSinkProvider, AlertSink> ALERT_SINK = new PluginKind<>("alerts",
            AlertSinkProvider.class, artifacts("rl-core", "log"));

    /** Every kind, in a stable order. */
    public static final List<PluginKind<?, ?>> ALL = List.of(ENVIRONMENT, POLICY, REWARD_FUNCTION, FEATURE_SET,
            RISK_GATE, REASONER, BROKER, MARKET_DATA_FEED, ALERT_SINK);

    public PluginKind {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(providerType, "providerType");
        // Keep the declared order: the first entry is the example named when nothing is found.
        knownArtifacts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(knownArtifacts));
    }

    /** The system property that overrides the choice: {@code rl.<key>}, e.g. {@code rl.broker}. */
    public String systemProperty() {
        return "rl." + key;
    }

    /** The artifact that ships provider {@code name}, if it is a well-known one. */
    public Optional<String> artifactFor(String name) {
        return Optional.ofNullable(knownArtifacts.get(name));
    }

    private static Map<String, String> artifacts(String artifact, String... names) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n, artifact);
        }
        return m;
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    @Override
    public String toString() {
        return key;
    }
}
