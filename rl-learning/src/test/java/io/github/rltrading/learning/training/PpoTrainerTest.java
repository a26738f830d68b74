package io.github.rltrading.learning.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.env.bars.MarketHours;
import io.github.rltrading.env.synthetic.SyntheticMarket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PpoTrainerTest {

    static MarketDataSet synthetic(int sessions, long seed) {
        SyntheticMarket.Result r = SyntheticMarket.builder().seed(seed).sessions(sessions).instrument(ContractSpecs.ES)
                .hours(MarketHours.US_EQUITY_RTH).build().generate();
        return new MarketDataSet(r.series(), ContractSpecs.ES, r.label());
    }

    static PpoConfig small(long seed) {
        return new PpoConfig(3e-4, false, 128, 64, 2, 0.99, 0.95, 0.2, 0.0, 0.5, 0.5, true, 1, new int[] {16, 16}, seed);
    }

    @Test
    void trainsSavesWarmStartsAndBacktestsOnRangesItDidNotTrainOn(@TempDir Path dir) {
        MarketDataSet data = synthetic(12, 3);
        List<Long> progress = new ArrayList<>();
        PpoTrainer trainer = PpoTrainer.builder().window(4).episodeLength(200).progress(p -> progress.add(p.steps())).build();
        PpoTrainer.TrainedModel first = trainer.train(data, small(1), null, 256, dir.resolve("a"));
        assertThat(first.directory().resolve("model.json")).exists();
        assertThat(progress).containsExactly(128L, 256L);
        assertThat(trainer.range(data, PpoTrainer.Segment.TEST).to()).isEqualTo(data.bars().size());
        assertThat(trainer.range(data, PpoTrainer.Segment.VALIDATION).from()).isEqualTo(trainer.range(data, PpoTrainer.Segment.TRAIN).to());

        Evaluation validation = trainer.evaluate(first.directory(), data, PpoTrainer.Segment.VALIDATION);
        assertThat(validation.range()).startsWith("validation rows ");
        // Warmed up before the range: every bar of it is decided, plus the observation window's warm-up just before.
        assertThat(validation.decisions()).isEqualTo(trainer.range(data, PpoTrainer.Segment.VALIDATION).size() + 4);
        assertThat(validation.maxDrawdown()).isBetween(0.0, 1.0);
        assertThat(trainer.evaluate(first.directory(), data, PpoTrainer.Segment.VALIDATION)).isEqualTo(validation);

        PpoTrainer.TrainedModel second = trainer.train(data, small(2), first.directory(), 128, dir.resolve("b"));
        assertThat(second.directory().resolve("parameters.bin")).exists();
        assertThat(Files.exists(dir.resolve("b/model.json"))).isTrue();
    }

    @Test
    void aWarmStartWithOtherHiddenSizesOrWindowIsRefused(@TempDir Path dir) {
        MarketDataSet data = synthetic(8, 4);
        PpoTrainer trainer = PpoTrainer.builder().window(4).episodeLength(100).build();
        Path model = trainer.train(data, small(1), null, 128, dir.resolve("a")).directory();
        PpoConfig wider = new PpoConfig(3e-4, false, 128, 64, 2, 0.99, 0.95, 0.2, 0.0, 0.5, 0.5, true, 1, new int[] {32, 32}, 1);
        assertThatThrownBy(() -> trainer.train(data, wider, model, 128, dir.resolve("b")))
                .hasMessageContaining("the hidden sizes in model.json must match the config");
        PpoTrainer otherWindow = PpoTrainer.builder().window(6).episodeLength(100).build();
        assertThatThrownBy(() -> otherWindow.train(data, small(1), model, 128, dir.resolve("c")))
                .hasMessageContaining("use the window it was trained with");
    }
}
