package io.github.rltrading.env.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.spi.Environment;
import io.github.rltrading.env.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every transition recorded from Gymnasium 1.3.0 ({@code ../shared/data/gym-reference}) is reproduced. */
class GymReplayTest {

    private static List<double[]> rows(String file) throws IOException {
        return Files.readAllLines(SharedData.file("gym-reference/" + file)).stream().skip(1).map(String::strip)
                .filter(l -> !l.isEmpty()).map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toList();
    }

    @Test
    void cartPoleMatchesEveryRecordedTransition() throws IOException {
        List<double[]> rows = rows("cartpole-v1.csv");
        assertThat(rows).hasSize(105);
        CartPole env = new CartPole();
        double worst = 0;
        int episodes = 0;
        for (double[] r : rows) {
            // episode, step, x, x_dot, theta, theta_dot, action, reward, next x.., terminated, truncated
            env.resetTo(r[2], r[3], r[4], r[5], (int) r[1]);
            episodes += r[1] == 0 ? 1 : 0;
            Environment.Step s = env.step(Action.discrete((int) r[6]));
            for (int k = 0; k < 4; k++) {
                worst = Math.max(worst, Math.abs(s.observation()[k] - r[8 + k]));
            }
            assertThat(s.reward()).isEqualTo(r[7]);
            assertThat(s.terminated()).as("episode %d step %d terminated", (int) r[0], (int) r[1]).isEqualTo(r[12] == 1);
            assertThat(s.truncated()).isEqualTo(r[13] == 1);
        }
        assertThat(episodes).isEqualTo(5);
        assertThat(worst).as("largest difference from Gymnasium's next state").isLessThan(1e-5);
    }

    @Test
    void cartPoleEpisodesReplayedFromTheirFirstStateStayOnGymnasiumsPath() throws IOException {
        CartPole env = new CartPole();
        double worst = 0;
        for (double[] r : rows("cartpole-v1.csv")) {
            if (r[1] == 0) {
                env.resetTo(r[2], r[3], r[4], r[5], 0);
            }
            Environment.Step s = env.step(Action.discrete((int) r[6]));
            for (int k = 0; k < 4; k++) {
                worst = Math.max(worst, Math.abs(s.observation()[k] - r[8 + k]));
            }
            assertThat(s.terminated()).isEqualTo(r[12] == 1);
        }
        assertThat(worst).isLessThan(1e-5);
    }

    @Test
    void pendulumMatchesEveryRecordedTransitionAndTruncatesAt200() throws IOException {
        List<double[]> rows = rows("pendulum-v1.csv");
        assertThat(rows).hasSize(600);
        Pendulum env = new Pendulum();
        double worstObs = 0;
        double worstReward = 0;
        int truncations = 0;
        for (double[] r : rows) {
            // episode, step, cos, sin, theta_dot, torque, reward, next cos, next sin, next theta_dot, terminated, truncated
            if (r[1] == 0) {
                env.resetTo(Math.atan2(r[3], r[2]), r[4], 0);
            }
            Environment.Step s = env.step(r[5]);
            for (int k = 0; k < 3; k++) {
                worstObs = Math.max(worstObs, Math.abs(s.observation()[k] - r[7 + k]));
            }
            worstReward = Math.max(worstReward, Math.abs(s.reward() - r[6]));
            assertThat(s.terminated()).isFalse();
            assertThat(s.truncated()).as("episode %d step %d", (int) r[0], (int) r[1]).isEqualTo(r[11] == 1);
            truncations += s.truncated() ? 1 : 0;
        }
        assertThat(truncations).isEqualTo(3);
        assertThat(worstObs).as("largest observation difference").isLessThan(1e-5);
        assertThat(worstReward).as("largest reward difference").isLessThan(1e-4);
    }

    @Test
    void theTimeLimitTruncatesAtStep500EvenWhenThatStepAlsoTerminates() {
        CartPole env = new CartPole();
        // One step before the limit, with the pole just inside the threshold and falling.
        env.resetTo(0, 0, CartPole.THETA_THRESHOLD - 1e-4, 1.0, CartPole.MAX_STEPS - 1);
        Environment.Step s = env.step(Action.discrete(1));
        assertThat(s.terminated()).isTrue();
        assertThat(s.truncated()).isTrue();
        env.resetTo(0, 0, 0, 0, CartPole.MAX_STEPS - 1);
        Environment.Step calm = env.step(Action.discrete(1));
        assertThat(calm.terminated()).isFalse();
        assertThat(calm.truncated()).isTrue();
    }

    @Test
    void resetsAreDeterministicAndInGymnasiumsRanges() {
        CartPole a = new CartPole();
        assertThat(a.reset(3)).isEqualTo(new CartPole().reset(3));
        for (float v : a.reset(4)) {
            assertThat(v).isBetween(-0.05f, 0.05f);
        }
        float[] p = new Pendulum().reset(5);
        assertThat(p[0] * p[0] + p[1] * p[1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(p[2]).isBetween(-1f, 1f);
    }

    @Test
    void badActionsAndStepsAfterTheEndAreRefused() {
        CartPole c = new CartPole();
        c.reset(1);
        assertThatThrownBy(() -> c.step(Action.discrete(2))).hasMessageContaining("CartPole-v1 takes a discrete action 0");
        assertThatThrownBy(() -> c.step(Action.continuous(0.5f))).isInstanceOf(IllegalArgumentException.class);
        Pendulum p = new Pendulum();
        p.reset(1);
        for (int i = 0; i < Pendulum.MAX_STEPS; i++) {
            p.step(Action.continuous(3f)); // clipped, accepted
        }
        assertThatThrownBy(() -> p.step(Action.continuous(0f))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call reset(seed)");
    }

    @Test
    void bothAreFoundByName() {
        Plugins plugins = Plugins.load();
        assertThat(plugins.environment(Config.of(Map.of("environment", "cartpole-v1")))).isInstanceOf(CartPole.class);
        assertThat(plugins.environment(Config.of(Map.of("environment", "pendulum-v1")))).isInstanceOf(Pendulum.class);
    }
}
