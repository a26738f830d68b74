package io.github.rltrading.agents.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.rltrading.agents.dqn.Dqn;
import io.github.rltrading.agents.dqn.DqnConfig;
import io.github.rltrading.agents.ppo.Ppo;
import io.github.rltrading.agents.ppo.PpoConfig;
import io.github.rltrading.agents.sac.Sac;
import io.github.rltrading.agents.sac.SacConfig;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.ActionSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code decideBatch} on every agent, with the trading environment's observation size (2,283):
 * the same decisions as {@code decide} row by row, one forward pass, safe from several threads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecideBatchTest {

    static final int INPUTS = 32 * 71 + 11;
    static final int ROWS = 48;

    /** A name and a way to build the agent, twice the same for the sampling test. */
    record Kind(String name, Supplier<Agent> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Kind> kinds() {
        return List.of(
                new Kind("ppo discrete", () -> new Ppo(PpoConfig.defaults().withSeed(4), INPUTS, ActionSpace.discrete(3))),
                new Kind("ppo continuous", () -> new Ppo(PpoConfig.defaults().withSeed(4), INPUTS, ActionSpace.box(-1f, 1f))),
                new Kind("sac", () -> new Sac(SacConfig.defaults().withSeed(4), INPUTS,
                        new ActionSpace.Box(new float[] {-2f, 0f}, new float[] {2f, 1f}))),
                new Kind("dqn", () -> new Dqn(DqnConfig.defaults().withSeed(4), INPUTS, ActionSpace.discrete(3))));
    }

    float[] batch;

    @BeforeAll
    void observations() {
        float[][] rows = ModelRoundTripTest.observations(ROWS, INPUTS, 17);
        batch = new float[ROWS * INPUTS];
        for (int r = 0; r < ROWS; r++) {
            System.arraycopy(rows[r], 0, batch, r * INPUTS, INPUTS);
        }
    }

    float[] row(int r) {
        return Arrays.copyOfRange(batch, r * INPUTS, (r + 1) * INPUTS);
    }

    static void assertBitForBit(Agent.Decided actual, Agent.Decided expected) {
        assertThat(Double.doubleToLongBits(actual.confidence())).isEqualTo(Double.doubleToLongBits(expected.confidence()));
        switch (expected.action()) {
            case Action.Discrete d -> assertThat(((Action.Discrete) actual.action()).index()).isEqualTo(d.index());
            case Action.Continuous c -> {
                float[] a = ((Action.Continuous) actual.action()).values();
                assertThat(a).hasSameSizeAs(c.values());
                for (int i = 0; i < a.length; i++) {
                    assertThat(Float.floatToIntBits(a[i])).as("value %d", i).isEqualTo(Float.floatToIntBits(c.values()[i]));
                }
            }
        }
    }

    /** Float rounding of the matrix product (about 1e-7 relative), nothing more: the same discrete action. */
    static void assertAgrees(Agent.Decided actual, Agent.Decided expected, double tolerance) {
        assertThat(actual.confidence()).isCloseTo(expected.confidence(), within(tolerance));
        switch (expected.action()) {
            case Action.Discrete d -> assertThat(((Action.Discrete) actual.action()).index()).isEqualTo(d.index());
            case Action.Continuous c -> {
                float[] a = ((Action.Continuous) actual.action()).values();
                for (int i = 0; i < a.length; i++) {
                    assertThat((double) a[i]).isCloseTo(c.values()[i], within(tolerance));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aBatchOfOneIsDecideBitForBit(Kind kind) {
        try (Agent agent = kind.make().get()) {
            for (int r = 0; r < 8; r++) {
                Agent.Decided[] one = agent.decideBatch(row(r), 1, true);
                assertThat(one).hasSize(1);
                assertBitForBit(one[0], agent.decide(row(r), true));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aBatchDecidesAsDecideDoesRowByRow(Kind kind) {
        try (Agent agent = kind.make().get()) {
            Agent.Decided[] all = agent.decideBatch(batch, ROWS, true);
            assertThat(all).hasSize(ROWS);
            for (int r = 0; r < ROWS; r++) {
                assertAgrees(all[r], agent.decide(row(r), true), 1e-5);
            }
            // The rows are really different observations: the batch is not one answer repeated.
            assertThat(Arrays.stream(all).mapToDouble(Agent.Decided::confidence).distinct().count()
                    + Arrays.stream(all).map(d -> d.action().toString()).distinct().count()).isGreaterThan(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void sampledBatchesDrawInTheOrderDecideWould(Kind kind) {
        try (Agent batched = kind.make().get(); Agent single = kind.make().get()) {
            Agent.Decided[] all = batched.decideBatch(batch, ROWS, false);
            for (int r = 0; r < ROWS; r++) {
                assertAgrees(all[r], single.decide(row(r), false), 1e-4);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void wrongLengthsAreRefusedNamingBothSizes(Kind kind) {
        try (Agent agent = kind.make().get()) {
            String algorithm = agent.algorithm();
            assertThatThrownBy(() -> agent.decideBatch(new float[2 * INPUTS - 1], 2, true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(algorithm + " model takes 2283 inputs per observation, so a batch of 2 needs 4566 floats, got 4565; "
                            + "lay the observations out row after row and pass their number as count");
            assertThatThrownBy(() -> agent.decideBatch(new float[0], -1, true)).hasMessage("count must be 0 or more, got -1");
            assertThat(agent.decideBatch(new float[0], 0, true)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void freshThreadsGetBitForBitWhatOneThreadGets(Kind kind) throws Exception {
        // Without NativeThreads.prepareCurrentThread the first product on each pool thread ran with the
        // matrix library's default thread count and differed in the last bits.
        try (Agent agent = kind.make().get()) {
            Agent.Decided[] expectedBatch = agent.decideBatch(batch, ROWS, true);
            Agent.Decided[] expectedRows = new Agent.Decided[ROWS];
            for (int r = 0; r < ROWS; r++) {
                expectedRows[r] = agent.decide(row(r), true);
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int offset = t;
                    work.add(pool.submit(() -> {
                        for (int k = 0; k < 3; k++) {
                            Agent.Decided[] got = agent.decideBatch(batch, ROWS, true);
                            for (int r = 0; r < ROWS; r++) {
                                assertBitForBit(got[r], expectedBatch[r]);
                            }
                            int r = (offset * 7 + k) % ROWS;
                            assertBitForBit(agent.decide(row(r), true), expectedRows[r]);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
