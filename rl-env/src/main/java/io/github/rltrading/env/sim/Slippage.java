package io.github.rltrading.env.sim;

import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.util.Require;

/**
 * How far from the reference price a market or stop order fills, always against the trader.
 *
 * <pre>{@code
 * Slippage.fixedTicks(1);                      // one tick per fill
 * Slippage.volatilityAndVolume(0.5, 0.1);      // half a tick plus 10% of the bar's range scaled by participation
 * }</pre>
 */
public sealed interface Slippage {

    /** No slippage. */
    Slippage NONE = new FixedTicks(0);

    /** Price distance (≥ 0) for an order of {@code quantity} on a bar with this range and volume. */
    double amount(Instrument instrument, double quantity, double barHigh, double barLow, double barVolume);

    static Slippage fixedTicks(double ticks) {
        return new FixedTicks(ticks);
    }

    static Slippage volatilityAndVolume(double baseTicks, double rangeFraction) {
        return new VolatilityAndVolume(baseTicks, rangeFraction);
    }

    /** A fixed number of ticks. */
    record FixedTicks(double ticks) implements Slippage {
        public FixedTicks {
            Require.nonNegative("slippage ticks", ticks);
        }

        @Override
        public double amount(Instrument instrument, double quantity, double barHigh, double barLow, double barVolume) {
            return ticks * instrument.tickSize();
        }
    }

    /**
     * {@code baseTicks} ticks plus {@code rangeFraction × (high − low) × sqrt(min(1, quantity / volume))}:
     * wider bars (volatility) and a larger share of the bar's volume (market impact, square-root law)
     * cost more. A bar without volume counts as full participation.
     */
    record VolatilityAndVolume(double baseTicks, double rangeFraction) implements Slippage {
        public VolatilityAndVolume {
            if (!(baseTicks >= 0) || !(rangeFraction >= 0) || Double.isInfinite(baseTicks) || Double.isInfinite(rangeFraction)) {
                throw new IllegalArgumentException("slippage baseTicks and rangeFraction must be finite numbers >= 0, got "
                        + baseTicks + " and " + rangeFraction);
            }
        }

        @Override
        public double amount(Instrument instrument, double quantity, double barHigh, double barLow, double barVolume) {
            double participation = barVolume > 0 ? Math.min(1.0, quantity / barVolume) : 1.0;
            return baseTicks * instrument.tickSize() + rangeFraction * (barHigh - barLow) * Math.sqrt(participation);
        }
    }
}
