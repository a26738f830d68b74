package io.github.rltrading.env.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.env.bars.MarketHours;
import io.github.rltrading.env.synthetic.SyntheticMarket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Policies that declare the feature columns they read get only those (computed alone), the
 * manifest says so, and the journal of a backtest is one file unless asked for one per day.
 */
class BacktesterFeatureColumnsTest {

    static BarSeries bars;

    @BeforeAll
    static void generate() {
        bars = SyntheticMarket.builder().seed(3).hours(MarketHours.CME_GLOBEX).firstDate(LocalDate.of(2021, 3, 1)).sessions(4)
                .build().generate().series();
    }

    @Test
    void aPolicyDeclaringItsColumnsIsMadeFromAndShownExactlyThose(@TempDir Path dir) throws IOException {
        List<List<String>> given = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        Backtester.BacktestResult result = Backtester.builder(bars, ContractSpecs.ES).outputDir(dir)
                .policy("rsi-reader", List.of("5m_rsi_14", "1m_ret_1"), names -> {
                    given.add(names);
                    return observation -> {
                        widths.add(observation.features().length);
                        return Baselines.flat().decide(observation);
                    };
                }).build().run();

        assertThat(given).containsExactly(List.of("5m_rsi_14", "1m_ret_1"));
        assertThat(widths).isNotEmpty().allSatisfy(w -> assertThat(w).isEqualTo(2));
        assertThat(result.runs().keySet()).containsExactly("rsi-reader", "buy-and-hold", "flat", "ema-cross");

        JsonNode columns = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile()).get("featureColumns");
        assertThat(columns.get("rsi-reader")).hasSize(2);
        assertThat(columns.get("rsi-reader").get(0).asText()).isEqualTo("5m_rsi_14");
        assertThat(columns.get("buy-and-hold")).as("buy-and-hold reads no feature").isEmpty();
        assertThat(columns.get("ema-cross").toString()).isEqualTo("[\"1m_ema_10_dist\",\"1m_ema_50_dist\"]");
    }

    @Test
    void aPolicyWithoutDeclaredColumnsSeesTheWholeSet(@TempDir Path dir) throws IOException {
        List<Integer> widths = new ArrayList<>();
        Policy counting = observation -> {
            widths.add(observation.features().length);
            return Baselines.flat().decide(observation);
        };
        Backtester.builder(bars, ContractSpecs.ES).baselines(false).outputDir(dir).policy("model", names -> counting).build().run();
        assertThat(widths).isNotEmpty().allSatisfy(w -> assertThat(w).isEqualTo(71));
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.get("featureColumns").has("model")).isFalse();
    }

    @Test
    void aColumnTheFeatureSetLacksIsRefusedNamingThePolicy() {
        Backtester backtester = Backtester.builder(bars, ContractSpecs.ES).baselines(false)
                .policy("typo", List.of("1m_ema_10_dist", "1m_ema_21_dist"), Baselines::emaCross).build();
        assertThatThrownBy(backtester::run).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("policy 'typo' reads the feature columns [1m_ema_10_dist, 1m_ema_21_dist], which the"
                        + " backtest's feature set cannot give: feature column '1m_ema_21_dist' is not in this feature set");
    }

    @Test
    void theJournalIsOneFileUnlessOneFilePerDayIsAskedFor(@TempDir Path one, @TempDir Path daily) throws IOException {
        Policy flipping = observation -> observation.position() > 0 ? Baselines.flat().decide(observation)
                : Baselines.buyAndHold().decide(observation);
        Backtester.builder(bars, ContractSpecs.ES).baselines(false).outputDir(one).policy("flip", List.of(), n -> flipping)
                .build().run();
        Backtester.builder(bars, ContractSpecs.ES).baselines(false).outputDir(daily).policy("flip", List.of(), n -> flipping)
                .journalPerDay(true).build().run();
        try (var files = Files.list(one.resolve("journal"))) {
            assertThat(files.count()).isEqualTo(1);
        }
        try (var files = Files.list(daily.resolve("journal"))) {
            assertThat(files.count()).as("four sessions span several UTC days").isGreaterThan(3);
        }
    }
}
