package io.github.rltrading.env.sim;

import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.trading.Side;
import java.util.Objects;

/**
 * How simulated orders fill against a bar. The same model serves the {@link SimBroker} (and so the
 * backtester, through the trading session) and the training environment, so an agent learns under
 * the costs it is judged by.
 *
 * <p>Rules, for an order decided on bar {@code t}'s close and evaluated on bar {@code t+1}:
 * <ul>
 *   <li>Market: at bar {@code t+1}'s open, plus half the spread when quotes are known, plus
 *       slippage, against the trader; rounded to the tick grid away from the trader.</li>
 *   <li>Limit: a buy fills when the bar trades <em>through</em> the limit ({@code low < limit}; a
 *       touch is not enough, since queue position is unknown) at {@code min(open, limit)}; sells
 *       mirror it. No slippage: the price is the limit or better.</li>
 *   <li>Stop: a buy triggers when {@code high >= stop} and fills at {@code max(open, stop)} plus
 *       slippage (a gap through the stop fills at the open, worse than the stop).</li>
 *   <li>Stop-limit: triggers like a stop, then fills at {@code max(open, stop)} only if that is within
 *       the limit; otherwise it keeps working as a limit order.</li>
 *   <li>Brackets: when a bar reaches both the stop-loss and the take-profit, the stop-loss is assumed
 *       to have come first (the worse outcome).</li>
 * </ul>
 * Commission comes from the instrument's {@link io.github.rltrading.core.market.CommissionModel}.
 *
 * @param slippage how far market and stop orders fill from the reference price
 * @param useQuotes whether market orders also pay half the quoted spread when bid and ask are known
 */
public record ExecutionModel(Slippage slippage, boolean useQuotes) {

    /** One tick of slippage, half the spread when quotes exist. */
    public static final ExecutionModel DEFAULT = new ExecutionModel(Slippage.fixedTicks(1), true);

    /** No slippage and no spread: for tests and for comparing against frictionless results. */
    public static final ExecutionModel FRICTIONLESS = new ExecutionModel(Slippage.NONE, false);

    public ExecutionModel {
        Objects.requireNonNull(slippage, "slippage");
    }

    /**
     * Market fill price at a bar's open.
     *
     * @param halfSpread half of (ask − bid) at the decision, or NaN when unknown
     */
    public double marketPrice(Instrument instrument, Side side, double quantity, double open, double high, double low,
            double volume, double halfSpread) {
        double cost = slippage.amount(instrument, quantity, high, low, volume);
        if (useQuotes && halfSpread > 0) {
            cost += halfSpread;
        }
        return adverse(instrument, side, side == Side.BUY ? open + cost : open - cost);
    }

    /** Limit fill price on this bar, or NaN when the bar does not trade through the limit. */
    public double limitPrice(Side side, double limit, double open, double high, double low) {
        if (side == Side.BUY) {
            return open <= limit ? open : low < limit ? limit : Double.NaN;
        }
        return open >= limit ? open : high > limit ? limit : Double.NaN;
    }

    /** Whether a stop is triggered on this bar. */
    public boolean stopTriggered(Side side, double stop, double high, double low) {
        return side == Side.BUY ? high >= stop : low <= stop;
    }

    /** Stop fill price once triggered: the stop or a worse open, plus slippage. */
    public double stopPrice(Instrument instrument, Side side, double quantity, double stop, double open, double high,
            double low, double volume) {
        double cost = slippage.amount(instrument, quantity, high, low, volume);
        double reference = side == Side.BUY ? Math.max(open, stop) : Math.min(open, stop);
        return adverse(instrument, side, side == Side.BUY ? reference + cost : reference - cost);
    }

    /** Commission for a fill. */
    public double commission(Instrument instrument, double quantity, double price) {
        return instrument.commission().commission(quantity, price, instrument.pointValue());
    }

    /** Rounds to the tick grid against the trader (buys up, sells down), tolerating float noise. */
    static double adverse(Instrument instrument, Side side, double price) {
        double ticks = price / instrument.tickSize();
        double rounded = side == Side.BUY ? Math.ceil(ticks - 1e-9) : Math.floor(ticks + 1e-9);
        return rounded * instrument.tickSize();
    }
}
