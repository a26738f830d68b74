package io.github.rltrading.agents.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A DJL block that reads the observation window: each input row of {@code [batch, n]} is split into
 * the first {@code window × features} values (the window, oldest row first) and the rest (the
 * agent's state, and for a critic the action), which passes through unchanged. The window becomes
 * {@code channels} values:
 *
 * <ul>
 *   <li><b>conv</b>: {@code layers} 1-D convolutions over time (input channels = the features,
 *       {@code channels} filters of {@code kernel} rows, no padding), each followed by ReLU, then the
 *       average over the remaining time steps;
 *   <li><b>gru</b>: a GRU of {@code channels} units ({@code layers} stacked) over the rows, oldest
 *       first; its last hidden state.
 * </ul>
 *
 * <p>Output: {@code [batch, channels + n − window × features]}, the encoding then the passed-through
 * values. The block is the first child of an {@link Mlp}'s sequence, so its parameters are
 * initialised (Xavier weights, zero biases), trained and saved by name with the MLP's.
 *
 * <p>Both kinds run PyTorch's own kernels ({@code conv1d}, {@code gru}) through DJL's
 * {@link Conv1d} and {@link GRU} blocks, rather than a loop of NDArray operations per row: one native
 * call per layer, forward and backward.
 */
public final class WindowEncoder extends AbstractBlock {

    private final EncoderConfig config;
    private final List<Block> convolutions = new ArrayList<>();
    private final GRU gru;

    /**
     * @param config a conv or gru encoder
     * @throws IllegalArgumentException for {@link EncoderConfig.Kind#NONE}, which has no block
     */
    public WindowEncoder(EncoderConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        switch (config.kind()) {
            case NONE -> throw new IllegalArgumentException("encoder kind none has no block: build the Mlp without an"
                    + " encoder (EncoderConfig.none()), or choose EncoderConfig.conv(...) or EncoderConfig.gru(...)");
            case CONV -> {
                for (int l = 0; l < config.layers(); l++) {
                    convolutions.add(addChildBlock("conv",
                            Conv1d.builder().setKernelShape(new Shape(config.kernel())).setFilters(config.channels()).build()));
                }
                gru = null;
            }
            default -> gru = addChildBlock("gru", GRU.builder().setStateSize(config.channels()).setNumLayers(config.layers())
                    .optBatchFirst(true).build());
        }
    }

    /** The configuration this block was built from. */
    public EncoderConfig config() {
        return config;
    }

    private int windowValues() {
        return config.window() * config.features();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long batch = x.getShape().get(0);
        long passed = x.getShape().get(1) - windowValues();
        NDArray rows = x.get(":, 0:" + windowValues()).reshape(batch, config.window(), config.features());
        NDArray encoded;
        if (gru == null) {
            NDArray h = rows.transpose(0, 2, 1); // Conv1d reads [batch, channels, time]: the features are the channels
            for (Block conv : convolutions) {
                h = Activation.relu(conv.forward(store, new NDList(h), training).singletonOrThrow());
            }
            encoded = h.mean(new int[] {2});
        } else {
            // [batch, time, hidden]; the last step's output of the top layer is its last hidden state.
            NDArray out = gru.forward(store, new NDList(rows), training).head();
            encoded = out.get(":, " + (config.window() - 1) + ", :");
        }
        if (passed == 0) {
            return new NDList(encoded);
        }
        return new NDList(encoded.concat(x.get(":, " + windowValues() + ":"), 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), config.channels() + in.get(1) - windowValues())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        if (inputShapes[0].get(1) < windowValues()) {
            throw new IllegalArgumentException(config.kind().name().toLowerCase(java.util.Locale.ROOT) + " encoder reads window "
                    + config.window() + " × features " + config.features() + " = " + windowValues()
                    + " values, but the input has only " + inputShapes[0].get(1));
        }
        if (gru == null) {
            Shape s = new Shape(batch, config.features(), config.window());
            for (Block conv : convolutions) {
                conv.initialize(manager, dataType, s);
                s = conv.getOutputShapes(new Shape[] {s})[0];
            }
        } else {
            gru.initialize(manager, dataType, new Shape(batch, config.window(), config.features()));
        }
    }
}
