package io.github.rltrading.env.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.CommissionModel;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.core.trading.Side;
import io.github.rltrading.env.SharedData;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.env.data.MarketData;
import io.github.rltrading.env.features.MarketFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baselines on the real ES RTH minutes of 2020, written to a run folder. */
class BacktesterTest {

    static final Instrument ES = ContractSpecs.ES.withCommission(CommissionModel.perUnit(2.25, 0));
    static BarSeries es;

    @BeforeAll
    static void load() {
        es = MarketData.load(SharedData.file("es-1min-rth-2020.csv"), LoadOptions.builder().zone("America/New_York")
                .instrument(ES).build()).series();
    }

    static Backtester.BacktestResult run(Path dir) {
        return Backtester.builder(es, ES).dataLabel("es-1min-rth-2020.csv").seed(42).outputDir(dir).build().run();
    }

    @Test
    void baselinesRunThroughTheSessionAndWriteARunFolderThatIsIdenticalWhenRepeated(@TempDir Path a, @TempDir Path b)
            throws IOException {
        Backtester.BacktestResult result = run(a);
        assertThat(result.runs().keySet()).containsExactly("buy-and-hold", "flat", "ema-cross");
        for (String f : List.of("manifest.json", "metrics.json", "equity.csv", "trades.csv", "report.html")) {
            assertThat(a.resolve(f)).as(f).isNotEmptyFile();
        }
        assertThat(Files.list(a.resolve("journal")).count()).as("the main run's journal").isPositive();

        Backtester.PolicyRun flat = result.run("flat");
        assertThat(flat.fills()).isEmpty();
        assertThat(flat.session().finalEquity()).isEqualTo(100_000);

        Backtester.PolicyRun hold = result.run("buy-and-hold");
        assertThat(hold.fills()).singleElement().satisfies(f -> assertThat(f.side()).isEqualTo(Side.BUY));
        Fill buy = hold.fills().get(0);
        int warmUp = new MarketFeatures(io.github.rltrading.env.features.FeatureConfig.DEFAULT).warmUpBars();
        // The first decision follows warm-up; it fills at the next bar's open plus a tick.
        assertThat(buy.price()).isEqualTo(es.open(warmUp + 1) + 0.25);
        double expected = 100_000 + (es.close(es.size() - 1) - buy.price()) * 50 - 2.25;
        assertThat(hold.session().finalEquity()).isCloseTo(expected, within(1e-6));

        Backtester.PolicyRun ema = result.run("ema-cross");
        assertThat(ema.fills()).hasSizeGreaterThan(50);
        // One ES contract flipped on every 1m EMA cross through the March 2020 crash pays more in
        // slippage and whipsaws than the account holds: the backtest reports the wipe-out, not a number.
        assertThat(ema.wipedOutAtBar()).isEqualTo(20694);
        assertThat(ema.metrics().numberOfPeriods()).isEqualTo(20694);
        assertThat(ema.decisions()).isNotEmpty().allSatisfy(d -> assertThat(d.rationale()).startsWith("EMA"));

        JsonNode metrics = new ObjectMapper().readTree(a.resolve("metrics.json").toFile());
        assertThat(metrics.get("flat").get("finalEquity").asDouble()).isEqualTo(100_000);
        assertThat(metrics.get("ema-cross").get("fills").asInt()).isEqualTo(ema.fills().size());
        JsonNode manifest = new ObjectMapper().readTree(a.resolve("manifest.json").toFile());
        assertThat(manifest.get("data").get("bars").asInt()).isEqualTo(30_397);
        assertThat(manifest.get("data").get("sha256").asText()).hasSize(64);
        assertThat(manifest.get("seed").asLong()).isEqualTo(42);
        assertThat(manifest.get("features").get("hash").asText()).isEqualTo("7febfe8c9113623f");

        List<String> equity = Files.readAllLines(a.resolve("equity.csv"));
        assertThat(equity.get(0)).isEqualTo("time,buy-and-hold,flat,ema-cross");
        assertThat(equity).hasSize(es.size() + 1);

        String html = Files.readString(a.resolve("report.html"));
        assertThat(html).contains("<svg", "<polyline", "<title>BUY 1.0 at", "decision: buy and hold", "decision: EMA 10", "Price and fills of ema-cross", "Sharpe",
                "ema-cross</b> lost the whole account at bar 20694")
                .doesNotContain("<script", "http://", "https://", "Price and fills of flat");

        run(b);
        assertThat(Files.readAllBytes(b.resolve("metrics.json"))).isEqualTo(Files.readAllBytes(a.resolve("metrics.json")));
        assertThat(Files.readAllBytes(b.resolve("trades.csv"))).isEqualTo(Files.readAllBytes(a.resolve("trades.csv")));
        try (var files = Files.list(a.resolve("journal"))) {
            for (Path f : files.toList()) {
                assertThat(Files.readAllBytes(b.resolve("journal").resolve(f.getFileName())))
                        .as("journal file %s is the same on a repeated run (market-time clock)", f.getFileName())
                        .isEqualTo(Files.readAllBytes(f));
            }
        }
        // Backtests journal at JournalDetail.CHANGES: buy-and-hold asks for a change once.
        assertThat(manifest.get("journalDetail").asText()).isEqualTo("changes");
        List<io.github.rltrading.core.journal.JournalEvent> events;
        try (var stream = io.github.rltrading.core.journal.JournalReader.read(a.resolve("journal"))) {
            events = stream.toList();
        }
        assertThat(events).noneMatch(e -> e.type() == io.github.rltrading.core.journal.EventType.BAR);
        assertThat(events.stream().filter(e -> e.type() == io.github.rltrading.core.journal.EventType.DECISION))
                .singleElement().satisfies(e -> assertThat(e.data().get("decision").get("rationale").asText())
                        .isEqualTo("buy and hold"));
        assertThat(events.get(events.size() - 1).data().get("decisionsNotJournalled").asLong())
                .isEqualTo(hold.session().decisions() - 1);

        // Rewriting a run folder replaces its journal instead of adding a second run's files to it.
        List<String> journalFiles = journalFiles(a);
        run(a);
        assertThat(journalFiles(a)).isEqualTo(journalFiles);
        try (var stream = io.github.rltrading.core.journal.JournalReader.read(a.resolve("journal"))) {
            assertThat(stream.count()).isEqualTo(events.size());
        }
    }

    private static List<String> journalFiles(Path runFolder) throws IOException {
        try (var files = Files.list(runFolder.resolve("journal"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
