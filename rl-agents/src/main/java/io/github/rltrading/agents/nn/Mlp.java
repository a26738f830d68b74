package io.github.rltrading.agents.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-layer perceptron with tanh (Stable-Baselines3's default for PPO) or ReLU hidden layers,
 * initialised with Xavier weights, owning its parameters in a manager; optionally preceded by a
 * {@link WindowEncoder} over the observation window.
 */
public final class Mlp {

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
        store = new ParameterStore(manager, false);
        parameters = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            parameters.add(new Pair<>(prefix + "." + p.getKey(), p.getValue()));
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
