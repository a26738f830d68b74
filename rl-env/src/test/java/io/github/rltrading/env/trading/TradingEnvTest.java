package io.github.rltrading.env.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.CommissionModel;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.Environment;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.Portfolio;
import io.github.rltrading.core.trading.Side;
import io.github.rltrading.env.SharedData;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.env.data.MarketData;
import io.github.rltrading.env.features.FeatureConfig;
import io.github.rltrading.env.features.FeatureMatrix;
import io.github.rltrading.env.features.MarketFeatures;
import io.github.rltrading.env.rewards.Rewards;
import io.github.rltrading.env.sim.ExecutionModel;
import io.github.rltrading.env.sim.SimBroker;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TradingEnvTest {

    static final Instrument ES = ContractSpecs.ES.withCommission(CommissionModel.perUnit(2.25, 0));
    static final long T0 = 1_577_975_460_000L;

    /** Ten bars with known prices and a one-column feature equal to the row index. */
    static BarSeries bars() {
        BarSeries s = new BarSeries("ES", Timeframe.M1);
        double[] opens = {100, 101, 102, 103, 104, 103, 102, 101, 100, 99};
        for (int i = 0; i < opens.length; i++) {
            double o = opens[i];
            double c = o + 0.5;
            s.append(T0 + i * 60_000L, o, c + 0.25, o - 0.25, c, 1000);
        }
        return s;
    }

    static FeatureMatrix index(int rows) {
        float[] d = new float[rows];
        for (int i = 0; i < rows; i++) {
            d[i] = i;
        }
        return FeatureMatrix.of("index", "h", List.of("i"), d, rows);
    }

    static TradingEnv.Builder env() {
        BarSeries b = bars();
        return TradingEnv.builder(index(b.size()), b, ES).window(2).randomStart(false);
    }

    @Test
    void aStepTradesAtTheNextOpenWithSlippageAndCommissionThenMarksToItsClose() {
        TradingEnv env = env().build();
        env.begin(1);
        assertThat(env.barIndex()).isEqualTo(1);
        TradingEnv.StepResult r = env.act(1.0);
        // bar 2: open 102, close 102.5; buy at 102.25; pay 2.25 + 0.25 × 50 slippage
        assertThat(r.fillPrice()).isEqualTo(102.25);
        assertThat(r.commission()).isEqualTo(2.25);
        assertThat(r.slippage()).isEqualTo(12.50);
        assertThat(r.equity()).isEqualTo(100_000 - 2.25 - 12.50 + 0.5 * 50);
        double afterFirst = r.equity();
        r = env.act(1.0); // hold: close 102.5 -> close 103.5
        assertThat(r.fillPrice()).isNaN();
        assertThat(r.equity()).isEqualTo(afterFirst + 1.0 * 50);
        double afterHold = r.equity();
        r = env.act(-1.0); // reverse 2 contracts at bar 4: open 104 (gap +0.5 from 103.5), sell at 103.75
        assertThat(r.fillPrice()).isEqualTo(103.75);
        assertThat(r.commission()).isEqualTo(4.50);
        assertThat(r.slippage()).isEqualTo(2 * 0.25 * 50);
        assertThat(r.equity()).isEqualTo(afterHold + 0.5 * 50 - 4.50 - 25 - 0.5 * 50);
        assertThat(r.position()).isEqualTo(-1);
        assertThat(r.reward()).isCloseTo((r.equity() - afterHold) / 100_000, within(1e-15));
        assertThat(r.componentNames()).containsExactly("pnl", "costs");
        assertThat(r.component(1)).isCloseTo(-(4.50 + 25) / 100_000, within(1e-15));
    }

    static BarSeries custom(double[][] ohlc) {
        BarSeries s = new BarSeries("ES", Timeframe.M1);
        for (int i = 0; i < ohlc.length; i++) {
            s.append(T0 + i * 60_000L, ohlc[i][0], ohlc[i][1], ohlc[i][2], ohlc[i][3], 1000);
        }
        return s;
    }

    @Test
    void aBracketStopLossFillsInsideTheBarFirstWhenBothLegsAreReached() {
        BarSeries b = custom(new double[][] {{100, 100.5, 99.5, 100}, {100, 100.5, 99.5, 100}, {100, 100.5, 99.5, 100},
                {100, 103, 97, 100}, {100, 100.5, 99.5, 100}});
        TradingEnv env = TradingEnv.builder(index(b.size()), b, ES).window(2).randomStart(false).bracketTicks(8, 8).build();
        env.begin(1);
        TradingEnv.StepResult r = env.act(1); // buy at bar 2's open: 100.25; stop 98.25, target 102.25
        assertThat(r.position()).isEqualTo(1);
        double before = r.equity();
        r = env.act(1); // bar 3 reaches both 97 and 103: the stop first, at 98.25 minus a tick
        assertThat(r.position()).isZero();
        assertThat(env.bracketExits()).isEqualTo(1);
        assertThat(r.equity()).isCloseTo(before + (98.00 - 100.0) * 50 - 2.25, within(1e-9));
        assertThat(r.commission()).isEqualTo(2.25);
    }

    @Test
    void aBracketTakeProfitNeedsATradeThrough() {
        BarSeries b = custom(new double[][] {{100, 100.5, 99.5, 100}, {100, 100.5, 99.5, 100}, {100, 100.5, 99.5, 100},
                {100, 102.25, 99.5, 102}, {102, 102.5, 101.5, 102}});
        TradingEnv env = TradingEnv.builder(index(b.size()), b, ES).window(2).randomStart(false).bracketTicks(0, 8).build();
        env.begin(1);
        env.act(1); // long at 100.25, target 102.25
        TradingEnv.StepResult r = env.act(1); // bar 3 touches 102.25 only: no fill
        assertThat(r.position()).isEqualTo(1);
        r = env.act(1); // bar 4 trades through: out at 102.25
        assertThat(r.position()).isZero();
        assertThat(env.bracketExits()).isEqualTo(1);
    }

    @Test
    void marketOrdersPayHalfTheQuotedSpreadKnownAtTheDecision() {
        BarSeries b = bars();
        double[] bid = new double[b.size()];
        double[] ask = new double[b.size()];
        for (int i = 0; i < b.size(); i++) {
            bid[i] = b.close(i) - 0.25;
            ask[i] = b.close(i) + 0.25;
        }
        TradingEnv env = TradingEnv.builder(index(b.size()), b, ES).window(2).randomStart(false).quotes(bid, ask).build();
        env.begin(1);
        // open 102 + one tick + half a 0.50 spread = 102.50
        assertThat(env.act(1).fillPrice()).isEqualTo(102.50);
    }

    @Test
    void theObservationIsTheWindowThenTheAgentsState() {
        TradingEnv env = env().build();
        float[] obs = env.reset(1);
        assertThat(obs).hasSize(2 + TradingEnv.STATE_SIZE);
        assertThat(obs[0]).isEqualTo(0f);
        assertThat(obs[1]).isEqualTo(1f);
        Environment.Step s = env.step(Action.continuous(1f));
        assertThat(s.observation()[0]).isEqualTo(1f);
        assertThat(s.observation()[1]).isEqualTo(2f);
        assertThat(s.observation()[2]).as("position fraction").isEqualTo(1f);
        // open P&L in ticks / 100: close 102.5 vs entry 102.25 = 1 tick
        assertThat(s.observation()[3]).isEqualTo(0.01f);
        assertThat(s.observation()[4]).as("bars in position / 100").isEqualTo(0.01f);
        assertThat(s.observation()[5]).as("last target").isEqualTo(1f);
        assertThat(s.info()).containsKeys("position", "fill_price", "commission", "costs", "equity", "drawdown", "reward_pnl");
    }

    @Test
    void episodesAreTruncatedAtTheEndOfTheirRangeAndStepsAfterwardsAreRefused() {
        TradingEnv env = env().build();
        env.begin(3);
        int steps = 0;
        while (!env.isDone()) {
            env.act(0);
            steps++;
        }
        assertThat(steps).isEqualTo(8); // rows 1 -> 9
        assertThat(env.result().truncated()).isTrue();
        assertThatThrownBy(() -> env.act(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("call reset(seed)");
    }

    @Test
    void aDrawdownLimitTerminatesTheEpisode() {
        TradingEnv env = env().maxContracts(100).drawdownLimit(0.01).build();
        env.begin(1);
        env.act(1); // long 100 contracts into a fall
        while (!env.isDone()) {
            env.act(1);
        }
        assertThat(env.result().terminated()).isTrue();
        assertThat(env.result().drawdown()).isGreaterThanOrEqualTo(0.01);
    }

    @Test
    void discreteModesMapToTargets() {
        TradingEnv five = env().actionMode(ActionMode.DISCRETE_FIVE).maxContracts(2).build();
        five.begin(1);
        assertThat(five.act(1).position()).as("enter long").isEqualTo(2);
        assertThat(five.act(4).position()).as("exit short while long: nothing").isEqualTo(2);
        assertThat(five.act(0).position()).as("hold").isEqualTo(2);
        assertThat(five.act(3).position()).as("enter short reverses").isEqualTo(-2);
        assertThat(five.act(4).position()).as("exit short").isEqualTo(0);
        TradingEnv three = env().actionMode(ActionMode.DISCRETE_TARGET).build();
        three.reset(1);
        assertThat(three.step(Action.discrete(0)).info().get("position")).isEqualTo(-1.0);
        assertThatThrownBy(() -> three.step(Action.discrete(3))).hasMessageContaining("not in this environment's action space");
        assertThatThrownBy(() -> three.step(Action.continuous(0.5f))).hasMessageContaining("DISCRETE_TARGET");
    }

    @Test
    void theTargetFilterClipsWhatTheAgentAsksFor() {
        TradingEnv env = env().maxContracts(4).targetFilter((target, current, equity, dd) -> Math.max(-0.5, Math.min(0.5, target)))
                .build();
        env.begin(1);
        assertThat(env.act(1.0).position()).isEqualTo(2);
    }

    @Test
    void randomStartsAreDeterministicForASeedAndStayInTheirRange() {
        BarSeries es = MarketData.load(SharedData.file("es-1min-rth-2020.csv"), LoadOptions.builder().zone("America/New_York")
                .build()).series().tail(6000);
        FeatureMatrix m = MarketFeatures.compute(es, FeatureConfig.DEFAULT);
        RowRange[] split = RowRange.walkForward(m.rows(), 0.6, 0.2);
        TradingEnv train = TradingEnv.builder(m, es, ES).range(split[0]).episodeLength(390).build();
        train.begin(11);
        int start = train.barIndex();
        train.begin(11);
        assertThat(train.barIndex()).isEqualTo(start);
        for (long seed = 0; seed < 50; seed++) {
            train.begin(seed);
            assertThat(train.barIndex()).isBetween(Math.max(split[0].from() + 31, m.firstValidRow() + 31), split[0].to() - 392);
            int steps = 0;
            while (!train.isDone()) {
                train.act(0.3);
                steps++;
            }
            assertThat(steps).isEqualTo(390);
            assertThat(train.barIndex()).isLessThan(split[0].to());
        }
        TradingEnv tooEarly = TradingEnv.builder(m, es, ES).range(new RowRange(0, 100)).episodeLength(10).build();
        assertThatThrownBy(() -> tooEarly.begin(1)).hasMessageContaining("no valid episode in rows");
    }

    /** The environment and the simulated broker are one execution model: the same targets give the same equity. */
    @Test
    void theEnvironmentAndTheSimBrokerAgreeOnEveryBar() {
        BarSeries es = MarketData.load(SharedData.file("es-1min-rth-2020.csv"), LoadOptions.builder().zone("America/New_York")
                .symbol("ES").build()).series().tail(3000);
        FeatureMatrix m = MarketFeatures.compute(es, FeatureConfig.DEFAULT);
        TradingEnv env = TradingEnv.builder(m, es, ES).maxContracts(3).randomStart(false).reward(Rewards.pnl(100_000)).build();
        env.begin(0);
        SimBroker broker = new SimBroker(ExecutionModel.DEFAULT);
        broker.connect();
        Portfolio portfolio = new Portfolio(100_000, "USD");
        SplittableRandom random = new SplittableRandom(5);
        int orders = 0;
        while (!env.isDone()) {
            int t = env.barIndex();
            double target = random.nextInt(-3, 4) / 3.0;
            double delta = Math.rint(target * 3) - portfolio.quantity("ES");
            if (delta != 0) {
                broker.submit(OrderRequest.market("o" + orders++, ES, delta > 0 ? Side.BUY : Side.SELL, Math.abs(delta)));
            }
            TradingEnv.StepResult r = env.act(target);
            Bar next = es.bar(t + 1);
            int before = broker.fills().size();
            broker.onBar(next);
            broker.fills().subList(before, broker.fills().size()).forEach(portfolio::apply);
            portfolio.mark("ES", next.close());
            assertThat(r.equity()).as("equity after bar %d", t + 1).isCloseTo(portfolio.equity(), within(1e-6));
            assertThat(r.position()).isEqualTo(portfolio.quantity("ES"));
        }
        assertThat(orders).isGreaterThan(100);
    }
}
