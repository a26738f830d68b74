package io.github.rltrading.learning.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromotionRuleTest {

    private static Evaluation eval(double sharpe, double dd) {
        return new Evaluation(sharpe, dd, 0.01, 10, 20, "test rows 80-100");
    }

    private final PromotionRule rule = PromotionRule.defaults();

    @Test
    void aChallengerMustBeTenPercentBetterOnSharpe() {
        assertThat(rule.judge(eval(1.10, 0.05), eval(1.0, 0.05)).promote()).isTrue();
        assertThat(rule.judge(eval(1.09, 0.05), eval(1.0, 0.05))).isEqualTo(new PromotionRule.Verdict(false,
                "kept production: Sharpe 1.090 vs production 1.000 (needs >= 1.100) on test rows 80-100"));
        // Negative production Sharpe: 10 % of its size above it.
        assertThat(rule.judge(eval(-0.45, 0.05), eval(-0.5, 0.05)).promote()).isTrue();
        assertThat(rule.judge(eval(-0.46, 0.05), eval(-0.5, 0.05)).promote()).isFalse();
        // Near zero the step is at least 0.01.
        assertThat(rule.judge(eval(0.005, 0.05), eval(0.0, 0.05)).promote()).isFalse();
    }

    @Test
    void aDeeperDrawdownThanTheMarginKeepsProduction() {
        assertThat(rule.judge(eval(2.0, 0.07), eval(1.0, 0.05)).promote()).isTrue();
        PromotionRule.Verdict v = rule.judge(eval(2.0, 0.0701), eval(1.0, 0.05));
        assertThat(v.promote()).isFalse();
        assertThat(v.reason()).isEqualTo("kept production: Sharpe 2.000 vs production 1.000 (needs >= 1.100) but max drawdown 7.01% "
                + "vs production 5.00% (limit 7.00%) on test rows 80-100");
    }

    @Test
    void withoutProductionAChallengerMustBeatFlat() {
        assertThat(rule.judge(eval(0.3, 0.2), null).promote()).isTrue();
        assertThat(rule.judge(eval(Double.NaN, 0), null).reason())
                .isEqualTo("no production model, but challenger Sharpe 0.000 is not above 0 on test rows 80-100");
        assertThatThrownBy(() -> new PromotionRule(-0.1, 0.02)).hasMessage("minSharpeImprovement must be >= 0 (0.10 = 10 %), got -0.1");
    }
}
