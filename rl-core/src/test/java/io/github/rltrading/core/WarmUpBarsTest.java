package io.github.rltrading.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.MarketDataFeed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bars a feed marks as warm-up history feed the features but never produce a decision or an order. */
class WarmUpBarsTest {

    /** The first {@code historical} bars are warm-up, as NinjaTrader's State.Historical. */
    static final class HistoryThenLive implements MarketDataFeed {
        private final List<Bar> bars;
        private final int historical;
        private int next;

        HistoryThenLive(List<Bar> bars, int historical) {
            this.bars = bars;
            this.historical = historical;
        }

        @Override
        public Instrument instrument() {
            return ContractSpecs.ES;
        }

        @Override
        public Timeframe timeframe() {
            return bars.get(0).timeframe();
        }

        @Override
        public Optional<Bar> next(Duration timeout) {
            return next < bars.size() ? Optional.of(bars.get(next++)) : Optional.empty();
        }

        @Override
        public boolean isWarmingUp() {
            return next <= historical;
        }

        @Override
        public boolean isFinished() {
            return next >= bars.size();
        }
    }

    @Test
    void historyWarmsUpWithoutTrading() {
        List<Bar> bars = SessionFixtures.risingBars("ES", 10);
        SessionFixtures.NextOpenBroker broker = new SessionFixtures.NextOpenBroker();
        TradingSession session = TradingSession.builder().instrument(ContractSpecs.ES).feed(new HistoryThenLive(bars, 6))
                .features(new SessionFixtures.IndexFeature()).policy(SessionFixtures.scripted(i -> 1.0, 0.95)).broker(broker)
                .startingCash(100_000).maxPosition(2).build();
        SessionResult result = session.run();
        assertThat(session.history().size()).as("every bar reached the history and the features").isEqualTo(10);
        assertThat(result.decisions()).as("decisions on the 4 live bars only").isEqualTo(4);
        assertThat(broker.submitted).as("the first order on the first live bar").isNotEmpty();
        assertThat(session.lastDecisionBar()).isEqualTo(bars.get(9).end());
        assertThat(broker.submitted.get(0).clientOrderId()).isNotBlank();
    }
}
