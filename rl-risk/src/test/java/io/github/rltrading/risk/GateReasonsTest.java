package io.github.rltrading.risk;

import static io.github.rltrading.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.config.ConfigException;
import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.RiskVerdict.Outcome;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.market.BarSeries;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each gate's answer, quantity and reason text. */
class GateReasonsTest {

    @Test
    void maxPositionReducesToTheLimitAndRejectsWhenAlreadyBeyondIt() {
        MaxPositionGate gate = new MaxPositionGate(config("limit", 2));
        RiskVerdict v = gate.evaluate(proposal(0, 5), context(100_000));
        assertThat(v.outcome()).isEqualTo(Outcome.REDUCE);
        assertThat(v.approvedQuantity()).isEqualTo(2);
        assertThat(v.reason()).isEqualTo("target 5 exceeds the position limit 2 for ES; reduced to 2");
        assertThat(gate.evaluate(proposal(1, -4), context(100_000)).approvedQuantity()).isEqualTo(-2);

        RiskVerdict beyond = gate.evaluate(proposal(3, 4), context(100_000));
        assertThat(beyond.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(beyond.reason()).isEqualTo("target 4 exceeds the position limit 2 for ES and the position 3 is "
                + "already at or beyond it");
        assertThat(gate.evaluate(proposal(3, 2.5), context(100_000)).outcome()).as("a reduction passes")
                .isEqualTo(Outcome.APPROVE);
        assertThat(new MaxPositionGate(config("limit", 2, "per-symbol", java.util.Map.of("ES", 1)))
                .evaluate(proposal(0, 2), context(100_000)).approvedQuantity()).isEqualTo(1);
    }

    @Test
    void leverageCountsPointValueAndTheLeverageFactor() {
        // One ES at 3000 is 3000 x $50 = $150,000 of exposure; 2x of $100,000 allows one contract.
        ExposureGate gate = new ExposureGate(config("max-leverage", 2.0));
        RiskVerdict v = gate.evaluate(proposal(0, 3), context(100_000));
        assertThat(v.outcome()).isEqualTo(Outcome.REDUCE);
        assertThat(v.approvedQuantity()).isEqualTo(1);
        assertThat(v.reason()).isEqualTo("target 3 exceeds the exposure limit 200,000.00 (2x equity 100,000.00, "
                + "0.00 used by other positions, 150,000.00 per unit); reduced to 1");
        var upro = io.github.rltrading.core.market.Instrument.builder("UPRO", io.github.rltrading.core.market.AssetClass.ETF)
                .tickSize(0.01).pointValue(1).leverageFactor(3).build();
        // $100 a share x 3 = $300 per share; 1x of $30,000 allows 100 shares.
        TradeProposal shares = new TradeProposal(upro, T0, 0, 500, 100, decision(1, 0.9));
        RiskVerdict etf = new ExposureGate(config("max-leverage", 1.0)).evaluate(shares, context(30_000));
        assertThat(etf.approvedQuantity()).isEqualTo(100);
        RiskVerdict broke = gate.evaluate(proposal(0, 1), context(-5));
        assertThat(broke.reason()).isEqualTo("equity -5.00 is not positive: no new exposure");
    }

    @Test
    void confidenceDisagreementAndPriceSanity() {
        ConfidenceGate confidence = new ConfidenceGate(config("min", 0.6));
        TradeProposal unsure = new TradeProposal(ES, T0, 0, 1, 3000, decision(1, 0.42));
        assertThat(confidence.evaluate(unsure, context(100_000)).reason())
                .isEqualTo("confidence 0.42 is below the minimum 0.6 for new risk");
        assertThat(confidence.evaluate(new TradeProposal(ES, T0, 1, 0, 3000, decision(0, 0.1)), context(100_000))
                .outcome()).isEqualTo(Outcome.APPROVE);

        DisagreementGate disagreement = new DisagreementGate(config());
        Assessment modify = new Assessment(Assessment.Verdict.MODIFY, 0.7, 0.5, 1.0, List.of("news"), "", "llm");
        RiskVerdict halved = disagreement.evaluate(proposal(0, 4).withAssessment(modify), context(100_000));
        assertThat(halved.approvedQuantity()).isEqualTo(2);
        assertThat(halved.reason()).isEqualTo("the reasoner (llm) answered MODIFY: new risk scaled by 0.5 to 2");
        assertThat(disagreement.evaluate(proposal(2, -4).withAssessment(modify), context(100_000)).approvedQuantity())
                .as("a reversal scales only the new side").isEqualTo(-2);
        assertThat(disagreement.evaluate(proposal(0, 4), context(100_000)).outcome()).isEqualTo(Outcome.APPROVE);

        PriceSanityGate sanity = new PriceSanityGate(config("max-deviation", 0.02));
        BarSeries h = bars(3000, 3000);
        RiskVerdict far = sanity.evaluate(proposal(0, 1, 3100, T0), context(100_000, 0, h));
        assertThat(far.reason()).isEqualTo("order price 3100 is 3.3333 % from the last price 3000; at most 2 % is allowed");
        assertThat(sanity.evaluate(proposal(0, 1, 3050, T0), context(100_000, 0, h)).outcome()).isEqualTo(Outcome.APPROVE);
        assertThat(sanity.evaluate(proposal(0, 1), context(100_000, 0, bars())).reason())
                .isEqualTo("no last price to check the order price 3000 against (fail closed)");
    }

    @Test
    void dailyLossTripsForTheRestOfTheTradingDayAndFlattens() {
        DailyLossGate gate = new DailyLossGate(config("limit", 2000, "flatten", true));
        Instant monday = Instant.parse("2020-03-09T14:00:00Z");
        assertThat(gate.onBar(at(monday, 100_000, 1), 1)).isNull();
        RiskVerdict flatten = gate.onBar(at(monday.plusSeconds(60), 97_900, 1), 1);
        assertThat(flatten.approvedQuantity()).isZero();
        assertThat(flatten.reason()).isEqualTo("daily loss 2,100.00 reached the limit 2,000.00 at 2020-03-09T14:01:00Z; "
                + "flattening");
        RiskVerdict v = gate.evaluate(proposal(0, 1, 3000, monday.plusSeconds(120)), at(monday.plusSeconds(120), 99_000, 0));
        assertThat(v.outcome()).as("still tripped after a recovery within the day").isEqualTo(Outcome.REJECT);
        assertThat(v.reason()).endsWith("; no new risk until the next trading day (starts 18:00 America/New_York)");
        // 18:00 New York is 22:00 UTC in March after the switch: the next trading day.
        Instant nextDay = Instant.parse("2020-03-09T22:00:00Z");
        assertThat(gate.evaluate(proposal(0, 1, 3000, nextDay), at(nextDay, 99_000, 0)).outcome()).isEqualTo(Outcome.APPROVE);
        assertThatThrownBy(() -> new DailyLossGate(config("limit", 2000, "limit-percent", 0.02)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("set exactly one of limit");
    }

    @Test
    void drawdownTripsForTheSession() {
        DrawdownGate gate = new DrawdownGate(config("limit", 0.1));
        gate.onBar(at(T0, 120_000, 0), 0);
        gate.onBar(at(T0.plusSeconds(60), 107_000, 0), 0);
        RiskVerdict v = gate.evaluate(proposal(0, 1), at(T0.plusSeconds(120), 110_000, 0));
        assertThat(v.reason()).isEqualTo("drawdown 8.3333 % from the equity peak 120,000.00 reached the limit 10 % at "
                + "2020-03-09T19:01:00Z; no new risk for the rest of the session");
        gate.reset();
        assertThat(gate.evaluate(proposal(0, 1), at(T0, 110_000, 0)).outcome()).isEqualTo(Outcome.APPROVE);
    }

    @Test
    void tradesPerDayAndOrderRateCountWhatTheChainAccepted() {
        TradesPerDayGate trades = new TradesPerDayGate(config("limit", 2));
        for (int i = 0; i < 2; i++) {
            trades.onAccepted(proposal(0, 1), context(100_000));
            trades.onAccepted(proposal(1, 0), context(100_000)); // exits are not counted
        }
        assertThat(trades.evaluate(proposal(0, 1), context(100_000)).reason())
                .isEqualTo("2 entries today reached the limit 2; exits still pass");
        assertThat(trades.evaluate(proposal(1, 0), context(100_000)).outcome()).isEqualTo(Outcome.APPROVE);

        OrderRateGate rate = new OrderRateGate(config("max-orders", 3, "window", "1m"));
        for (int i = 0; i < 3; i++) {
            rate.onAccepted(proposal(0, 1), at(T0.plusSeconds(i * 10L), 100_000, 0));
        }
        assertThat(rate.evaluate(proposal(0, 1), at(T0.plusSeconds(30), 100_000, 0)).reason())
                .isEqualTo("3 orders in the last 60 s reached the limit 3; new risk waits, exits still pass");
        assertThat(rate.evaluate(proposal(0, 1), at(T0.plusSeconds(61), 100_000, 0)).outcome())
                .as("the first order left the window").isEqualTo(Outcome.APPROVE);
    }

    @Test
    void tradingHoursRefusesEntriesOutsideAndFlattensBeforeTheClose() {
        TradingHoursGate gate = new TradingHoursGate(config("open", "09:30", "close", "16:00", "flatten-before-close", 5));
        Instant night = Instant.parse("2020-03-09T23:00:00Z"); // 19:00 New York
        assertThat(gate.evaluate(proposal(0, 1, 3000, night), at(night, 100_000, 0)).reason())
                .isEqualTo("outside trading hours 09:30-16:00 America/New_York (2020-03-09T23:00:00Z): no new entries");
        Instant lateDay = Instant.parse("2020-03-09T19:57:00Z"); // 15:57
        assertThat(gate.onBar(at(lateDay, 100_000, 2), 2).reason())
                .isEqualTo("within 5 min of the close 09:30-16:00 America/New_York: flattening");
        Instant midDay = Instant.parse("2020-03-09T17:00:00Z");
        assertThat(gate.evaluate(proposal(0, 1, 3000, midDay), at(midDay, 100_000, 0)).outcome()).isEqualTo(Outcome.APPROVE);
        Instant saturday = Instant.parse("2020-03-14T17:00:00Z");
        assertThat(gate.evaluate(proposal(0, 1, 3000, saturday), at(saturday, 100_000, 0)).outcome())
                .isEqualTo(Outcome.REJECT);
        // Globex crosses midnight: Sunday 18:00 to Monday 17:00 New York.
        TradingHoursGate globex = new TradingHoursGate(config("open", "18:00", "close", "17:00",
                "weekdays", List.of("SUN", "MON", "TUE", "WED", "THU")));
        Instant sundayNight = Instant.parse("2020-03-09T02:00:00Z"); // Sunday 22:00 New York
        assertThat(globex.evaluate(proposal(0, 1, 3000, sundayNight), at(sundayNight, 100_000, 0)).outcome())
                .isEqualTo(Outcome.APPROVE);
        Instant maintenance = Instant.parse("2020-03-09T21:30:00Z"); // Monday 17:30 New York
        assertThat(globex.evaluate(proposal(0, 1, 3000, maintenance), at(maintenance, 100_000, 0)).outcome())
                .isEqualTo(Outcome.REJECT);
    }

    @Test
    void stopTargetPricesBracketsAndTrails() {
        StopTargetGate ticks = new StopTargetGate(config("stop-ticks", 8, "target-percent", 0.01));
        assertThat(ticks.stopPrice(proposal(0, 1), context(100_000))).isEqualTo(2998.0);
        assertThat(ticks.targetPrice(proposal(0, 1), context(100_000))).isEqualTo(3030.0);
        assertThat(ticks.stopPrice(proposal(0, -1), context(100_000))).isEqualTo(3002.0);

        // Each fixture bar's true range is 2 points here (closes flat, high +1, low -1).
        StopTargetGate atr = new StopTargetGate(config("stop-atr", 2.0, "atr-bars", 3));
        assertThat(atr.stopPrice(proposal(0, 1), context(100_000, 0, bars(3000, 3000, 3000, 3000)))).isEqualTo(2996.0);
        assertThat(atr.evaluate(proposal(0, 1), context(100_000, 0, bars(3000, 3000))).reason())
                .isEqualTo("the ATR stop needs 4 bars of history, 2 seen; no entry without its stop");
        assertThatThrownBy(() -> new StopTargetGate(config("stop-ticks", 8, "stop-atr", 2)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("set only one of [stop-ticks, stop-percent, stop-atr]");

        StopTargetGate trail = new StopTargetGate(config("trail-ticks", 8));
        // Long 1; highs 3001, 3011, then a close at 3008 is 3 points (12 ticks) under the best: below 3011 - 2 = 3009.
        assertThat(trail.onBar(context(100_000, 1, bars(3000)), 1)).isNull();
        assertThat(trail.onBar(context(100_000, 1, bars(3000, 3010)), 1)).isNull();
        RiskVerdict exit = trail.onBar(context(100_000, 1, bars(3000, 3010, 3008)), 1);
        assertThat(exit.approvedQuantity()).isZero();
        assertThat(exit.reason()).isEqualTo("trailing stop: the close 3008 crossed 3009, 8.0 ticks from the best price "
                + "3011 since entry");
    }

    @Test
    void valueAtRiskReducesToTheLargestPositionThatFits() {
        double[] closes = new double[21];
        closes[0] = 3000;
        for (int i = 1; i < closes.length; i++) {
            closes[i] = closes[i - 1] * (i % 2 == 0 ? 1.01 : 0.99); // returns alternate -1 %, +1 %
        }
        BarSeries h = bars(closes);
        // Historical 95 % over 20 returns: the 1st smallest is -1 %: VaR of one ES = 1 % x price x 50.
        VarGate gate = new VarGate(config("lookback", 20, "confidence", 0.95, "limit", 4000));
        double price = closes[20];
        double perUnit = 0.01 * price * 50;
        RiskVerdict v = gate.evaluate(proposal(0, 10, price, T0), context(100_000, 0, h));
        assertThat(v.approvedQuantity()).isEqualTo(Math.floor(4000 / perUnit));
        assertThat(v.reason()).startsWith("target 10 exceeds the 95 % historical VaR limit 4,000.00");
        assertThat(gate.evaluate(proposal(0, 1), context(100_000, 0, bars(3000, 3001))).reason())
                .isEqualTo("VaR needs 21 bars of history, 2 seen; no new risk until then");
        assertThat(VarGate.inverseNormal(0.99)).isCloseTo(2.326348, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(VarGate.inverseNormal(0.95)).isCloseTo(1.644854, org.assertj.core.data.Offset.offset(1e-5));
        VarGate parametric = new VarGate(config("method", "parametric", "lookback", 20, "confidence", 0.99,
                "limit-percent", 0.05));
        assertThat(parametric.evaluate(proposal(0, 10, price, T0), context(100_000, 0, h)).outcome())
                .isEqualTo(Outcome.REDUCE);
    }

    @Test
    void hotReloadValidatesBeforeApplying() {
        MaxPositionGate gate = new MaxPositionGate(config("limit", 2));
        gate.reconfigure(config("limit", 3));
        assertThat(gate.limits()).containsEntry("limit", 3.0);
        assertThatThrownBy(() -> gate.reconfigure(config("limit", -1)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("limit").hasMessageContaining(">= 0");
        assertThat(gate.limits()).as("the old limit stays").containsEntry("limit", 3.0);
        DailyLossGate daily = new DailyLossGate(config("limit", 1000));
        daily.reconfigure(config("flatten", true));
        assertThat(daily.limits()).as("a change merges over the settings in force")
                .containsEntry("limit", 1000.0).containsEntry("flatten", true);
    }
}
