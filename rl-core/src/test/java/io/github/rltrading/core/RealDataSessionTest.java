package io.github.rltrading.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.CommissionModel;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.trading.ClosedTrade;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The session over real ES 1-minute bars (the shared NinjaTrader export, 2020-01-02 .. 2020-04-22),
 * with a simple momentum policy: checks the no-look-ahead fill rule and the accounting on real
 * prices. Skips with a message when ../shared is absent (a user's own clone).
 */
class RealDataSessionTest {

    private static final Path NT8_ES = Path.of("..", "shared", "data", "nt8", "ES ##-##.Last.txt");
    private static final DateTimeFormatter NT8_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss");
    private static List<Bar> bars;

    @BeforeAll
    static void load() throws IOException {
        Path file = Files.exists(NT8_ES) ? NT8_ES : Path.of("..").resolve(NT8_ES); // from rl-core/ or the root
        if (!Files.exists(file)) {
            return;
        }
        bars = new ArrayList<>();
        // Minimal reader for this test only; the real loaders (with validation reports) live in rl-env.
        for (String line : Files.readAllLines(file)) {
            String[] f = line.strip().split(";");
            bars.add(new Bar("ES", Timeframe.M1, LocalDateTime.parse(f[0], NT8_TIME).toInstant(ZoneOffset.UTC),
                    Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5])));
        }
    }

    /** Return of the last 5 closes, scaled. */
    static final class Momentum implements FeatureSet {
        @Override
        public List<String> names() {
            return List.of("ret5");
        }

        @Override
        public int warmUpBars() {
            return 5;
        }

        @Override
        public void compute(BarSeries s, int i, float[] out, int offset) {
            out[offset] = (float) ((s.close(i) / s.close(i - 5) - 1) * 1000);
        }
    }

    @Test
    void aMomentumPolicyOnRealEsBarsFillsOnlyAtLaterOpensAndKeepsTheBooks() {
        assumeTrue(bars != null, "../shared/data/nt8/ES ##-##.Last.txt not found: real-data session test skipped");
        assertThat(bars).hasSize(30_397);

        Instrument es = ContractSpecs.ES.withCommission(CommissionModel.perUnit(2.25));
        Policy momentum = o -> Decision.target(Math.max(-1, Math.min(1, o.features()[0])), 0.9, "momentum", "test");
        Map<Long, Double> openByBarStart = new HashMap<>();
        bars.forEach(b -> openByBarStart.put(b.start().toEpochMilli(), b.open()));
        SessionFixtures.NextOpenBroker broker = new SessionFixtures.NextOpenBroker();
        SessionResult result;
        try (TradingSession session = TradingSession.builder()
                .instrument(es)
                .feed(new SessionFixtures.ListFeed(es, bars))
                .features(new Momentum())
                .policy(momentum)
                .broker(broker)
                .startingCash(250_000)
                .maxPosition(2)
                .build()) {
            result = session.run();
            // Every fill is at the open of a bar that started after the decision's bar ended.
            assertThat(broker.fills).isNotEmpty().allSatisfy(fill -> {
                assertThat(openByBarStart.get(fill.time().toEpochMilli())).isEqualTo(fill.price());
                assertThat(es.isOnTickGrid(fill.price())).isTrue();
            });
            assertThat(broker.fills.size()).isEqualTo(broker.submitted.size());
            var p = session.portfolio();
            double lastClose = bars.get(bars.size() - 1).close();
            double cashFlows = broker.fills.stream()
                    .mapToDouble(f -> -f.signedQuantity() * f.price() * 50 - f.commission()).sum();
            assertThat(p.equity()).isCloseTo(250_000 + cashFlows + p.quantity("ES") * lastClose * 50, within(1e-6));
            double tradesPnl = result.trades().stream().mapToDouble(ClosedTrade::netPnl).sum();
            assertThat(result.trades()).isNotEmpty();
            assertThat(tradesPnl + p.unrealizedPnl() - openCommission(p, broker)).isCloseTo(p.equity() - 250_000,
                    within(1e-6));
        }
        assertThat(result.equity()).hasSize(30_397);
        var metrics = result.metrics(390 * 252);
        assertThat(metrics.numberOfTrades()).isEqualTo(result.trades().size());
        assertThat(metrics.maxDrawdown().value()).isBetween(-1.0, 0.0);
    }

    /** Commissions paid for the position still open (not yet part of a closed trade). */
    private static double openCommission(io.github.rltrading.core.trading.Portfolio p,
                                         SessionFixtures.NextOpenBroker broker) {
        double closed = p.closedTrades().stream().mapToDouble(ClosedTrade::commission).sum();
        return p.commissionsPaid() - closed;
    }
}
