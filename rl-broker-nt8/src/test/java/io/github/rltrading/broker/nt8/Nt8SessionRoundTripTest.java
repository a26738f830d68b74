package io.github.rltrading.broker.nt8;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.broker.nt8.protocol.MessageType;
import io.github.rltrading.core.SessionResult;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.journal.JournalReader;
import io.github.rltrading.core.journal.EventType;
import io.github.rltrading.core.journal.Journal;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.core.spi.Policy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link TradingSession} runs unchanged on the NinjaTrader bridge: bars come from the strategy,
 * orders go to it, its executions come back into the session's portfolio, and each
 * {@code action_request} is answered with the target the session's orders aim at.
 */
class Nt8SessionRoundTripTest {

    private static final Instrument MES = ContractSpecs.MES;

    /** The bar's index in the series: lets the policy script a target per bar. */
    static final class IndexFeature implements FeatureSet {
        @Override
        public List<String> names() {
            return List.of("index");
        }

        @Override
        public int warmUpBars() {
            return 0;
        }

        @Override
        public void compute(BarSeries series, int index, float[] out, int offset) {
            out[offset] = index;
        }
    }

    static List<Bar> bars(int n) {
        List<Bar> out = new ArrayList<>();
        Instant t = Instant.parse("2026-11-20T14:30:00Z");
        double price = 5000;
        for (int i = 0; i < n; i++) {
            double open = price;
            double close = price + ((i * 7) % 5 - 2) * MES.tickSize();
            double high = Math.max(open, close) + MES.tickSize();
            double low = Math.min(open, close) - MES.tickSize();
            t = t.plus(Duration.ofMinutes(1));
            out.add(new Bar(MES.symbol(), Timeframe.M1, t, open, high, low, close, 100 + i));
            price = close;
        }
        return out;
    }

    @Test
    void aSessionTradesThroughTheStrategyAndItsPortfolioMatchesNinjaTraders(@TempDir Path dir) throws Exception {
        int historical = 5;
        List<Bar> bars = bars(40);
        // Long 2 from bar 8, short 1 from bar 20, flat from bar 30 (targets are fractions of maxPosition 2).
        Policy policy = o -> {
            int i = (int) o.features()[0];
            double target = i >= 30 ? 0 : i >= 20 ? -0.5 : i >= 8 ? 1 : 0;
            return Decision.target(target, 0.95, "scripted", "script");
        };
        try (Nt8Bridge bridge = Nt8Bridge.builder().port(0).build().start();
             FakeStrategy strategy = new FakeStrategy(bridge.port(), MES, "MES 12-26")) {
            Nt8Feed feed = bridge.feed(MES, Timeframe.M1);
            Nt8Broker broker = bridge.broker(MES).connectTimeout(Duration.ofSeconds(5));
            strategy.connect();
            Journal journal = Journal.jsonLines(dir).open();
            TradingSession session = TradingSession.builder()
                    .instrument(MES).feed(feed).features(new IndexFeature()).policy(policy).broker(broker)
                    .startingCash(50_000).maxPosition(2).journal(journal).pollTimeout(Duration.ofMillis(50))
                    .build();
            CompletableFuture<SessionResult> run = CompletableFuture.supplyAsync(session::run);

            List<ObjectNode> responses = new ArrayList<>();
            for (int i = 0; i < bars.size(); i++) {
                Bar bar = bars.get(i);
                strategy.publish(bar, i < historical);
                strategy.requestAction("a" + i, bar);
                ObjectNode response = strategy.await(MessageType.ACTION_RESPONSE, Duration.ofSeconds(5));
                assertThat(response).as("action_response for bar " + i).isNotNull();
                assertThat(response.get("id").asText()).isEqualTo("a" + i);
                responses.add(response);
            }
            feed.close();
            SessionResult result = run.get(10, java.util.concurrent.TimeUnit.SECONDS);
            journal.close();

            double atNinjaTrader = strategy.sim().position(MES.symbol());
            assertThat(atNinjaTrader).as("NinjaTrader's position after the script").isZero();
            assertThat(session.portfolio().position(MES.symbol()).quantity()).isEqualTo(atNinjaTrader);
            assertThat(session.portfolio().closedTrades()).as("round trips: long then short").hasSize(2);
            assertThat(strategy.sim().fills()).as("buy 2, sell 3 (the reversal), buy 1").hasSize(3);
            // The decision at bar 8 aims at +2: its action_response says so before any fill.
            assertThat(responses.get(8).get("targetPosition").asDouble()).isEqualTo(2.0);
            assertThat(responses.get(8).get("position").asDouble()).isEqualTo(0.0);
            assertThat(responses.get(20).get("targetPosition").asDouble()).isEqualTo(-1.0);
            assertThat(responses.get(20).get("source").asText()).isEqualTo("script");
            assertThat(responses.get(20).get("decided").asBoolean()).isTrue();
            assertThat(responses.get(20).get("decisionTarget").asDouble()).isEqualTo(-0.5);
            assertThat(responses.get(20).get("confidence").asDouble()).isEqualTo(0.95);
            assertThat(responses.get(20).get("rationale").asText()).isEqualTo("scripted");
            assertThat(responses.get(2).get("decided").asBoolean()).as("a historical bar is not decided on").isFalse();
            // Historical bars never trade: the scripted target is 0 there anyway; the journal has every fill.
            long fillsInJournal;
            try (var events = JournalReader.read(dir)) {
                fillsInJournal = events.filter(e -> e.type() == EventType.FILL).count();
            }
            assertThat(fillsInJournal).isEqualTo(strategy.sim().fills().size());
            assertThat(result.equity()).isNotEmpty();
        }
    }
}
