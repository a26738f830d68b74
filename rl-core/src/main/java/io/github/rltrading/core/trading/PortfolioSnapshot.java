package io.github.rltrading.core.trading;

import java.time.Instant;
import java.util.Map;

/**
 * An immutable copy of a {@link Portfolio}'s numbers at one moment, for risk gates, reasoners and
 * the journal.
 *
 * @param time             when it was taken
 * @param currency         account currency
 * @param startingCash     cash at the start
 * @param cash             cash now (futures: start + realised − commissions; stocks also pay their cost basis)
 * @param equity           starting cash + realised + unrealised − commissions
 * @param realizedPnl      realised P&amp;L before commissions
 * @param unrealizedPnl    open P&amp;L at the latest marks
 * @param commissionsPaid  total commissions
 * @param grossExposure    Σ |notional| × leverage factor
 * @param netExposure      Σ signed notional × leverage factor
 * @param marginUsed       Σ |futures contracts| × margin per contract
 * @param peakEquity       highest equity seen so far
 * @param positions        open (non-flat) positions by symbol
 */
public record PortfolioSnapshot(Instant time, String currency, double startingCash, double cash, double equity,
                                double realizedPnl, double unrealizedPnl, double commissionsPaid,
                                double grossExposure, double netExposure, double marginUsed, double peakEquity,
                                Map<String, Position> positions) {

    public PortfolioSnapshot {
        positions = Map.copyOf(positions);
    }

    /** Signed quantity held in {@code symbol}, 0 if none. */
    public double quantity(String symbol) {
        Position p = positions.get(symbol);
        return p == null ? 0.0 : p.quantity();
    }

    /** Drawdown from the equity peak as a fraction (0 at the peak, 0.1 = 10 % below). */
    public double drawdown() {
        return peakEquity <= 0 ? 0.0 : Math.max(0.0, (peakEquity - equity) / peakEquity);
    }
}
