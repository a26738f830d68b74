package io.github.rltrading.agents.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-layer perceptron with tanh (Stable-Baselines3's default for PPO) or ReLU hidden layers
 * (SB3's default for DQN, SAC and TD3), owning its parameters in a manager; optionally preceded by a
 * {@link WindowEncoder} over the observation window. The layers are initialised as {@link Init}
 * says: DJL's Xavier weights with zero biases, or PyTorch's {@code nn.Linear} default, which is what
 * SB3's DQN and SAC networks start from.
 */
public final class Mlp {

    /** How the linear layers' weights and biases are drawn (the encoder's, if any, are always DJL's Xavier). */
    public enum Init {
        /**
         * DJL's {@code XavierInitializer()}: weights uniform in ±√(12 / (fan_in + fan_out)) (√2 times
         * Glorot's bound), biases zero. What PPO uses.
         */
        XAVIER,
        /**
         * PyTorch's default for {@code nn.Linear} ({@code kaiming_uniform_(a = √5)} for the weight,
         * which is uniform in ±1/√fan_in, and the bias uniform in ±1/√fan_in), which Stable-Baselines3's
         * DQN and SAC keep. For a [256, 256] network on 4 inputs the second and output layers start
         * 2.5 and 3.5 times narrower than under {@link #XAVIER}, the first 2.3 times wider, and the
         * biases are non-zero.
         */
        PYTORCH_LINEAR
    }

    private final SequentialBlock block;
    private final ParameterStore store;
    private final List<Pair<String, Parameter>> parameters;

    /**
     * @param manager the manager the parameters live in
     * @param inputs  input size
     * @param hidden  hidden layer sizes
     * @param outputs output size
     * @param prefix  a name prefix for the parameters (unique per network)
     */
    public Mlp(NDManager manager, int inputs, int[] hidden, int outputs, String prefix) {
        this(manager, inputs, hidden, outputs, prefix, false);
    }

    /** As above, with ReLU hidden layers when {@code relu} (SB3's choice for SAC and TD3). */
    public Mlp(NDManager manager, int inputs, int[] hidden, int outputs, String prefix, boolean relu) {
        this(manager, inputs, hidden, outputs, prefix, relu, EncoderConfig.none());
    }

    /**
     * As above, reading the observation window through a {@link WindowEncoder} first when
     * {@code encoder} is enabled. The encoder is part of this network: its parameters are in
     * {@link #parameters()} (named {@code prefix.01WindowEncoder_...}), initialised, trained and
     * saved with the layers'. With {@link EncoderConfig#none()} the network and its parameter names
     * are exactly those of the constructors without an encoder.
     */
    public Mlp(NDManager manager, int inputs, int[] hidden, int outputs, String prefix, boolean relu, EncoderConfig encoder) {
        this(manager, inputs, hidden, outputs, prefix, relu, encoder, Init.XAVIER);
    }

    /** As above, with the linear layers initialised as {@code init} says. */
    public Mlp(NDManager manager, int inputs, int[] hidden, int outputs, String prefix, boolean relu, EncoderConfig encoder,
            Init init) {
        block = new SequentialBlock();
        if (encoder.enabled()) {
            block.add(new WindowEncoder(encoder));
        }
        for (int h : hidden) {
            block.add(Linear.builder().setUnits(h).build());
            block.add(relu ? Activation.reluBlock() : Activation.tanhBlock());
        }
        block.add(Linear.builder().setUnits(outputs).build());
        block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
        if (init == Init.PYTORCH_LINEAR) {
            redrawAsPytorchLinear(manager);
        }
        store = new ParameterStore(manager, false);
        parameters = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            parameters.add(new Pair<>(prefix + "." + p.getKey(), p.getValue()));
        }
    }

    /**
     * Overwrites every linear layer's weight and bias with PyTorch's {@code nn.Linear} default,
     * uniform in ±1/√fan_in. Drawn from the engine's generator, so {@code Engine.setRandomSeed}
     * fixes them. Done after DJL's initialisation because only then is each layer's fan-in known
     * (after an encoder it is the encoder's output size).
     */
    private void redrawAsPytorchLinear(NDManager manager) {
        for (Pair<String, Block> child : block.getChildren()) {
            if (!(child.getValue() instanceof Linear layer)) {
                continue;
            }
            NDArray weight = layer.getParameters().get("weight").getArray();
            float bound = (float) (1.0 / Math.sqrt(weight.getShape().get(1)));
            for (Pair<String, Parameter> p : layer.getParameters()) {
                NDArray value = p.getValue().getArray();
                try (NDArray drawn = manager.randomUniform(-bound, bound, value.getShape(), value.getDataType(),
                        value.getDevice())) {
                    drawn.copyTo(value);
                }
            }
        }
    }

    /** Forward pass of a {@code [batch, inputs]} array. */
    public NDArray forward(NDArray input, boolean training) {
        return block.forward(store, new NDList(input), training).singletonOrThrow();
    }

    /** The parameters with unique ids, for optimisers. */
    public List<Pair<String, Parameter>> parameters() {
        return parameters;
    }
}
