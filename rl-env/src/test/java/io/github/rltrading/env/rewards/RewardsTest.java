package io.github.rltrading.env.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.spi.RewardFunction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RewardsTest {

    private static RewardFunction.Input step(double before, double after, double costs, double drawdown) {
        return new RewardFunction.Input(before, after, 0, 1, costs, drawdown);
    }

    @Test
    void pnlIsNetOfCostsAndSplitsIntoComponents() {
        RewardFunction r = Rewards.pnl(100_000);
        assertThat(r.reward(step(100_000, 100_090, 10, 0))).isCloseTo(0.0009, within(1e-15));
        assertThat(r.component(0)).as("pnl before costs").isCloseTo(0.0010, within(1e-15));
        assertThat(r.component(1)).as("costs").isCloseTo(-0.0001, within(1e-15));
        assertThatThrownBy(() -> Rewards.pnl(0)).hasMessageContaining("reward capital must be a finite number > 0, got 0.0");
    }

    @Test
    void theDrawdownPenaltyIsLambdaTimesDrawdown() {
        RewardFunction r = Rewards.pnlMinusDrawdown(100_000, 0.5);
        assertThat(r.reward(step(100_000, 99_000, 0, 0.02))).isCloseTo(-0.01 - 0.01, within(1e-15));
        assertThat(r.componentNames()).containsExactly("pnl", "costs", "drawdown_penalty");
        assertThat(r.component(2)).isCloseTo(-0.01, within(1e-15));
    }

    @Test
    void differentialSharpeFollowsMoodyAndSaffell() {
        double eta = 0.1;
        RewardFunction r = Rewards.differentialSharpe(1000, eta);
        double[] returns = {0.01, -0.02, 0.015, 0.005, -0.01, 0.02};
        double a = 0;
        double b = 0;
        double equity = 1000;
        for (double ret : returns) {
            double expected = b - a * a > 1e-18 ? (b * (ret - a) - 0.5 * a * (ret * ret - b)) / Math.pow(b - a * a, 1.5) : 0;
            double got = r.reward(step(equity, equity + ret * 1000, 0, 0));
            assertThat(got).isCloseTo(expected, within(1e-9));
            a += eta * (ret - a);
            b += eta * (ret * ret - b);
            equity += ret * 1000;
        }
        r.reset();
        assertThat(r.reward(step(1000, 1010, 0, 0))).as("after reset the first step has no variance yet").isZero();
    }

    @Test
    void returnMinusVolatilityPenalisesAnUnstablePath() {
        RewardFunction steady = Rewards.returnMinusVolatility(1000, 1, 0.2);
        RewardFunction choppy = Rewards.returnMinusVolatility(1000, 1, 0.2);
        double s = 0;
        double c = 0;
        for (int i = 0; i < 40; i++) {
            s += steady.reward(step(1000, 1001, 0, 0));
            c += choppy.reward(step(1000, i % 2 == 0 ? 1021 : 981, 0, 0));
        }
        // Both earn +1 per step on average; the choppy path pays for its volatility.
        assertThat(s).isGreaterThan(c + 0.1);
    }

    @Test
    void rewardsAreFoundByName() {
        Plugins plugins = Plugins.load();
        for (String name : new String[] {"pnl", "pnl-drawdown", "differential-sharpe", "return-volatility"}) {
            RewardFunction r = plugins.reward(Config.of(Map.of("reward", Map.of("name", name, "capital", 50_000))));
            assertThat(r.componentNames()).isNotEmpty();
        }
        assertThatThrownBy(() -> plugins.reward(Config.of(Map.of("reward", Map.of("name", "pnl-drawdown", "lambda", -1)))))
                .hasMessageContaining("lambda");
    }
}
