package io.github.rltrading.reasoning.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.core.decision.ReasoningRequest;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.trading.PortfolioSnapshot;
import io.github.rltrading.reasoning.MarketRegime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesReasonerTest {

    static final Instant T0 = Instant.parse("2020-03-09T15:00:00Z");
    final RulesReasoner rules = new RulesReasoner();

    static BarSeries trend(int n, double drift, double range) {
        BarSeries s = new BarSeries("ES", Timeframe.M1, n);
        double c = 3000;
        for (int i = 0; i < n; i++) {
            double o = c;
            c = o + drift + ((i % 4) - 1.5) * 0.25;
            s.append(T0.toEpochMilli() + i * 60_000L, o, Math.max(o, c) + range, Math.min(o, c) - range, c, 1000);
        }
        return s;
    }

    static ReasoningRequest request(BarSeries h, double current, double target) {
        Instant t = h.endTime(h.size() - 1);
        TradeProposal p = new TradeProposal(ContractSpecs.ES, t, current, target, h.close(h.size() - 1),
                new Decision(Action.continuous(1f), Math.signum(target), 0.7, "", "ppo"));
        return new ReasoningRequest(p, h, new PortfolioSnapshot(t, "USD", 1e5, 1e5, 1e5, 0, 0, 0, 0, 0, 0, 1e5, Map.of()), Map.of());
    }

    @Test
    void aLongWithEveryTrendIsApprovedAndAgainstThemRejected() {
        BarSeries up = trend(400, 0.5, 1);
        Assessment withTrend = rules.assess(request(up, 0, 1));
        assertThat(withTrend.verdict()).isEqualTo(Assessment.Verdict.APPROVE);
        assertThat(withTrend.reasons().get(0)).isEqualTo("the 1m, 5m, 15m trends agree with going long");
        assertThat(withTrend.source()).isEqualTo("rules");

        Assessment against = rules.assess(request(up, 0, -1));
        assertThat(against.verdict()).isEqualTo(Assessment.Verdict.REJECT);
        assertThat(against.reasons().get(0)).isEqualTo("the 1m, 5m, 15m trends point the other way");
        assertThat(against.alternative()).isEqualTo("stay flat until the trends turn");

        assertThat(rules.assess(request(up, 1, 0)).reasons()).containsExactly("the trade reduces risk");
        assertThat(rules.assess(request(up, 0, 1))).as("deterministic").isEqualTo(withTrend);
    }

    @Test
    void noTrendHalvesTheSizeAndTooFewBarsSaySo() {
        Assessment flat = rules.assess(request(trend(400, 0, 1), 0, 1));
        assertThat(flat.verdict()).isEqualTo(Assessment.Verdict.MODIFY);
        assertThat(flat.sizeMultiplier()).isEqualTo(0.5);
        assertThat(flat.reasons()).contains("no clear trend on any horizon");
        Assessment young = rules.assess(request(trend(10, 0.5, 1), 0, 1));
        assertThat(young.reasons()).containsExactly("only 10 bars of history: too few to judge the trend; half size");
    }

    @Test
    void theRegimeFollowsTheSameReadings() {
        assertThat(rules.regime(trend(400, 0.5, 1)).kind()).isEqualTo(MarketRegime.Kind.TRENDING_UP);
        assertThat(rules.regime(trend(400, -0.5, 1)).kind()).isEqualTo(MarketRegime.Kind.TRENDING_DOWN);
        assertThat(rules.regime(trend(400, 0, 1)).kind()).isEqualTo(MarketRegime.Kind.RANGING);
        // The last bars' ranges jump far above the rest: extreme volatility.
        BarSeries calmThenWild = trend(380, 0, 0.25);
        BarSeries wild = new BarSeries("ES", Timeframe.M1, 400);
        for (int i = 0; i < calmThenWild.size(); i++) {
            wild.append(calmThenWild.bar(i));
        }
        double c = calmThenWild.close(calmThenWild.size() - 1);
        for (int i = 0; i < 20; i++) {
            long t = calmThenWild.endMillis(calmThenWild.size() - 1) + (i + 1) * 60_000L;
            double o = c;
            c = o + (i % 2 == 0 ? 6 : -6);
            wild.append(t, o, Math.max(o, c) + 5, Math.min(o, c) - 5, c, 3000);
        }
        assertThat(rules.regime(wild).kind()).isEqualTo(MarketRegime.Kind.VOLATILE);
    }
}
