package io.github.rltrading.agents.buffers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RolloutBufferTest {

    /**
     * One environment, three steps, γ = 0.9, λ = 0.8, no episode end:
     * δ2 = 1 + 0.9·4 − 3 = 1.6;            A2 = 1.6
     * δ1 = 0 + 0.9·3 − 2 = 0.7;            A1 = 0.7 + 0.72·1.6 = 1.852
     * δ0 = 2 + 0.9·2 − 1 = 2.8;            A0 = 2.8 + 0.72·1.852 = 4.13344
     */
    @Test
    void gaeMatchesTheHandComputedRecursion() {
        RolloutBuffer b = new RolloutBuffer(3, 1, 2, 1);
        float[] rewards = {2, 0, 1};
        float[] values = {1, 2, 3};
        for (int s = 0; s < 3; s++) {
            b.add(new float[] {s, -s}, new float[] {s % 2}, new float[] {rewards[s]}, new boolean[] {s == 0},
                    new float[] {values[s]}, new float[] {-0.5f});
        }
        b.computeReturnsAndAdvantages(new float[] {4}, new boolean[] {false}, 0.9, 0.8);
        assertThat(b.advantage(2)).isCloseTo(1.6f, within(1e-6f));
        assertThat(b.advantage(1)).isCloseTo(1.852f, within(1e-6f));
        assertThat(b.advantage(0)).isCloseTo(4.13344f, within(1e-5f));
        assertThat(b.returnOf(0)).isCloseTo(5.13344f, within(1e-5f));
        float[] obs = new float[2];
        b.observation(2, obs, 0);
        assertThat(obs).containsExactly(2f, -2f);
    }

    /** An episode that starts at step 1 cuts step 0's bootstrap; a done last step cuts the final one. */
    @Test
    void episodeBoundariesStopTheBootstrap() {
        RolloutBuffer b = new RolloutBuffer(2, 2, 1, 1);
        // env 0: episode start at step 1; env 1: continuous.
        b.add(new float[] {0, 0}, new float[] {0, 0}, new float[] {1, 1}, new boolean[] {true, true},
                new float[] {0.5f, 0.5f}, new float[] {0, 0});
        b.add(new float[] {1, 1}, new float[] {0, 0}, new float[] {1, 1}, new boolean[] {true, false},
                new float[] {0.25f, 0.25f}, new float[] {0, 0});
        b.computeReturnsAndAdvantages(new float[] {10, 10}, new boolean[] {true, false}, 1.0, 1.0);
        // env 0 (index 0 = step 0, index 2 = step 1): both steps end their episodes.
        assertThat(b.advantage(2)).isCloseTo(1 - 0.25f, within(1e-6f));
        assertThat(b.advantage(0)).isCloseTo(1 - 0.5f, within(1e-6f));
        // env 1: step 1 bootstraps from 10; step 0 from step 1's value and advantage.
        assertThat(b.advantage(3)).isCloseTo(1 + 10 - 0.25f, within(1e-6f));
        assertThat(b.advantage(1)).isCloseTo((1 + 0.25f - 0.5f) + b.advantage(3), within(1e-5f));
    }

    @Test
    void misuseIsRefusedWithTheFix() {
        RolloutBuffer b = new RolloutBuffer(1, 1, 1, 1);
        assertThatThrownBy(() -> b.computeReturnsAndAdvantages(new float[] {0}, new boolean[] {false}, 0.99, 0.95))
                .hasMessageContaining("holds 0 of 1 steps; fill it first");
        b.add(new float[] {0}, new float[] {0}, new float[] {0}, new boolean[] {true}, new float[] {0}, new float[] {0});
        assertThatThrownBy(() -> b.add(new float[] {0}, new float[] {0}, new float[] {0}, new boolean[] {true},
                new float[] {0}, new float[] {0})).hasMessageContaining("full");
        assertThatThrownBy(() -> new RolloutBuffer(0, 1, 1, 1)).hasMessageContaining("steps=0");
        b.reset();
        assertThat(b.size()).isZero();
    }
}
