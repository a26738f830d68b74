package io.github.rltrading.core.decision;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.trading.PortfolioSnapshot;
import java.util.Map;
import java.util.Objects;

/**
 * What a reasoner is asked about before a trade: the proposed change, the market so far, the
 * account, and any indicator values the feature pipeline exposes by name.
 *
 * @param proposal   the position change the policy wants (after confidence gating)
 * @param history    the primary bars up to and including the decision bar: a read-only view that
 *                   later bars never change, safe to read from any thread
 * @param portfolio  the account now
 * @param indicators the policy's inputs at the decision time by feature name (e.g. {@code rsi14},
 *                   {@code atr14}), as the feature set names them
 */
public record ReasoningRequest(TradeProposal proposal, BarSeries history, PortfolioSnapshot portfolio,
                               Map<String, Double> indicators) {
    public ReasoningRequest {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(portfolio, "portfolio");
        indicators = indicators == null ? Map.of() : Map.copyOf(indicators);
    }
}
