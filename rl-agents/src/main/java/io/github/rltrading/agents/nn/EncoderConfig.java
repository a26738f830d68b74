package io.github.rltrading.agents.nn;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * How a network reads the observation window before its MLP: not at all ({@link Kind#NONE}, the
 * observation goes to the MLP as it is), through 1-D convolutions over time ({@link Kind#CONV}), or
 * through a GRU over the rows ({@link Kind#GRU}). See {@link WindowEncoder}.
 *
 * <p>The observation must be laid out as {@code TradingEnv} lays it out: {@code window} rows of
 * {@code features} values, row after row, oldest first, then {@code stateSize} values of the
 * agent's own state, which bypass the encoder.
 *
 * <pre>{@code
 * PpoConfig config = PpoConfig.defaults().withEncoder(EncoderConfig.conv(32, 71, 32, 5));
 * try (Ppo ppo = new Ppo(config, 32 * 71 + 11, ActionSpace.discrete(3))) { ... }
 * }</pre>
 *
 * @param kind      none, conv or gru
 * @param window    rows in the window (W)
 * @param features  values per row (F)
 * @param stateSize values after the window that bypass the encoder (11 in {@code TradingEnv})
 * @param channels  output channels of each convolution, or the GRU's hidden size: the encoder's
 *                  output size
 * @param kernel    the convolutions' kernel size in rows (conv only; 0 for gru)
 * @param layers    stacked convolutions or GRU layers
 */
public record EncoderConfig(Kind kind, int window, int features, int stateSize, int channels, int kernel, int layers) {

    /**
     * Agent-state values after the window in {@code io.github.rltrading.env.trading.TradingEnv}
     * ({@code TradingEnv.STATE_SIZE}; this module does not depend on rl-env, a test keeps them equal).
     */
    public static final int TRADING_ENV_STATE_SIZE = 11;

    /** The encoder kinds; in JSON {@code none}, {@code conv}, {@code gru}. */
    public enum Kind {
        /** No encoder: the MLP sees the observation as it is. */
        @JsonProperty("none") NONE,
        /** 1-D convolutions over time with ReLU, then the average over time. */
        @JsonProperty("conv") CONV,
        /** A GRU over the rows, oldest first; its last hidden state. */
        @JsonProperty("gru") GRU
    }

    private static final EncoderConfig NONE = new EncoderConfig(Kind.NONE, 0, 0, 0, 0, 0, 0);

    /** Validates the sizes of a conv or gru encoder, naming the field, the value and the fix. */
    public EncoderConfig {
        Objects.requireNonNull(kind, "kind (none, conv or gru)");
        if (kind != Kind.NONE) {
            String what = kind.name().toLowerCase(java.util.Locale.ROOT) + " encoder: ";
            positive(what, "window", window, "rows of the observation window");
            positive(what, "features", features, "values per window row");
            positive(what, "channels", channels, kind == Kind.GRU ? "the GRU's hidden size" : "output channels");
            positive(what, "layers", layers, "stacked layers");
            if (stateSize < 0) {
                throw new IllegalArgumentException(what + "stateSize must be >= 0 values after the window, got " + stateSize);
            }
            if (kind == Kind.CONV) {
                positive(what, "kernel", kernel, "rows per convolution");
                int needed = layers * (kernel - 1) + 1;
                if (window < needed) {
                    throw new IllegalArgumentException(what + "window " + window + " is too short for " + layers
                            + " convolution(s) of kernel " + kernel + ": it needs at least " + needed
                            + " rows; use a smaller kernel, fewer layers or a longer window");
                }
            }
        }
    }

    private static void positive(String what, String field, int value, String meaning) {
        if (value < 1) {
            throw new IllegalArgumentException(what + field + " must be >= 1 (" + meaning + "), got " + value);
        }
    }

    /** No encoder (the default): the observation goes to the MLP unchanged. */
    public static EncoderConfig none() {
        return NONE;
    }

    /**
     * One 1-D convolution over the {@code window} rows with {@code features} input channels, then
     * ReLU and the average over time; {@link #TRADING_ENV_STATE_SIZE} state values follow the window.
     */
    public static EncoderConfig conv(int window, int features, int channels, int kernel) {
        return new EncoderConfig(Kind.CONV, window, features, TRADING_ENV_STATE_SIZE, channels, kernel, 1);
    }

    /**
     * A one-layer GRU of {@code hidden} units over the {@code window} rows of {@code features}
     * values, oldest first; {@link #TRADING_ENV_STATE_SIZE} state values follow the window.
     */
    public static EncoderConfig gru(int window, int features, int hidden) {
        return new EncoderConfig(Kind.GRU, window, features, TRADING_ENV_STATE_SIZE, hidden, 0, 1);
    }

    /** The same encoder for observations with {@code value} state values after the window. */
    public EncoderConfig withStateSize(int value) {
        return new EncoderConfig(kind, window, features, value, channels, kernel, layers);
    }

    /** The same encoder with {@code value} stacked convolutions or GRU layers. */
    public EncoderConfig withLayers(int value) {
        return new EncoderConfig(kind, window, features, stateSize, channels, kernel, value);
    }

    /** Whether there is an encoder ({@code kind != NONE}). */
    public boolean enabled() {
        return kind != Kind.NONE;
    }

    /** Observation size this encoder reads: {@code window × features + stateSize} (unchecked for none). */
    public int observationSize() {
        return window * features + stateSize;
    }

    /**
     * Checks that an agent's observation size is {@code window × features + stateSize}.
     *
     * @throws IllegalArgumentException naming every number and the fix
     */
    public void requireObservationSize(int observationSize) {
        if (enabled() && observationSize != observationSize()) {
            throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT) + " encoder reads window "
                    + window + " × features " + features + " + state " + stateSize + " = " + observationSize()
                    + " values, but the observation has " + observationSize + "; set the encoder's window, features"
                    + " and state size to the environment's (TradingEnv: window rows of its feature columns, then "
                    + TRADING_ENV_STATE_SIZE + " state values)");
        }
    }
}
