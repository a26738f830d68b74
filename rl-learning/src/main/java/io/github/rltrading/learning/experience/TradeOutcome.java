package io.github.rltrading.learning.experience;

import io.github.rltrading.core.trading.Side;
import java.time.Duration;
import java.util.Objects;

/**
 * How the trade a decision belongs to ended.
 *
 * @param pnl      net profit or loss of the trade in account currency, after costs
 * @param duration how long the position was held
 * @param side     {@link Side#BUY} for a long trade, {@link Side#SELL} for a short one
 */
public record TradeOutcome(double pnl, Duration duration, Side side) {

    public TradeOutcome {
        if (!Double.isFinite(pnl)) {
            throw new IllegalArgumentException("trade outcome pnl must be a finite number, got " + pnl);
        }
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(side, "side");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("trade outcome duration must not be negative, got " + duration);
        }
    }

    public boolean isWin() {
        return pnl > 0;
    }
}
