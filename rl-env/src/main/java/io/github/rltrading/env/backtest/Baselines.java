package io.github.rltrading.env.backtest;

import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.spi.Policy;
import java.util.List;

/**
 * Baselines every backtest is compared with: if a trained policy cannot beat these after costs, it
 * has learned nothing useful.
 */
public final class Baselines {

    private Baselines() {}

    // Decisions are immutable: each rule answers with one of a few made once (nothing built per bar).
    private static final Decision LONG = Decision.target(1, 1, "buy and hold", "buy-and-hold");
    private static final Decision FLAT = Decision.flat("stay flat", "flat");

    /** Always fully long (from the first decision after warm-up). */
    public static Policy buyAndHold() {
        return observation -> LONG;
    }

    /** Always flat: the zero line, costs included. */
    public static Policy flat() {
        return observation -> FLAT;
    }

    /** The two columns {@link #emaCross} reads: pass them to {@code Backtester.Builder.policy(name, columns, factory)}. */
    public static final List<String> EMA_CROSS_COLUMNS = List.of("1m_ema_10_dist", "1m_ema_50_dist");

    private static final Decision EMA_LONG = Decision.target(1, 1, "EMA 10 above EMA 50", "ema-cross");
    private static final Decision EMA_SHORT = Decision.target(-1, 1, "EMA 10 below EMA 50", "ema-cross");
    private static final Decision EMA_UNDEFINED = Decision.flat("EMAs not defined yet", "ema-cross");

    /**
     * EMA cross on the features {@code 1m_ema_10_dist} and {@code 1m_ema_50_dist} of the
     * {@code market} set: long while EMA 10 is above EMA 50, short while below. With
     * {@code d = (close - ema) / ema}, EMA 10 &gt; EMA 50 exactly when {@code d10 < d50}.
     *
     * @param featureNames the feature set's names, to find the two columns
     */
    public static Policy emaCross(List<String> featureNames) {
        int fast = featureNames.indexOf(EMA_CROSS_COLUMNS.get(0));
        int slow = featureNames.indexOf(EMA_CROSS_COLUMNS.get(1));
        if (fast < 0 || slow < 0) {
            throw new IllegalArgumentException("the EMA cross baseline needs the features 1m_ema_10_dist and 1m_ema_50_dist "
                    + "(the 'market' feature set has them); this feature set has " + featureNames);
        }
        return observation -> {
            float d10 = observation.features()[fast];
            float d50 = observation.features()[slow];
            if (Float.isNaN(d10) || Float.isNaN(d50)) {
                return EMA_UNDEFINED;
            }
            return d10 < d50 ? EMA_LONG : EMA_SHORT;
        };
    }
}
