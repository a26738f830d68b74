package io.github.rltrading.core.decision;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.trading.PortfolioSnapshot;
import java.time.Instant;
import java.util.Objects;

/**
 * What a risk gate may look at besides the proposal.
 *
 * @param time      decision time (from the session's clock for live, the bar end for replays)
 * @param portfolio the account right now
 * @param history   the primary bar series up to and including the last closed bar; read it, never
 *                  append to it
 */
public record RiskContext(Instant time, PortfolioSnapshot portfolio, BarSeries history) {
    public RiskContext {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(history, "history");
    }
}
