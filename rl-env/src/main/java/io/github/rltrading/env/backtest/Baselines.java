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

    /** Always fully long (from the first decision after warm-up). */
    public static Policy buyAndHold() {
        return observation -> Decision.target(1, 1, "buy and hold", "buy-and-hold");
    }

    /** Always flat: the zero line, costs included. */
    public static Policy flat() {
        return observation -> Decision.flat("stay flat", "flat");
    }

    private static final String EMA_UP = "EMA 10 above EMA 50";
    private static final String EMA_DOWN = "EMA 10 below EMA 50";

    /**
     * EMA cross on the features {@code 1m_ema_10_dist} and {@code 1m_ema_50_dist} of the
     * {@code market} set: long while EMA 10 is above EMA 50, short while below. With
     * {@code d = (close - ema) / ema}, EMA 10 &gt; EMA 50 exactly when {@code d10 < d50}.
     *
     * @param featureNames the feature set's names, to find the two columns
     */
    public static Policy emaCross(List<String> featureNames) {
        int fast = featureNames.indexOf("1m_ema_10_dist");
        int slow = featureNames.indexOf("1m_ema_50_dist");
        if (fast < 0 || slow < 0) {
            throw new IllegalArgumentException("the EMA cross baseline needs the features 1m_ema_10_dist and 1m_ema_50_dist "
                    + "(the 'market' feature set has them); this feature set has " + featureNames);
        }
        return observation -> {
            float d10 = observation.features()[fast];
            float d50 = observation.features()[slow];
            if (Float.isNaN(d10) || Float.isNaN(d50)) {
                return Decision.flat("EMAs not defined yet", "ema-cross");
            }
            boolean up = d10 < d50;
            return Decision.target(up ? 1 : -1, 1, up ? EMA_UP : EMA_DOWN, "ema-cross");
        };
    }
}
