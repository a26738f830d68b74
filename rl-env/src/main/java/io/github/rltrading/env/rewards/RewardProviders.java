package io.github.rltrading.env.rewards;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.spi.RewardFunction;
import io.github.rltrading.core.spi.RewardFunctionProvider;

/**
 * Providers of the built-in rewards, selected with {@code reward: <name>}; every one reads
 * {@code capital} (100000 by default).
 */
public final class RewardProviders {

    private RewardProviders() {}

    private static double capital(ConfigValidator v) {
        return v.positiveDouble("capital", 100_000);
    }

    /** {@code reward: pnl}. */
    public static final class PnlProvider implements RewardFunctionProvider {
        @Override
        public String name() {
            return "pnl";
        }

        @Override
        public RewardFunction create(Config config) {
            ConfigValidator v = config.validator();
            double capital = capital(v);
            v.throwIfInvalid("reward: pnl");
            return Rewards.pnl(capital);
        }
    }

    /** {@code reward: pnl-drawdown} with {@code lambda} (0.5). */
    public static final class PnlDrawdownProvider implements RewardFunctionProvider {
        @Override
        public String name() {
            return "pnl-drawdown";
        }

        @Override
        public RewardFunction create(Config config) {
            ConfigValidator v = config.validator();
            double capital = capital(v);
            double lambda = v.nonNegativeDouble("lambda", 0.5);
            v.throwIfInvalid("reward: pnl-drawdown");
            return Rewards.pnlMinusDrawdown(capital, lambda);
        }
    }

    /** {@code reward: differential-sharpe} with {@code eta} (0.01). */
    public static final class DifferentialSharpeProvider implements RewardFunctionProvider {
        @Override
        public String name() {
            return "differential-sharpe";
        }

        @Override
        public RewardFunction create(Config config) {
            ConfigValidator v = config.validator();
            double capital = capital(v);
            double eta = v.doubleInRange("eta", 0.01, 1e-9, 1);
            v.throwIfInvalid("reward: differential-sharpe");
            return Rewards.differentialSharpe(capital, eta);
        }
    }

    /** {@code reward: return-volatility} with {@code lambda} (1) and {@code eta} (0.05). */
    public static final class ReturnVolatilityProvider implements RewardFunctionProvider {
        @Override
        public String name() {
            return "return-volatility";
        }

        @Override
        public RewardFunction create(Config config) {
            ConfigValidator v = config.validator();
            double capital = capital(v);
            double lambda = v.nonNegativeDouble("lambda", 1);
            double eta = v.doubleInRange("eta", 0.05, 1e-9, 1);
            v.throwIfInvalid("reward: return-volatility");
            return Rewards.returnMinusVolatility(capital, lambda, eta);
        }
    }
}
