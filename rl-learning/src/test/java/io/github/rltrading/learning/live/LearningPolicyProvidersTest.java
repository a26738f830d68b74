package io.github.rltrading.learning.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.env.backtest.Backtester;
import io.github.rltrading.learning.experience.Experience;
import io.github.rltrading.learning.experience.ExperienceStore;
import io.github.rltrading.learning.registry.ModelRegistry;
import io.github.rltrading.learning.registry.Registration;
import io.github.rltrading.learning.store.LearningDatabase;
import io.github.rltrading.learning.training.Evaluation;
import io.github.rltrading.learning.training.MarketDataSet;
import io.github.rltrading.learning.training.PpoTrainer;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.env.bars.MarketHours;
import io.github.rltrading.env.synthetic.SyntheticMarket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningPolicyProvidersTest {

    private static final PpoConfig SMALL = new PpoConfig(3e-4, false, 128, 64, 2, 0.99, 0.95, 0.2, 0.0, 0.5, 0.5, true, 1,
            new int[] {16, 16}, 0);

    private static MarketDataSet data() {
        SyntheticMarket.Result r = SyntheticMarket.builder().seed(11).sessions(10).instrument(ContractSpecs.ES)
                .hours(MarketHours.US_EQUITY_RTH).build().generate();
        return new MarketDataSet(r.series(), ContractSpecs.ES, r.label());
    }

    @Test
    void aTrainedModelByNameDecidesExactlyAsTheTrainerBacktestsIt(@TempDir Path dir) {
        MarketDataSet data = data();
        PpoTrainer trainer = PpoTrainer.builder().window(5).episodeLength(100).split(0.6, 0.2).build();
        Path model = trainer.train(data, SMALL, null, 256, dir.resolve("m")).directory();
        Evaluation expected = trainer.evaluate(model, data, PpoTrainer.Segment.TEST);

        var test = trainer.range(data, PpoTrainer.Segment.TEST);
        Config config = Config.of(Map.of("policy", Map.of("name", "trained-ppo", "model", model.toString(), "instrument", "ES")));
        Plugins plugins = Plugins.load();
        var run = Backtester.builder(data.slice(Math.max(0, test.from() - trainer.warmUp()), test.to()), data.instrument()).baselines(false)
                .journal(false).policy("byName", names -> plugins.policy(config)).build().run().run("byName");
        assertThat(run.metrics().sharpe()).isEqualTo(expected.sharpe());
        assertThat(run.metrics().numberOfTrades()).isEqualTo(expected.trades());
    }

    @Test
    void theProductionPolicyFollowsTheRegistryAndRecordsExperience(@TempDir Path dir) {
        MarketDataSet data = data();
        PpoTrainer trainer = PpoTrainer.builder().window(5).episodeLength(100).build();
        Path model = trainer.train(data, SMALL, null, 128, dir.resolve("m")).directory();
        Path database = dir.resolve("learning.db");
        String version;
        try (LearningDatabase db = LearningDatabase.open(database)) {
            ModelRegistry registry = ModelRegistry.open(db, dir.resolve("models"));
            version = registry.register("ES", model, Registration.of("test")).name();
            registry.promote("ES", version, "test", "first");
        }
        Config config = Config.of(Map.of("policy", Map.of("name", "production", "instrument", "ES", "database", database.toString(),
                "models", dir.resolve("models").toString())));
        Plugins plugins = Plugins.load();
        var bars = data.slice(0, 1500); // the 15-minute features need about 400 bars of warm-up
        var result = Backtester.builder(bars, data.instrument()).baselines(false).journal(false)
                .policy("production", names -> plugins.policy(config)).build().run().run("production");
        assertThat(result.session().decisions()).isPositive();
        assertThat(result.session().errors()).isZero();
        try (LearningDatabase db = LearningDatabase.open(database)) {
            List<Experience> recorded = ExperienceStore.open(db).after("ES", 0, 10_000);
            assertThat(recorded).hasSize((int) result.session().decisions() - 1);
            assertThat(recorded).allMatch(e -> e.modelVersion().equals(version));
            assertThat(recorded.get(0).state()).hasSize(recorded.get(0).nextState().length);
        }
    }

    @Test
    void missingKeysAndAWrongFeatureSetAreNamed(@TempDir Path dir) {
        Plugins plugins = Plugins.load();
        assertThatThrownBy(() -> plugins.policy(Config.of(Map.of("policy", Map.of("name", "production")))))
                .hasMessageContaining("policy.instrument: is required");
        assertThatThrownBy(() -> plugins.policy(Config.of(Map.of("policy", Map.of("name", "trained-ppo", "model", "m", "instrument", "SPY")))))
                .hasMessageContaining("policy.tick-size: is required: instrument 'SPY' is not a known futures contract, so give its tick, "
                        + "e.g. tick-size: 0.01 for a stock or ETF");
        assertThatThrownBy(() -> WindowedModelPolicy.window(100, 7, "ppo model"))
                .hasMessage("ppo model takes 100 inputs, which is not W x 7 features + 11 state values for any window W; "
                        + "run it on the feature set it was trained with");
        assertThat(WindowedModelPolicy.window(7 * 4 + 11, 7, "m")).isEqualTo(4);
    }
}
