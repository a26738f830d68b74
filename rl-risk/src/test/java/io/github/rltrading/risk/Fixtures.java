package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.trading.PortfolioSnapshot;
import io.github.rltrading.core.trading.Position;
import java.time.Instant;
import java.util.Map;

/** Small builders for gate tests: ES bars, proposals, and an account snapshot. */
final class Fixtures {

    static final Instrument ES = ContractSpecs.ES;
    /** Monday 2020-03-09 15:00 New York (19:00 UTC, after the DST switch). */
    static final Instant T0 = Instant.parse("2020-03-09T19:00:00Z");

    private Fixtures() {}

    static Config config(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Config.of(m);
    }

    /** One-minute ES bars ending at T0 - (n-1) minutes ... T0 with the given closes (range ±1 point). */
    static BarSeries bars(double... closes) {
        BarSeries s = new BarSeries(ES.symbol(), Timeframe.M1, closes.length);
        long end = T0.toEpochMilli() - (closes.length - 1) * 60_000L;
        double prev = closes.length == 0 ? 0 : closes[0];
        for (int i = 0; i < closes.length; i++) {
            double c = closes[i];
            double o = prev;
            s.append(end + i * 60_000L, o, Math.max(o, c) + 1, Math.min(o, c) - 1, c, 100);
            prev = c;
        }
        return s;
    }

    static Decision decision(double target, double confidence) {
        return new Decision(Action.continuous((float) target), Math.max(-1, Math.min(1, target)), confidence, "", "test");
    }

    static TradeProposal proposal(double current, double target) {
        return proposal(current, target, 3000, T0);
    }

    static TradeProposal proposal(double current, double target, double price, Instant time) {
        return new TradeProposal(ES, time, current, target, price, decision(Math.signum(target), 0.9));
    }

    static PortfolioSnapshot account(double equity, double position, double price) {
        double exposure = Math.abs(position) * price * ES.pointValue();
        Map<String, Position> positions = position == 0 ? Map.of()
                : Map.of(ES.symbol(), new Position(ES, position, price, price));
        return new PortfolioSnapshot(T0, "USD", 100_000, equity, equity, 0, 0, 0, exposure, exposure, 0,
                Math.max(equity, 100_000), positions);
    }

    static RiskContext context(double equity, double position, BarSeries history) {
        double price = history.isEmpty() ? 3000 : history.close(history.size() - 1);
        Instant time = history.isEmpty() ? T0 : history.endTime(history.size() - 1);
        return new RiskContext(time, account(equity, position, price), history);
    }

    static RiskContext context(double equity) {
        return context(equity, 0, bars(3000, 3000));
    }

    static RiskContext at(Instant time, double equity, double position) {
        return new RiskContext(time, account(equity, position, 3000), bars(3000));
    }
}
