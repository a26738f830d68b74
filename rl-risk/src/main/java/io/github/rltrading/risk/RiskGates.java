package io.github.rltrading.risk;

import io.github.rltrading.core.RiskChain;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.spi.RiskGate;
import java.util.List;

/**
 * Ready-made chains.
 *
 * <pre>{@code
 * RiskChain chain = RiskGates.defaultChain(Config.of(Map.of(
 *         "max-position", Map.of("limit", 2),
 *         "daily-loss", Map.of("limit", 2000, "flatten", true))));
 * }</pre>
 */
public final class RiskGates {

    /** The gate names of {@link #defaultChain}, in chain order. */
    public static final List<String> DEFAULT_NAMES = List.of("max-position", "max-leverage", "stop-target",
            "daily-loss", "max-drawdown", "min-confidence", "order-rate");

    private RiskGates() {}

    /**
     * The default chain: position, leverage, stop/target, daily loss, drawdown, confidence and order
     * rate, each configured from the section named after it in {@code config} (defaults where absent:
     * 1 contract, 1× equity, no bracket, a daily loss of 2 % of the day's starting equity, 20 %
     * drawdown, confidence 0.5, 6 orders a minute).
     */
    public static RiskChain defaultChain(Config config) {
        return RiskChain.of(defaultGates(config));
    }

    /** The gates of {@link #defaultChain}, new instances each call (gates hold per-session state). */
    public static List<RiskGate> defaultGates(Config config) {
        Config daily = config.section("daily-loss");
        if (!daily.has("limit") && !daily.has("limit-percent")) {
            daily = daily.with("limit-percent", 0.02);
        }
        return List.of(new MaxPositionGate(config.section("max-position")),
                new ExposureGate(config.section("max-leverage")),
                new StopTargetGate(config.section("stop-target")),
                new DailyLossGate(daily),
                new DrawdownGate(config.section("max-drawdown")),
                new ConfidenceGate(config.section("min-confidence")),
                new OrderRateGate(config.section("order-rate")));
    }
}
