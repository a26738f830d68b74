package io.github.rltrading.env.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.SessionResult;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.CommissionModel;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.spi.Policy;
import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.env.SharedData;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.env.data.MarketData;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.MarketFeatures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real decision loop (TradingSession) on real ES minutes, with the replay feed and the simulated broker. */
class SessionWithSimBrokerTest {

    static final Instrument ES = ContractSpecs.ES.withCommission(CommissionModel.perUnit(2.25, 0));

    /** Long when the 1m MACD line is above zero, short below, flat while it is undefined. */
    static Policy macdSign(MarketFeatures features) {
        int macd = features.names().indexOf("1m_macd");
        return observation -> {
            float m = observation.features()[macd];
            if (Float.isNaN(m)) {
                return Decision.flat("MACD not defined yet", "macd-sign");
            }
            return Decision.target(m > 0 ? 1 : -1, 1.0, "MACD " + (m > 0 ? "above" : "below") + " zero", "macd-sign");
        };
    }

    record Run(SessionResult result, List<Fill> fills) {}

    static Run run(BarSeries bars) {
        MarketFeatures features = new MarketFeatures(FeatureConfig.DEFAULT);
        SimBroker broker = new SimBroker(ExecutionModel.DEFAULT);
        try (TradingSession session = TradingSession.builder().instrument(ES).feed(ReplayFeed.of(bars, ES)).features(features)
                .policy(macdSign(features)).broker(broker).startingCash(100_000).maxPosition(1).build()) {
            return new Run(session.run(), broker.fills());
        }
    }

    /**
     * Bracket exits the broker opens itself must not count as pending position changes: a session
     * that is long 1 with a stop-loss and a take-profit working is long 1, not flat or short.
     */
    @Test
    void bracketExitsWorkingAtTheBrokerDoNotLookLikeATradeToTheSession() {
        BarSeries es = MarketData.load(SharedData.file("es-1min-rth-2020.csv"), LoadOptions.builder().zone("America/New_York")
                .build()).series().tail(3000);
        MarketFeatures features = new MarketFeatures(FeatureConfig.DEFAULT);
        SimBroker broker = new SimBroker(ExecutionModel.DEFAULT);
        SessionResult result;
        try (TradingSession session = TradingSession.builder().instrument(ES).feed(ReplayFeed.of(es, ES)).features(features)
                .policy(o -> Decision.target(1, 1, "always long", "test"))
                .orderPlanner(io.github.rltrading.core.OrderPlanner.marketWithBracket(40, 80))
                .broker(broker).startingCash(100_000).maxPosition(1).build()) {
            result = session.run();
        }
        for (double p : result.positions()) {
            assertThat(p).isBetween(0.0, 1.0);
        }
        // Every entry is a buy of 1; exits are the brackets' sells of 1.
        for (Fill f : broker.fills()) {
            assertThat(f.quantity()).isEqualTo(1);
        }
        long entries = broker.fills().stream().filter(f -> f.side() == io.github.rltrading.core.trading.Side.BUY).count();
        long exits = broker.fills().stream().filter(f -> f.side() == io.github.rltrading.core.trading.Side.SELL).count();
        assertThat(entries - exits).isBetween(0L, 1L);
        assertThat(exits).as("the brackets closed positions that the policy then re-opened").isPositive();
    }

    @Test
    void aBacktestThroughTheSessionFillsEveryDecisionAtTheNextBarsOpen() {
        BarSeries es = MarketData.load(SharedData.file("es-1min-rth-2020.csv"), LoadOptions.builder().zone("America/New_York")
                .build()).series().tail(4000);
        Run run = run(es);
        assertThat(run.fills()).hasSizeGreaterThan(10);
        for (Fill f : run.fills()) {
            int i = es.lastIndexAtOrBefore(f.time().toEpochMilli() + es.timeframe().millis());
            assertThat(es.endTime(i).minus(es.timeframe().length())).as("fills happen at a bar's open").isEqualTo(f.time());
            double expected = f.side() == io.github.rltrading.core.trading.Side.BUY ? es.open(i) + 0.25 : es.open(i) - 0.25;
            assertThat(f.price()).as("open of the bar after the decision plus one tick").isEqualTo(expected);
            assertThat(f.commission()).isEqualTo(2.25 * f.quantity());
        }
        assertThat(run.result().equity()).hasSize(es.size());
        Run again = run(es);
        assertThat(again.result().equity()).as("same data, same result").isEqualTo(run.result().equity());
        assertThat(again.fills()).isEqualTo(run.fills());
    }
}
