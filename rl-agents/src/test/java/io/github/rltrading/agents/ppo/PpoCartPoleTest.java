package io.github.rltrading.agents.ppo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.decision.Action;
import io.github.rltrading.env.classic.CartPole;
import io.github.rltrading.env.classic.Pendulum;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PPO's correctness test from the brief: CartPole-v1 solved within 100,000 steps, and reproducible. */
class PpoCartPoleTest {

    @Test
    void ppoSolvesCartPoleWithin100kSteps() {
        List<Ppo.Progress> reports = new ArrayList<>();
        try (Ppo ppo = new Ppo(PpoConfig.cartPoleZoo().withSeed(1), 4, new CartPole().actionSpace())) {
            ppo.learn(i -> new CartPole(), 100_000, reports::add);
            double score = ppo.evaluate(new CartPole(), 10, 12_345);
            assertThat(score).as("mean return over 10 deterministic evaluation episodes").isGreaterThanOrEqualTo(475);
        }
        assertThat(reports).isNotEmpty();
        assertThat(reports.get(reports.size() - 1).steps()).isGreaterThanOrEqualTo(100_000);
        assertThat(reports.get(0).meanEpisodeReturn()).as("it starts out poor").isLessThan(100);
    }

    @Test
    void theSameSeedTrainsTheSameAgent() {
        float[] probe = {0.01f, -0.2f, 0.03f, 0.1f};
        List<Action> a = new ArrayList<>();
        List<Action> b = new ArrayList<>();
        for (List<Action> out : List.of(a, b)) {
            try (Ppo ppo = new Ppo(PpoConfig.cartPoleZoo().withSeed(9), 4, new CartPole().actionSpace())) {
                List<Double> losses = new ArrayList<>();
                ppo.learn(i -> new CartPole(), 2_048, p -> losses.add(p.policyLoss()));
                for (int k = 0; k < 20; k++) {
                    out.add(ppo.act(probe, false));
                }
            }
        }
        assertThat(a).isEqualTo(b);
    }

    @Test
    void continuousActionsTrainOnPendulumWithoutBreaking() {
        try (Ppo ppo = new Ppo(PpoConfig.defaults().withSeed(3), 3, new Pendulum().actionSpace())) {
            List<Ppo.Progress> reports = new ArrayList<>();
            ppo.learn(i -> new Pendulum(), 4_096, reports::add);
            assertThat(reports).hasSize(2);
            assertThat(reports.get(1).entropy()).isFinite();
            Action act = ppo.act(new float[] {1f, 0f, 0f}, true);
            assertThat(act).isInstanceOf(Action.Continuous.class);
            float torque = ((Action.Continuous) act).get(0);
            assertThat(torque).isBetween(-2f, 2f);
        }
    }
}
