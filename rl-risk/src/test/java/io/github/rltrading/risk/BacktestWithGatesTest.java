package io.github.rltrading.risk;

import static io.github.rltrading.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.env.backtest.Backtester;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backtester trades every policy, baselines included, behind fresh risk gates per run. */
class BacktestWithGatesTest {

    @Test
    void everyRunTradesWithinTheGatesLimits() {
        BarSeries bars = ChainInSessionAndEnvTest.walk(3000, 21);
        Backtester.BacktestResult free = Backtester.builder(bars, ES).maxPosition(3).journal(false).seed(1).build().run();
        Backtester.BacktestResult gated = Backtester.builder(bars, ES).maxPosition(3).journal(false).seed(1)
                .riskGates(() -> List.of(new MaxPositionGate(config("limit", 1)))).build().run();

        assertThat(max(free.run("buy-and-hold").session().positions())).as("without gates").isEqualTo(3);
        for (Backtester.PolicyRun run : gated.runs().values()) {
            assertThat(max(run.session().positions())).as(run.name()).isLessThanOrEqualTo(1);
        }
        assertThat(max(gated.run("buy-and-hold").session().positions())).isEqualTo(1);
    }

    private static double max(double[] positions) {
        double m = 0;
        for (double p : positions) {
            m = Math.max(m, Math.abs(p));
        }
        return m;
    }
}
