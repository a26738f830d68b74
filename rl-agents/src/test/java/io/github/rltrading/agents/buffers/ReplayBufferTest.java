package io.github.rltrading.agents.buffers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    @Test
    void aFullRingKeepsTheLatestTransitionsAndSamplesOnlyThose() {
        ReplayBuffer b = new ReplayBuffer(4, 2, 1);
        for (int i = 0; i < 6; i++) {
            b.add(new float[] {i, i}, 0, new float[] {i}, 0, i * 10, new float[] {i + 1, i + 1}, 0, i == 5);
        }
        assertThat(b.size()).isEqualTo(4);
        float[] obs = new float[64 * 2];
        float[] act = new float[64];
        float[] rew = new float[64];
        float[] next = new float[64 * 2];
        boolean[] done = new boolean[64];
        b.sample(new SplittableRandom(1), 64, obs, act, rew, next, done);
        Set<Float> seen = new HashSet<>();
        for (int k = 0; k < 64; k++) {
            float i = obs[2 * k];
            seen.add(i);
            assertThat(i).isBetween(2f, 5f); // 0 and 1 were overwritten
            assertThat(act[k]).isEqualTo(i);
            assertThat(rew[k]).isEqualTo(i * 10);
            assertThat(next[2 * k]).isEqualTo(i + 1);
            assertThat(done[k]).isEqualTo(i == 5);
        }
        assertThat(seen).hasSize(4);
    }

    @Test
    void samplingIsDeterministicForASeed() {
        ReplayBuffer b = new ReplayBuffer(100, 1, 1);
        for (int i = 0; i < 100; i++) {
            b.add(new float[] {i}, 0, new float[] {0}, 0, 0, new float[] {0}, 0, false);
        }
        float[] a1 = new float[10];
        float[] a2 = new float[10];
        b.sample(new SplittableRandom(7), 10, a1, new float[10], new float[10], new float[10], new boolean[10]);
        b.sample(new SplittableRandom(7), 10, a2, new float[10], new float[10], new float[10], new boolean[10]);
        assertThat(a1).isEqualTo(a2);
    }

    @Test
    void aMillionTransitionsOfTwoHundredFloatsTakeTwiceEightHundredMegabytes() {
        long bytes = ReplayBuffer.bytes(1_000_000, 200, 1);
        assertThat(bytes).isBetween(1_600_000_000L, 1_610_000_000L);
        assertThatThrownBy(() -> new ReplayBuffer(20_000_000, 200, 1)).hasMessageContaining("does not fit one array");
        assertThatThrownBy(() -> new ReplayBuffer(1, 1, 1).sample(new SplittableRandom(1), 1, new float[1], new float[1],
                new float[1], new float[1], new boolean[1])).hasMessageContaining("replay buffer is empty");
    }
}
