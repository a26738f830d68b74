package io.github.rltrading.agents.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;
import io.github.rltrading.env.trading.TradingEnv;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The window encoder: its output size, what it reads, what passes through, and its gradients. */
class WindowEncoderTest {

    static final int W = 8;
    static final int F = 5;
    static final int STATE = 3;
    /** Shared by the JUnit and the jqwik tests (two engines, no common after-all hook): freed when the JVM ends. */
    static final NDManager MANAGER = NDManager.newBaseManager("PyTorch");

    static List<EncoderConfig> encoders() {
        return List.of(EncoderConfig.conv(W, F, 6, 3).withStateSize(STATE),
                EncoderConfig.conv(W, F, 6, 3).withStateSize(STATE).withLayers(2),
                EncoderConfig.gru(W, F, 7).withStateSize(STATE));
    }

    /** An initialised encoder block, as an Mlp initialises it. */
    static WindowEncoder encoder(EncoderConfig config) {
        Engine.getEngine("PyTorch").setRandomSeed(7);
        WindowEncoder e = new WindowEncoder(config);
        e.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        e.initialize(MANAGER, DataType.FLOAT32, new Shape(1, config.observationSize()));
        return e;
    }

    static float[] encode(WindowEncoder e, float[] observation) {
        try (NDManager sub = MANAGER.newSubManager()) {
            NDArray x = sub.create(observation, new Shape(1, observation.length));
            return e.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow().toFloatArray();
        }
    }

    static float[] observation(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] o = new float[W * F + STATE];
        for (int i = 0; i < o.length; i++) {
            o[i] = (float) r.nextGaussian();
        }
        return o;
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void theOutputIsTheEncodingThenTheStateAndEveryWindowRowCounts(EncoderConfig config) {
        WindowEncoder e = encoder(config);
        float[] o = observation(1);
        float[] out = encode(e, o);
        assertThat(out).hasSize(config.channels() + STATE);
        assertThat(e.getOutputShapes(new Shape[] {new Shape(4, o.length)})[0]).isEqualTo(new Shape(4, config.channels() + STATE));
        assertThat(Arrays.copyOfRange(out, config.channels(), out.length)).containsExactly(Arrays.copyOfRange(o, W * F, o.length));
        // The oldest row's first value and the newest row's last value both change the encoding.
        for (int i : new int[] {0, W * F - 1}) {
            float[] changed = o.clone();
            changed[i] += 1.5f;
            float[] after = encode(e, changed);
            assertThat(Arrays.copyOf(after, config.channels())).as("value %d of the window", i)
                    .isNotEqualTo(Arrays.copyOf(out, config.channels()));
        }
    }

    @Property(tries = 40)
    void theStateBypassesTheEncoder(@ForAll @Size(STATE) List<@FloatRange(min = -100, max = 100) Float> state) {
        for (EncoderConfig config : encoders()) {
            WindowEncoder e = encoder(config);
            float[] o = observation(2);
            float[] before = encode(e, o);
            for (int k = 0; k < STATE; k++) {
                o[W * F + k] = state.get(k);
            }
            float[] after = encode(e, o);
            assertThat(Arrays.copyOf(after, config.channels())).containsExactly(Arrays.copyOf(before, config.channels()));
            for (int k = 0; k < STATE; k++) {
                assertThat(after[config.channels() + k]).isEqualTo(state.get(k));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void everyEncoderParameterGetsAGradientThroughTheMlp(EncoderConfig config) {
        Engine.getEngine("PyTorch").setRandomSeed(3);
        Mlp net = new Mlp(MANAGER, config.observationSize(), new int[] {16}, 2, "pi", false, config);
        List<Pair<String, Parameter>> encoderParameters = net.parameters().stream()
                .filter(p -> p.getKey().startsWith("pi.01WindowEncoder_")).toList();
        assertThat(encoderParameters).as("conv: weight and bias per layer; gru: 4 arrays per layer")
                .hasSize(config.kind() == EncoderConfig.Kind.GRU ? 4 * config.layers() : 2 * config.layers());
        try (NDManager sub = MANAGER.newSubManager()) {
            float[] batch = new float[4 * config.observationSize()];
            for (int b = 0; b < 4; b++) {
                System.arraycopy(observation(10 + b), 0, batch, b * config.observationSize(), config.observationSize());
            }
            NDArray x = sub.create(batch, new Shape(4, config.observationSize()));
            try (GradientCollector c = Engine.getEngine("PyTorch").newGradientCollector()) {
                c.backward(net.forward(x, true).square().sum());
            }
            for (Pair<String, Parameter> p : encoderParameters) {
                NDArray g = p.getValue().getArray().getGradient();
                assertThat(g.abs().sum().getFloat()).as(p.getKey()).isGreaterThan(0f);
                g.subi(g);
            }
        }
    }

    @Test
    void noEncoderLeavesTheMlpAndItsParameterNamesAsTheyWere() {
        Mlp plain = new Mlp(MANAGER, 10, new int[] {4}, 2, "pi");
        Mlp none = new Mlp(MANAGER, 10, new int[] {4}, 2, "pi", false, EncoderConfig.none());
        assertThat(none.parameters().stream().map(Pair::getKey).toList())
                .isEqualTo(plain.parameters().stream().map(Pair::getKey).toList())
                .containsExactly("pi.01Linear_weight", "pi.01Linear_bias", "pi.03Linear_weight", "pi.03Linear_bias");
    }

    @Test
    void theDefaultStateSizeIsTheTradingEnvironments() {
        assertThat(EncoderConfig.TRADING_ENV_STATE_SIZE).isEqualTo(TradingEnv.STATE_SIZE);
        assertThat(EncoderConfig.conv(32, 71, 32, 5).observationSize()).isEqualTo(32 * 71 + TradingEnv.STATE_SIZE);
    }

    @Test
    void sizesThatDoNotFitAreRefusedWithEveryNumber() {
        assertThatThrownBy(() -> EncoderConfig.gru(32, 71, 64).requireObservationSize(2284))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gru encoder reads window 32 × features 71 + state 11 = 2283 values, but the observation has 2284;"
                        + " set the encoder's window, features and state size to the environment's (TradingEnv: window rows"
                        + " of its feature columns, then 11 state values)");
        assertThatThrownBy(() -> EncoderConfig.conv(4, 3, 8, 3).withLayers(2))
                .hasMessage("conv encoder: window 4 is too short for 2 convolution(s) of kernel 3: it needs at least 5 rows;"
                        + " use a smaller kernel, fewer layers or a longer window");
        assertThatThrownBy(() -> EncoderConfig.gru(32, 71, 0))
                .hasMessage("gru encoder: channels must be >= 1 (the GRU's hidden size), got 0");
        assertThatThrownBy(() -> EncoderConfig.conv(32, 0, 16, 3))
                .hasMessage("conv encoder: features must be >= 1 (values per window row), got 0");
        assertThatThrownBy(() -> new WindowEncoder(EncoderConfig.none())).hasMessageContaining("encoder kind none has no block");
        EncoderConfig.none().requireObservationSize(4); // none reads anything
    }
}
