package io.github.rltrading.reasoning;

import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.ReasoningRequest;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.trading.PortfolioSnapshot;
import java.time.Instant;
import java.util.Map;

/** Reasoning requests over synthetic 1-minute ES bars for the tests. */
final class Requests {

    static final Instant T0 = Instant.parse("2020-03-09T15:00:00Z");

    private Requests() {}

    /** {@code n} bars drifting by {@code drift} points a bar, with a ±1 point range and a wobble. */
    static BarSeries bars(int n, double drift) {
        BarSeries s = new BarSeries("ES", Timeframe.M1, n);
        double c = 3000;
        for (int i = 0; i < n; i++) {
            double o = c;
            c = o + drift + ((i % 4) - 1.5) * 0.25;
            s.append(T0.toEpochMilli() + i * 60_000L, o, Math.max(o, c) + 1, Math.min(o, c) - 1, c, 1000 + (i % 7) * 50);
        }
        return s;
    }

    static ReasoningRequest request(BarSeries history, double current, double target, Map<String, Double> indicators) {
        Instant t = history.endTime(history.size() - 1);
        TradeProposal p = new TradeProposal(ContractSpecs.ES, t, current, target, history.close(history.size() - 1),
                new Decision(Action.continuous((float) Math.signum(target)), Math.signum(target), 0.7, "policy says so", "ppo"));
        PortfolioSnapshot a = new PortfolioSnapshot(t, "USD", 100_000, 100_000, 100_000, 0, 0, 0, 0, 0, 0, 100_000, Map.of());
        return new ReasoningRequest(p, history, a, indicators);
    }

    static ReasoningRequest request() {
        return request(bars(400, 0.5), 0, 1, Map.of("rsi14", 68.2, "atr14", 2.25));
    }
}
