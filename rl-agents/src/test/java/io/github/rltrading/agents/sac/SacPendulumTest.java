package io.github.rltrading.agents.sac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.decision.Action;
import io.github.rltrading.env.classic.CartPole;
import io.github.rltrading.env.classic.Pendulum;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SAC's correctness test from the brief: Pendulum-v1 to at least −200 within 20,000 steps. */
class SacPendulumTest {

    @Test
    void sacSwingsThePendulumUpWithin20kSteps() {
        List<Sac.Progress> reports = new ArrayList<>();
        try (Sac sac = new Sac(SacConfig.pendulumZoo().withSeed(1), 3, new Pendulum().actionSpace())) {
            sac.learn(new Pendulum(), 20_000, reports::add);
            double score = sac.evaluate(new Pendulum(), 10, 12_345);
            assertThat(score).as("mean return over 10 deterministic evaluation episodes").isGreaterThanOrEqualTo(-200);
            Action a = sac.act(new float[] {1f, 0f, 0f}, false);
            assertThat(((Action.Continuous) a).get(0)).isBetween(-2f, 2f);
        }
        assertThat(reports).hasSize(100); // 20,000 steps of 200-step episodes
        assertThat(reports.get(0).meanEpisodeReturn()).as("it starts out poor").isLessThan(-900);
    }

    @Test
    void discreteActionsAreRefusedWithTheAlternative() {
        assertThatThrownBy(() -> new Sac(SacConfig.defaults(), 4, new CartPole().actionSpace()))
                .hasMessageContaining("SAC needs a continuous").hasMessageContaining("DQN or PPO");
    }
}
