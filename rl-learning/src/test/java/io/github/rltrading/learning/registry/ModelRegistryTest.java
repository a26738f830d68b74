package io.github.rltrading.learning.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.learning.store.LearningDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:15:00Z"), ZoneOffset.UTC);

    static Path savedModel(Path dir, String name, double sharpe) throws IOException {
        Path m = Files.createDirectories(dir.resolve(name));
        Files.writeString(m.resolve("model.json"), """
                {"format":1,"algorithm":"ppo","config":{"learningRate":3.0E-4,"nSteps":512},
                 "featureSet":{"id":"market-v1","hash":"abc123"},"trainingRange":"es-1min rows 0-28000",
                 "metrics":{"sharpe":%s}}""".formatted(sharpe));
        Files.write(m.resolve("parameters.bin"), new byte[] {1, 2, 3, (byte) name.hashCode()});
        return m;
    }

    @Test
    void versionsAreNumberedNamedAndCarryTheirModelsMetadata(@TempDir Path dir) throws IOException {
        try (LearningDatabase db = LearningDatabase.open(dir.resolve("l.db"))) {
            ModelRegistry registry = ModelRegistry.open(db, dir.resolve("models"), CLOCK);
            ModelVersion v1 = registry.register("ES", savedModel(dir, "a", 1.1), Registration.of("first"));
            ModelVersion v2 = registry.register("ES", savedModel(dir, "b", 1.4),
                    Registration.of("retrain").withParent(v1.name()).withMetrics(Map.of("maxDrawdown", 0.08)));
            assertThat(v1.name()).isEqualTo("v1_20261130_101500");
            assertThat(v2.name()).isEqualTo("v2_20261130_101500");
            assertThat(v2.algorithm()).isEqualTo("ppo");
            assertThat(v2.hyperparameters()).contains("\"nSteps\":512");
            assertThat(v2.featureSetHash()).isEqualTo("abc123");
            assertThat(v2.dataRange()).isEqualTo("es-1min rows 0-28000");
            assertThat(v2.metrics()).containsEntry("sharpe", 1.4).containsEntry("maxDrawdown", 0.08);
            assertThat(v2.parent()).isEqualTo(v1.name());
            assertThat(Files.readAllBytes(v2.directory().resolve("parameters.bin")))
                    .isEqualTo(Files.readAllBytes(dir.resolve("b/parameters.bin")));
            assertThat(registry.versions("ES")).extracting(ModelVersion::name).containsExactly(v2.name(), v1.name());
            assertThat(registry.production("ES")).isEmpty();
        }
        try (LearningDatabase db = LearningDatabase.open(dir.resolve("l.db"))) {
            ModelRegistry registry = ModelRegistry.open(db, dir.resolve("models"), CLOCK);
            assertThat(registry.get("v2_20261130_101500").metric("sharpe")).isEqualTo(1.4);
            assertThat(registry.register("MES", savedModel(dir, "c", 0.5), Registration.of("")).number()).isEqualTo(3);
        }
    }

    @Test
    void promotionAndRollbackMoveThePointerAndEveryChangeIsAudited(@TempDir Path dir) throws IOException {
        try (LearningDatabase db = LearningDatabase.open(dir.resolve("l.db"))) {
            ModelRegistry registry = ModelRegistry.open(db, dir.resolve("models"), CLOCK);
            String v1 = registry.register("ES", savedModel(dir, "a", 1), Registration.of("")).name();
            String v2 = registry.register("ES", savedModel(dir, "b", 2), Registration.of("")).name();
            String v3 = registry.register("ES", savedModel(dir, "c", 3), Registration.of("")).name();
            List<ModelVersion> heard = new java.util.ArrayList<>();
            registry.onProductionChange(heard::add);

            registry.promote("ES", v1, "test", "initial");
            registry.promote("ES", v2, "continuous-learning", "Sharpe +20%");
            registry.promote("ES", v3, "continuous-learning", "Sharpe +15%");
            assertThat(registry.production("ES").orElseThrow().name()).isEqualTo(v3);
            assertThat(registry.rollback("ES", "cli:alice", "v3 misbehaves live").name()).isEqualTo(v2);
            assertThat(registry.rollback("ES", "cli:alice", "v2 too").name()).isEqualTo(v1);
            assertThatThrownBy(() -> registry.rollback("ES", "cli", "again")).hasMessage("production model " + v1
                    + " for ES was the first promoted, there is nothing earlier to roll back to; name a version with rollbackTo");
            assertThat(registry.rollbackTo("ES", v3, "cli", "back to the newest").name()).isEqualTo(v3);
            assertThat(registry.production("MES")).isEmpty();
            assertThat(heard).extracting(ModelVersion::name).containsExactly(v1, v2, v3, v2, v1, v3);

            assertThat(registry.audit("ES")).extracting(e -> e.action() + " " + e.version() + " from " + e.previous() + " by " + e.actor())
                    .containsExactly("REGISTER " + v1 + " from  by registry", "REGISTER " + v2 + " from  by registry",
                            "REGISTER " + v3 + " from  by registry", "PROMOTE " + v1 + " from  by test",
                            "PROMOTE " + v2 + " from " + v1 + " by continuous-learning",
                            "PROMOTE " + v3 + " from " + v2 + " by continuous-learning", "ROLLBACK " + v2 + " from " + v3 + " by cli:alice",
                            "ROLLBACK " + v1 + " from " + v2 + " by cli:alice", "ROLLBACK " + v3 + " from " + v1 + " by cli");
        }
    }

    @Test
    void mistakesAreRefusedWithWhatToDo(@TempDir Path dir) throws IOException {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ModelRegistry registry = ModelRegistry.open(db, dir.resolve("models"), CLOCK);
            assertThatThrownBy(() -> registry.promote("ES", "v9_x", "t", "r"))
                    .hasMessage("no model version 'v9_x' in the registry at " + dir.resolve("models") + "; it holds no models yet");
            assertThatThrownBy(() -> registry.register("ES", Files.createDirectories(dir.resolve("empty")), Registration.of("")))
                    .hasMessage("cannot register " + dir.resolve("empty")
                            + ": it has no model.json; give the folder a model was saved to (agent.save(dir, info))");
            assertThatThrownBy(() -> registry.rollback("ES", "t", "r"))
                    .hasMessage("no production model for ES to roll back from; promote one first");
            String v1 = registry.register("ES", savedModel(dir, "a", 1), Registration.of("")).name();
            assertThatThrownBy(() -> registry.get("v7"))
                    .hasMessage("no model version 'v7' in the registry at " + dir.resolve("models") + "; the newest are [" + v1 + "]");
            registry.promote("ES", v1, "t", "r");
            assertThatThrownBy(() -> registry.promote("ES", v1, "t", "r")).hasMessage(v1 + " is already the production model for ES");
            assertThatThrownBy(() -> registry.register(" ", savedModel(dir, "b", 1), Registration.of("")))
                    .hasMessage("instrument must not be blank; give the symbol, e.g. ES");
        }
    }

    @Test
    void aFolderLeftByACrashWhileRegisteringIsRemovedOnOpen(@TempDir Path dir) throws IOException {
        Path models = dir.resolve("models");
        Files.createDirectories(models.resolve("v5_20261130_101500"));
        Files.createDirectories(models.resolve("v6_20261130_101500.staging"));
        Files.createDirectories(models.resolve("my-notes"));
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ModelRegistry.open(db, models, CLOCK);
            assertThat(models.resolve("v5_20261130_101500")).doesNotExist();
            assertThat(models.resolve("v6_20261130_101500.staging")).doesNotExist();
            assertThat(models.resolve("my-notes")).exists();
        }
    }

    /** A stand-in model: decides its version number as the target, records when it is closed. */
    private record NumberPolicy(int number, ConcurrentLinkedQueue<Integer> closed) implements Policy {
        @Override
        public Decision decide(Observation observation) {
            return new Decision(Action.discrete(0), number / 10.0, 1, "model " + number, "test");
        }

        @Override
        public void close() {
            closed.add(number);
        }
    }

    @Test
    void theProductionPolicySwapsToAPromotedModelBetweenBarsAndClosesTheOldOne(@TempDir Path dir) throws Exception {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ModelRegistry registry = ModelRegistry.open(db, dir.resolve("models"), CLOCK);
            String v1 = registry.register("ES", savedModel(dir, "a", 1), Registration.of("")).name();
            String v2 = registry.register("ES", savedModel(dir, "b", 2), Registration.of("")).name();
            registry.promote("ES", v1, "t", "r");
            ConcurrentLinkedQueue<Integer> closed = new ConcurrentLinkedQueue<>();
            Observation bar = new Observation(Instant.EPOCH, new float[0], 0);
            try (ProductionPolicy policy = new ProductionPolicy(registry, "ES", v -> new NumberPolicy(v.number(), closed),
                    Duration.ofHours(1))) {
                Decision first = policy.decide(bar);
                assertThat(first.targetPosition()).isEqualTo(0.1);
                assertThat(first.source()).isEqualTo("test@" + v1);

                registry.promote("ES", v2, "t", "better");
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (policy.pendingVersion().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(policy.version().name()).isEqualTo(v2);
                assertThat(closed).isEmpty(); // nothing closes until the swap at the next bar
                assertThat(policy.decide(bar).targetPosition()).isEqualTo(0.2);
                assertThat(closed).containsExactly(1);
                assertThat(policy.decide(bar).source()).isEqualTo("test@" + v2);
            }
            assertThat(closed).containsExactly(1, 2);
        }
    }

    private static Observation priced(int i, double price) {
        return new Observation(Instant.EPOCH.plusSeconds(60L * i), new float[0], 0, new Observation.PositionState(0, Double.NaN, price, 0));
    }

    /** v1 stays flat, v2 goes long; the candidate v2 shadows v1 for 5 bars of a rising or a falling market. */
    private static List<AuditEntry> shadowRun(Path dir, double step) throws Exception {
        try (LearningDatabase db = LearningDatabase.inMemory()) {
            ModelRegistry registry = ModelRegistry.open(db, dir.resolve("models" + step), CLOCK);
            String v1 = registry.register("ES", savedModel(dir, "a" + step, 1), Registration.of("")).name();
            String v2 = registry.register("ES", savedModel(dir, "b" + step, 2), Registration.of("")).name();
            registry.promote("ES", v1, "t", "first");
            ConcurrentLinkedQueue<Integer> closed = new ConcurrentLinkedQueue<>();
            try (ProductionPolicy policy = new ProductionPolicy(registry, "ES", v -> new NumberPolicy(v.number() == 1 ? 0 : 10, closed),
                    Duration.ofHours(1))) {
                policy.shadowCandidates(new ProductionPolicy.ShadowSettings(io.github.rltrading.core.market.ContractSpecs.ES, 1, 5.0,
                        null));
                registry.nominate("ES", v2, 5, "continuous-learning", "passed the backtest rule");
                assertThat(registry.candidate("ES").orElseThrow().version().name()).isEqualTo(v2);
                policy.shadowCandidates(new ProductionPolicy.ShadowSettings(io.github.rltrading.core.market.ContractSpecs.ES, 1, 5.0,
                        null)); // polls now
                long deadline = System.nanoTime() + 10_000_000_000L;
                double price = 5000;
                int i = 0;
                while (registry.candidate("ES").isPresent() && System.nanoTime() < deadline) {
                    Decision d = policy.decide(priced(i++, price));
                    assertThat(d.targetPosition()).isZero(); // production (flat) trades while the candidate shadows
                    price += step;
                    Thread.sleep(2);
                }
                assertThat(registry.candidate("ES")).isEmpty();
                return registry.audit("ES");
            }
        }
    }

    @Test
    void aCandidateThatBeatsProductionInShadowIsPromotedAndOneThatLosesIsRejected(@TempDir Path dir) throws Exception {
        List<AuditEntry> rising = shadowRun(dir, 2.0);
        AuditEntry last = rising.get(rising.size() - 1);
        assertThat(last.action()).isEqualTo(AuditEntry.Action.PROMOTE);
        assertThat(last.actor()).isEqualTo("shadow");
        // Long 1 ES for 5 bars of +2 points: 5 x 2 x $50 = 500, minus $5 to enter.
        assertThat(last.reason()).isEqualTo("promoted after shadow over 5 bars: candidate P&L 495.00 vs production 0.00");
        assertThat(rising.get(rising.size() - 2).action()).isEqualTo(AuditEntry.Action.CANDIDATE);

        List<AuditEntry> falling = shadowRun(dir, -2.0);
        AuditEntry rejected = falling.get(falling.size() - 1);
        assertThat(rejected.action()).isEqualTo(AuditEntry.Action.REJECT);
        assertThat(rejected.reason()).isEqualTo("rejected: shadow over 5 bars: candidate P&L -505.00 vs production 0.00");
    }

    @Test
    void aPromotionByAnotherProcessIsSeenByPolling(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("l.db");
        try (LearningDatabase db = LearningDatabase.open(file); LearningDatabase other = LearningDatabase.open(file)) {
            ModelRegistry registry = ModelRegistry.open(db, dir.resolve("models"), CLOCK);
            String v1 = registry.register("ES", savedModel(dir, "a", 1), Registration.of("")).name();
            String v2 = registry.register("ES", savedModel(dir, "b", 2), Registration.of("")).name();
            registry.promote("ES", v1, "t", "r");
            Observation bar = new Observation(Instant.EPOCH, new float[0], 0);
            try (ProductionPolicy policy = new ProductionPolicy(registry, "ES", v -> new NumberPolicy(v.number(),
                    new ConcurrentLinkedQueue<>()), Duration.ofMillis(20))) {
                ModelRegistry.open(other, dir.resolve("models"), CLOCK).promote("ES", v2, "cli:bob", "manual");
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (policy.pendingVersion().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(policy.decide(bar).source()).isEqualTo("test@" + v2);
            }
        }
    }
}
