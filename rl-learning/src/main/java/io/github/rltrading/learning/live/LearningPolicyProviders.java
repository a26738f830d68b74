package io.github.rltrading.learning.live;

import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.spi.PolicyProvider;
import io.github.rltrading.learning.experience.ExperienceStore;
import io.github.rltrading.learning.registry.ModelRegistry;
import io.github.rltrading.learning.registry.ProductionPolicy;
import io.github.rltrading.learning.store.LearningDatabase;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Policies by name for sessions composed from configuration.
 *
 * <ul>
 *   <li>{@code trained-ppo}: a PPO model trained in the trading environment (by
 *       {@code PpoTrainer}, the CLI's {@code train} or the quickstart), window worked out from the
 *       model ({@link WindowedModelPolicy}). Keys: {@code model} (its folder, required),
 *       {@code max-contracts} (the session's {@code maxPosition}, 1), {@code tick-size} (taken from
 *       {@code instrument} when that is a known futures contract, else required).</li>
 *   <li>{@code production}: the registry's production model for {@code instrument}, followed and
 *       hot-swapped between bars ({@link ProductionPolicy}), each decision recorded as experience
 *       unless {@code record-experience: false}. Keys: {@code instrument} (required),
 *       {@code database} ({@code runs/learning/learning.db}), {@code models}
 *       ({@code runs/learning/models}), {@code poll-interval} (10s), {@code max-contracts},
 *       {@code tick-size}, {@code record-experience} (true), {@code shadow-candidates} (true: a
 *       candidate the learner nominated shadows production before it is promoted or rejected),
 *       {@code shadow-cost-per-contract} (one tick's value plus $2.25).</li>
 * </ul>
 */
public final class LearningPolicyProviders {

    private LearningPolicyProviders() {}

    /** Below zero: chosen by name, never by default. */
    private abstract static class Base implements PolicyProvider {
        @Override
        public int rank() {
            return -1;
        }
    }

    /** The instrument's tick: a known futures contract's, else {@code tick-size}, which is then required. */
    private static double tickSize(ConfigValidator v, Config c, String policy) {
        String symbol = c.getString("instrument", "");
        double known = ContractSpecs.bySymbol(symbol).map(Instrument::tickSize).orElse(Double.NaN);
        if (c.has("tick-size")) {
            return v.positiveDouble("tick-size", 0.01);
        }
        if (Double.isNaN(known)) {
            v.problem("tick-size", null, "is required: instrument '" + symbol + "' is not a known futures contract, so give its tick, "
                    + "e.g. tick-size: 0.01 for a stock or ETF");
            return 0.01;
        }
        return known;
    }

    /** {@code trained-ppo}. */
    public static final class TrainedPpo extends Base {
        @Override
        public String name() {
            return "trained-ppo";
        }

        @Override
        public Policy create(Config c) {
            ConfigValidator v = c.validator();
            String model = v.requiredString("model");
            double maxContracts = v.positiveDouble("max-contracts", 1);
            double tick = tickSize(v, c, name());
            v.throwIfInvalid("policy trained-ppo");
            return new WindowedModelPolicy(Ppo.load(Path.of(model)), maxContracts, tick);
        }
    }

    /** {@code production}. */
    public static final class Production extends Base {
        @Override
        public String name() {
            return "production";
        }

        @Override
        public Policy create(Config c) {
            ConfigValidator v = c.validator();
            String instrument = v.requiredString("instrument");
            Path database = Path.of(v.string("database", "runs/learning/learning.db"));
            Path models = Path.of(v.string("models", "runs/learning/models"));
            Duration poll = v.positiveDuration("poll-interval", Duration.ofSeconds(10));
            double maxContracts = v.positiveDouble("max-contracts", 1);
            double tick = tickSize(v, c, name());
            boolean record = v.bool("record-experience", true);
            boolean shadow = v.bool("shadow-candidates", true);
            // Until the instrument is known to be set (throwIfInvalid below), a placeholder keeps the defaults computable.
            String name = instrument == null || instrument.isBlank() ? "UNSET" : instrument;
            Instrument symbol = ContractSpecs.bySymbol(name).map(Instrument.class::cast)
                    .orElse(Instrument.builder(name, io.github.rltrading.core.market.AssetClass.ETF).tickSize(tick).pointValue(1)
                            .build());
            double cost = v.nonNegativeDouble("shadow-cost-per-contract", symbol.tickSize() * symbol.pointValue() + 2.25);
            v.throwIfInvalid("policy production");
            LearningDatabase db = LearningDatabase.open(database);
            try {
                ModelRegistry registry = ModelRegistry.open(db, models);
                ProductionPolicy production = new ProductionPolicy(registry, instrument,
                        version -> new WindowedModelPolicy(Ppo.load(version.directory()), maxContracts, tick), poll);
                if (shadow) {
                    production.shadowCandidates(new ProductionPolicy.ShadowSettings(symbol, maxContracts, cost, null));
                }
                Policy policy = production;
                if (record) {
                    policy = new ExperienceRecorder(production, ExperienceStore.open(db), symbol, () -> production.version().name());
                }
                Policy chosen = policy;
                return new Policy() {
                    @Override
                    public io.github.rltrading.core.decision.Decision decide(io.github.rltrading.core.decision.Observation o) {
                        return chosen.decide(o);
                    }

                    @Override
                    public void close() {
                        try {
                            chosen.close();
                        } finally {
                            db.close();
                        }
                    }
                };
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }
    }
}
