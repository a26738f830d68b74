package io.github.rltrading.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigLoader;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.journal.EventType;
import io.github.rltrading.core.journal.JournalEvent;
import io.github.rltrading.core.journal.JournalReader;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.spi.BrokerProvider;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.core.spi.FeatureSetProvider;
import io.github.rltrading.core.spi.MarketDataFeed;
import io.github.rltrading.core.spi.MarketDataFeedProvider;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.spi.PolicyProvider;
import io.github.rltrading.core.spi.RiskGate;
import io.github.rltrading.core.spi.RiskGateProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host application's view: a whole session composed from a YAML file by plug-in names. */
class TradingSessionFromConfigTest {

    static final AtomicInteger POLICIES_CLOSED = new AtomicInteger();
    static final List<SessionFixtures.NextOpenBroker> BROKERS = new java.util.concurrent.CopyOnWriteArrayList<>();

    public static final class BarsFeedProvider implements MarketDataFeedProvider {
        @Override
        public String name() {
            return "rising-bars";
        }

        @Override
        public MarketDataFeed create(Config config) {
            return new SessionFixtures.ListFeed(ContractSpecs.ES, SessionFixtures.risingBars("ES", config.getInt("bars", 3)));
        }
    }

    public static final class IndexFeaturesProvider implements FeatureSetProvider {
        @Override
        public String name() {
            return "bar-index";
        }

        @Override
        public FeatureSet create(Config config) {
            return new SessionFixtures.IndexFeature();
        }
    }

    public static final class ConstantPolicyProvider implements PolicyProvider {
        @Override
        public String name() {
            return "constant";
        }

        @Override
        public Policy create(Config config) {
            double target = config.getDouble("target", 0);
            return new Policy() {
                @Override
                public Decision decide(Observation o) {
                    return Decision.target(target, 0.9, "constant", "constant");
                }

                @Override
                public void close() {
                    POLICIES_CLOSED.incrementAndGet();
                }
            };
        }
    }

    public static final class NextOpenBrokerProvider implements BrokerProvider {
        @Override
        public String name() {
            return "next-open";
        }

        @Override
        public Broker create(Config config) {
            SessionFixtures.NextOpenBroker b = new SessionFixtures.NextOpenBroker();
            BROKERS.add(b);
            return b;
        }
    }

    public static final class UnreachableBrokerProvider implements BrokerProvider {
        @Override
        public String name() {
            return "unreachable";
        }

        @Override
        public Broker create(Config config) {
            throw new IllegalStateException("connection refused to 127.0.0.1:8888");
        }
    }

    public static final class CapGateProvider implements RiskGateProvider {
        @Override
        public String name() {
            return "cap";
        }

        @Override
        public RiskGate create(Config config) {
            double cap = config.getDouble("contracts", 1);
            return new RiskGate() {
                @Override
                public String name() {
                    return "cap";
                }

                @Override
                public RiskVerdict evaluate(TradeProposal p, RiskContext c) {
                    return Math.abs(p.targetQuantity()) <= cap ? RiskVerdict.approve("cap")
                            : RiskVerdict.reduce("cap", Math.copySign(cap, p.targetQuantity()), "cap", Map.of("cap", cap));
                }
            };
        }
    }

    @TempDir
    Path dir;

    private Plugins plugins;

    @BeforeEach
    void registerProviders() throws IOException {
        POLICIES_CLOSED.set(0);
        BROKERS.clear();
        Path cp = Files.createDirectories(dir.resolve("cp/META-INF/services"));
        register(cp, MarketDataFeedProvider.class, BarsFeedProvider.class);
        register(cp, FeatureSetProvider.class, IndexFeaturesProvider.class);
        register(cp, PolicyProvider.class, ConstantPolicyProvider.class);
        register(cp, BrokerProvider.class, NextOpenBrokerProvider.class, UnreachableBrokerProvider.class);
        register(cp, RiskGateProvider.class, CapGateProvider.class);
        plugins = Plugins.load(new URLClassLoader(new URL[] {dir.resolve("cp").toUri().toURL()},
                getClass().getClassLoader()), k -> null);
    }

    private static void register(Path services, Class<?> service, Class<?>... impls) throws IOException {
        Files.writeString(services.resolve(service.getName()),
                String.join("\n", Stream.of(impls).map(Class::getName).toList()) + "\n");
    }

    private Config yaml(String broker) {
        return ConfigLoader.parse("""
                sessionId: from-yaml
                instrument: {symbol: ES, commission: {perUnit: 2.0}}
                maxPosition: 3
                feed: {name: rising-bars, bars: 4}
                features: bar-index
                policy: {name: constant, target: 1.0}
                broker: %s
                riskGates: [cap]
                cap: {contracts: 2}
                journal: {directory: %s}
                """.formatted(broker, dir.resolve("journal")), ConfigLoader.Format.YAML, "session.yaml");
    }

    @Test
    void aWholeSessionIsComposedByNameAndRuns() {
        SessionResult result;
        try (TradingSession session = TradingSession.fromConfig(yaml("next-open"), plugins).build()) {
            result = session.run();
        }
        assertThat(result.sessionId()).isEqualTo("from-yaml");
        // The policy wants 3 contracts (target 1 x maxPosition 3); the cap gate allows 2.
        assertThat(BROKERS.get(0).submitted).singleElement().satisfies(o -> {
            assertThat(o.quantity()).isEqualTo(2.0);
            assertThat(o.instrument().commission()).isEqualTo(io.github.rltrading.core.market.CommissionModel.perUnit(2.0));
        });
        assertThat(result.positions()).containsExactly(0, 2, 2, 2);
        assertThat(POLICIES_CLOSED.get()).as("the session owns and closes what fromConfig created").isEqualTo(1);
        try (Stream<JournalEvent> events = JournalReader.read(dir.resolve("journal"))) {
            assertThat(events.filter(e -> e.type() == EventType.RISK_VERDICT).count()).isEqualTo(4);
        }
    }

    @Test
    void aComponentThatCannotBeCreatedClosesTheOnesAlreadyCreated() {
        assertThatThrownBy(() -> TradingSession.fromConfig(yaml("unreachable"), plugins))
                .isInstanceOf(PluginException.class)
                .hasMessage("broker \"unreachable\" could not be created: connection refused to 127.0.0.1:8888");
        assertThat(POLICIES_CLOSED.get()).isEqualTo(1);
    }

    @Test
    void aMisspelledGateNamesTheAvailableOnes() {
        Config config = yaml("next-open").with("riskGates", List.of("kill-swich"));
        assertThatThrownBy(() -> TradingSession.fromConfig(config, plugins))
                .hasMessage("risk-gate \"kill-swich\" not found; available: [cap]. Add the artifact that provides "
                        + "risk-gate \"kill-swich\" to the classpath, or fix the name.");
    }
}
