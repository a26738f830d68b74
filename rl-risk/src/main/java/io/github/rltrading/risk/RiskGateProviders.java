package io.github.rltrading.risk;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.spi.RiskGate;
import io.github.rltrading.core.spi.RiskGateProvider;
import java.util.function.Function;

/**
 * The {@link java.util.ServiceLoader} entries for this module's gates, one small class per name
 * (the loader needs a class with a no-argument constructor for each).
 */
public final class RiskGateProviders {

    private RiskGateProviders() {}

    /** Shared shape: a name and a constructor from the gate's config section. */
    abstract static class Base implements RiskGateProvider {
        private final String name;
        private final Function<Config, RiskGate> factory;

        Base(String name, Function<Config, RiskGate> factory) {
            this.name = name;
            this.factory = factory;
        }

        @Override
        public final String name() {
            return name;
        }

        @Override
        public final RiskGate create(Config config) {
            return factory.apply(config);
        }
    }

    /** {@code max-position}. */
    public static final class MaxPosition extends Base {
        public MaxPosition() {
            super("max-position", MaxPositionGate::new);
        }
    }

    /** {@code max-leverage}. */
    public static final class MaxLeverage extends Base {
        public MaxLeverage() {
            super("max-leverage", ExposureGate::new);
        }
    }

    /** {@code stop-target}. */
    public static final class StopTarget extends Base {
        public StopTarget() {
            super("stop-target", StopTargetGate::new);
        }
    }

    /** {@code daily-loss}. */
    public static final class DailyLoss extends Base {
        public DailyLoss() {
            super("daily-loss", DailyLossGate::new);
        }
    }

    /** {@code max-drawdown}. */
    public static final class MaxDrawdown extends Base {
        public MaxDrawdown() {
            super("max-drawdown", DrawdownGate::new);
        }
    }

    /** {@code min-confidence}. */
    public static final class MinConfidence extends Base {
        public MinConfidence() {
            super("min-confidence", ConfidenceGate::new);
        }
    }

    /** {@code max-trades-per-day}. */
    public static final class MaxTradesPerDay extends Base {
        public MaxTradesPerDay() {
            super("max-trades-per-day", TradesPerDayGate::new);
        }
    }

    /** {@code order-rate}. */
    public static final class OrderRate extends Base {
        public OrderRate() {
            super("order-rate", OrderRateGate::new);
        }
    }

    /** {@code price-sanity}. */
    public static final class PriceSanity extends Base {
        public PriceSanity() {
            super("price-sanity", PriceSanityGate::new);
        }
    }

    /** {@code trading-hours}. */
    public static final class TradingHours extends Base {
        public TradingHours() {
            super("trading-hours", TradingHoursGate::new);
        }
    }

    /** {@code var}. */
    public static final class ValueAtRisk extends Base {
        public ValueAtRisk() {
            super("var", VarGate::new);
        }
    }

    /** {@code disagreement}. */
    public static final class Disagreement extends Base {
        public Disagreement() {
            super("disagreement", DisagreementGate::new);
        }
    }

    /** {@code kill-switch}. */
    public static final class Kill extends Base {
        public Kill() {
            super("kill-switch", KillSwitchGate::new);
        }
    }
}
