package io.github.rltrading.core;

import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.ContractSpecs;
import java.time.Duration;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** Opens {@link SessionFixtures} to tests in other packages. */
public final class SessionFixturesAccess {

    private SessionFixturesAccess() {}

    public static List<Bar> risingBars(String symbol, int n) {
        return SessionFixtures.risingBars(symbol, n);
    }

    /** A session over {@code bars} with a scripted target by bar index, the next-open broker and max position 2. */
    public static TradingSession.Builder session(List<Bar> bars, IntToDoubleFunction targetByBar) {
        return TradingSession.builder().instrument(ContractSpecs.ES)
                .feed(new SessionFixtures.ListFeed(ContractSpecs.ES, bars))
                .features(new SessionFixtures.IndexFeature())
                .policy(SessionFixtures.scripted(targetByBar, 0.95))
                .broker(new SessionFixtures.NextOpenBroker())
                .startingCash(100_000).maxPosition(2).pollTimeout(Duration.ofMillis(10));
    }
}
