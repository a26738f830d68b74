package io.github.rltrading.learning.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.learning.MutableClock;
import io.github.rltrading.learning.experience.ExperienceStore;
import io.github.rltrading.learning.registry.ModelRegistry;
import io.github.rltrading.learning.registry.ModelVersion;
import io.github.rltrading.learning.store.LearningDatabase;
import io.github.rltrading.learning.watch.ContinuousTrainer;
import io.github.rltrading.learning.watch.RetrainRequest;
import io.github.rltrading.learning.watch.TrainingStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New NinjaTrader export files in a watched folder become one retraining, warm-started and judged by the rule. */
class ContinuousTrainingTest {

    private static final DateTimeFormatter NT8 = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Bars {@code [from, to)} of {@code bars} as a NinjaTrader minute export. */
    private static Path export(Path dir, String name, BarSeries bars, int from, int to) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < to; i++) {
            lines.add(String.format(Locale.ROOT, "%s;%.2f;%.2f;%.2f;%.2f;%.0f", NT8.format(bars.endTime(i)), bars.open(i), bars.high(i),
                    bars.low(i), bars.close(i), bars.volume(i)));
        }
        return Files.write(dir.resolve(name), lines);
    }

    @Test
    void newExportFilesAreDebouncedMergedAndRetrainedOnOnce(@TempDir Path dir) throws Exception {
        Path exports = Files.createDirectories(dir.resolve("exports"));
        BarSeries bars = PpoTrainerTest.synthetic(12, 9).bars();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T22:00:00Z"));
        try (LearningDatabase db = LearningDatabase.open(dir.resolve("l.db"))) {
            ModelRegistry registry = ModelRegistry.open(db, dir.resolve("models"));
            List<Map<String, Object>> seen = new ArrayList<>();
            ContinuousLearner learner = ContinuousLearner.builder("ES", ExperienceStore.open(db), registry)
                    .trainer(PpoTrainer.builder().window(4).episodeLength(200).build())
                    .tuner((study, trials, objective) -> {
                        Map<String, Object> params = Map.of("learningRate", 1e-3);
                        seen.add(params);
                        try {
                            return new HyperparameterTuner.Result(0, params, objective.score(0, params), 1, 0);
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    })
                    .configs(p -> PpoSearch.config(new io.github.rltrading.agents.ppo.PpoConfig(3e-4, false, 128, 64, 2, 0.99, 0.95, 0.2,
                            0.0, 0.5, 0.5, true, 1, new int[] {16, 16}, 0), p))
                    .data(() -> {
                        throw new AssertionError("continuous training trains on the files, not on the learner's data source");
                    }).trials(1).trialSteps(128).workDir(dir.resolve("work")).clock(clock).build();
            ExportRetrainJob job = new ExportRetrainJob(learner, ContractSpecs.ES,
                    LoadOptions.builder().zone("UTC").instrument(ContractSpecs.ES).build());
            try (ContinuousTrainer trainer = ContinuousTrainer.builder().directory(exports).instrument("ES").job(job).clock(clock)
                    .debounce(Duration.ofSeconds(30)).build()) {
                trainer.start();
                int half = bars.size() / 2;
                trainer.fileChanged(export(exports, "ES 12-26.Last.txt", bars, 0, half + 50));
                clock.advance(Duration.ofSeconds(10));
                trainer.fileChanged(export(exports, "ES 03-27.Last.txt", bars, half, bars.size()));
                clock.advance(Duration.ofSeconds(29));
                assertThat(trainer.poll()).isEmpty();
                clock.advance(Duration.ofSeconds(2));
                RetrainRequest request = trainer.poll().orElseThrow();
                assertThat(request.files()).hasSize(2);
                long deadline = System.nanoTime() + 120_000_000_000L;
                TrainingStatus status = trainer.status();
                while (status.runs() < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                    status = trainer.status();
                }
                assertThat(status.runs()).isEqualTo(1);
                assertThat(status.lastRun().success()).as(status.describe()).isTrue();
            }
            assertThat(seen).hasSize(1);
            ModelVersion v = registry.versions("ES").get(0);
            assertThat(v.note()).startsWith("retrained after 2 new export file(s) on ES 03-27.Last.txt+ES 12-26.Last.txt; ");
            MarketDataSet merged = job.load(List.of(exports.resolve("ES 12-26.Last.txt"), exports.resolve("ES 03-27.Last.txt")));
            assertThat(merged.bars().size()).isEqualTo(bars.size());
            assertThat(merged.bars().endMillis(bars.size() - 1)).isEqualTo(bars.endMillis(bars.size() - 1));
        }
    }
}
