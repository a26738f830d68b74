package io.github.rltrading.agents.dqn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.env.classic.CartPole;
import io.github.rltrading.env.classic.Pendulum;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DQN's correctness test from the brief: CartPole-v1 to at least 400 within 100,000 steps (RL Zoo: 50,000). */
class DqnCartPoleTest {

    @Test
    void dqnReachesCartPolesTargetWithRlZooSettings() {
        List<Dqn.Progress> reports = new ArrayList<>();
        try (Dqn dqn = new Dqn(DqnConfig.cartPoleZoo().withSeed(1), 4, new CartPole().actionSpace())) {
            dqn.learn(new CartPole(), 50_000, reports::add);
            double score = dqn.evaluate(new CartPole(), 10, 12_345);
            assertThat(score).as("mean return over 10 greedy evaluation episodes").isGreaterThanOrEqualTo(400);
        }
        assertThat(reports.get(0).epsilon()).isGreaterThan(0.3);
        assertThat(reports.get(reports.size() - 1).epsilon()).isEqualTo(0.04);
    }

    @Test
    void continuousActionsAreRefusedWithTheAlternative() {
        assertThatThrownBy(() -> new Dqn(DqnConfig.defaults(), 3, new Pendulum().actionSpace()))
                .hasMessageContaining("DQN needs a discrete action space").hasMessageContaining("PPO or SAC");
    }
}
