package io.github.rltrading.agents.ppo;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.github.rltrading.agents.buffers.RolloutBuffer;
import io.github.rltrading.agents.nn.Mlp;
import io.github.rltrading.agents.nn.NativeThreads;
import io.github.rltrading.agents.training.TrainingCallback;
import io.github.rltrading.agents.training.TrainingProgress;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.ActionSpace;
import io.github.rltrading.core.spi.Environment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Proximal policy optimisation (Schulman et al. 2017) as Stable-Baselines3 implements it: separate
 * policy and value MLPs, GAE(λ) advantages, the clipped surrogate objective, value loss, entropy
 * bonus, per-minibatch advantage normalisation, gradient-norm clipping, Adam (ε 1e-5), and an
 * optional linear decay of the learning rate and clip range. Discrete actions use a categorical
 * distribution; continuous ones a diagonal Gaussian with a state-independent log standard deviation
 * (actions are clipped to the space's bounds when stepping, stored unclipped). With
 * {@link PpoConfig#encoder()} set, the policy and the value network each read the observation
 * window through their own {@link io.github.rltrading.agents.nn.WindowEncoder}.
 *
 * <p>Training is not thread-safe; {@link #decide} and {@link #decideBatch} are (they serialise).
 * The networks live on the device given to the constructor (the CPU by default; see
 * {@link io.github.rltrading.agents.nn.Devices}).
 */
public final class Ppo implements io.github.rltrading.agents.model.Agent {

    /** One progress report, after each rollout and update. */
    public record Progress(long steps, double stepsPerSecond, double meanEpisodeReturn, int episodes, double policyLoss,
            double valueLoss, double entropy) implements TrainingProgress {

        /** {@code policyLoss}, {@code valueLoss}, {@code entropy}. */
        @Override
        public Map<String, Double> statistics() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("policyLoss", policyLoss);
            m.put("valueLoss", valueLoss);
            m.put("entropy", entropy);
            return m;
        }
    }

    private final PpoConfig config;
    private final int obsSize;
    private final boolean discrete;
    private final int actionSize;
    private final int choices;
    private final float[] low;
    private final float[] high;
    private final ActionSpace actions;
    private final Device device;
    private final NDManager manager;
    private final Mlp policy;
    private final Mlp value;
    private final NDArray logStd;
    private final Optimizer optimizer;
    private final List<Pair<String, NDArray>> parameters = new ArrayList<>();
    private final SplittableRandom random;
    private double progressRemaining = 1.0;

    /** A new agent for environments with this observation size and action space, on the CPU. */
    public Ppo(PpoConfig config, int obsSize, ActionSpace actions) {
        this(config, obsSize, actions, Device.cpu());
    }

    /**
     * A new agent whose networks live on {@code device} ({@link io.github.rltrading.agents.nn.Devices#resolve}
     * turns {@code cpu}, {@code gpu} or {@code auto} into one).
     */
    public Ppo(PpoConfig config, int obsSize, ActionSpace actions, Device device) {
        this.config = Objects.requireNonNull(config, "config");
        this.device = Objects.requireNonNull(device, "device");
        this.obsSize = obsSize;
        config.encoder().requireObservationSize(obsSize); // before the manager: nothing to close
        this.actions = Objects.requireNonNull(actions, "actions");
        this.random = new SplittableRandom(config.seed());
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) config.seed());
        // The device is always explicit: the engine's default would be the first GPU of a CUDA build.
        this.manager = NDManager.newBaseManager(device, "PyTorch");
        if (actions instanceof ActionSpace.Discrete d) {
            discrete = true;
            choices = d.n();
            actionSize = 1;
            low = high = null;
        } else {
            ActionSpace.Box box = (ActionSpace.Box) actions;
            discrete = false;
            choices = 0;
            actionSize = box.dimension();
            low = box.low();
            high = box.high();
        }
        // Separate encoders for the policy and the value network, as the MLPs are separate: the value
        // loss does not shape the policy's features (SB3's share_features_extractor=False).
        policy = new Mlp(manager, obsSize, config.hidden(), discrete ? choices : actionSize, "pi", false, config.encoder());
        value = new Mlp(manager, obsSize, config.hidden(), 1, "vf", false, config.encoder());
        for (Pair<String, Parameter> p : policy.parameters()) {
            parameters.add(new Pair<>(p.getKey(), p.getValue().getArray()));
        }
        for (Pair<String, Parameter> p : value.parameters()) {
            parameters.add(new Pair<>(p.getKey(), p.getValue().getArray()));
        }
        if (discrete) {
            logStd = null;
        } else {
            logStd = manager.zeros(new Shape(actionSize));
            logStd.setRequiresGradient(true);
            parameters.add(new Pair<>("log_std", logStd));
        }
        optimizer = Optimizer.adam()
                .optLearningRateTracker((Tracker) numUpdate ->
                        (float) (config.learningRate() * (config.linearSchedule() ? progressRemaining : 1.0)))
                .optEpsilon(1e-5f).build();
    }

    /** Policy outputs (logits or means) and values for a batch of observations; no gradient. */
    private float[][] infer(float[] obs, int batch) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray o = sub.create(obs, new Shape(batch, obsSize));
            return new float[][] {policy.forward(o, false).toFloatArray(), value.forward(o, false).toFloatArray()};
        }
    }

    private float[] stdNow() {
        float[] s = logStd.toFloatArray();
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.exp(s[i]);
        }
        return s;
    }

    /** Samples (or picks, when deterministic) env {@code e}'s action into {@code out}; returns its log-probability. */
    private float sample(float[] out, int e, float[] std, float[] action, boolean deterministic) {
        if (discrete) {
            int base = e * choices;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < choices; k++) {
                max = Math.max(max, out[base + k]);
            }
            double sum = 0;
            for (int k = 0; k < choices; k++) {
                sum += Math.exp(out[base + k] - max);
            }
            int chosen = 0;
            if (deterministic) {
                for (int k = 1; k < choices; k++) {
                    if (out[base + k] > out[base + chosen]) {
                        chosen = k;
                    }
                }
            } else {
                double u = random.nextDouble() * sum;
                double acc = 0;
                for (int k = 0; k < choices; k++) {
                    acc += Math.exp(out[base + k] - max);
                    if (u < acc) {
                        chosen = k;
                        break;
                    }
                    chosen = k;
                }
            }
            action[e] = chosen;
            return (float) (out[base + chosen] - max - Math.log(sum));
        }
        double logp = 0;
        for (int k = 0; k < actionSize; k++) {
            double mean = out[e * actionSize + k];
            double a = deterministic ? mean : mean + std[k] * random.nextGaussian();
            action[e * actionSize + k] = (float) a;
            double z = (a - mean) / std[k];
            logp += -0.5 * z * z - Math.log(std[k]) - 0.5 * Math.log(2 * Math.PI);
        }
        return (float) logp;
    }

    private Action toAction(float[] action, int e) {
        if (discrete) {
            return Action.discrete((int) action[e]);
        }
        float[] a = new float[actionSize];
        for (int k = 0; k < actionSize; k++) {
            a[k] = Math.max(low[k], Math.min(high[k], action[e * actionSize + k]));
        }
        return Action.continuous(a);
    }

    /**
     * Trains for {@code totalSteps} environment steps over {@code nEnvs} environments made by
     * {@code envs} (each reset with a seed derived from the config's seed).
     *
     * @param progress called after every update; may be null
     */
    public Ppo learn(IntFunction<Environment> envs, long totalSteps, Consumer<Progress> progress) {
        return learnWith(envs, totalSteps, progress == null ? List.of() : List.of((agent, p) -> {
            progress.accept((Progress) p);
            return true;
        }));
    }

    /**
     * Trains as {@link #learn(IntFunction, long, Consumer)} does, calling {@code callbacks} in order
     * after every update (each gets a {@link Progress}); when one returns {@code false}, training
     * stops after that update.
     */
    public Ppo learn(IntFunction<Environment> envs, long totalSteps, TrainingCallback... callbacks) {
        return learnWith(envs, totalSteps, List.of(callbacks));
    }

    private Ppo learnWith(IntFunction<Environment> envs, long totalSteps, List<TrainingCallback> callbacks) {
        NativeThreads.prepareCurrentThread();
        int n = config.nEnvs();
        Environment[] env = new Environment[n];
        try {
            return rollouts(envs, env, totalSteps, callbacks);
        } finally {
            for (Environment e : env) {
                if (e != null) {
                    e.close();
                }
            }
        }
    }

    /** Collects rollouts into {@code env} (filled here, closed by the caller) and trains on each. */
    private Ppo rollouts(IntFunction<Environment> envs, Environment[] env, long totalSteps, List<TrainingCallback> callbacks) {
        int n = env.length;
        float[] obs = new float[n * obsSize];
        for (int e = 0; e < n; e++) {
            env[e] = envs.apply(e);
            System.arraycopy(env[e].reset(config.seed() * 1000 + e), 0, obs, e * obsSize, obsSize);
        }
        RolloutBuffer buffer = new RolloutBuffer(config.nSteps(), n, obsSize, actionSize);
        boolean[] episodeStarts = new boolean[n];
        java.util.Arrays.fill(episodeStarts, true);
        double[] episodeReturn = new double[n];
        java.util.ArrayDeque<Double> recent = new java.util.ArrayDeque<>();
        int episodes = 0;
        long steps = 0;
        long resets = n;
        long t0 = System.nanoTime();
        float[] action = new float[n * actionSize];
        float[] logp = new float[n];
        float[] rewards = new float[n];
        float[] values = new float[n];
        while (steps < totalSteps) {
            buffer.reset();
            progressRemaining = 1.0 - (double) steps / totalSteps;
            float[] std = discrete ? null : stdNow();
            for (int s = 0; s < config.nSteps(); s++) {
                float[][] out = infer(obs, n);
                for (int e = 0; e < n; e++) {
                    logp[e] = sample(out[0], e, std, action, false);
                    values[e] = out[1][e];
                }
                float[] stepObs = obs.clone();
                boolean[] starts = episodeStarts.clone();
                for (int e = 0; e < n; e++) {
                    Environment.Step st = env[e].step(toAction(action, e));
                    double r = st.reward();
                    episodeReturn[e] += r;
                    if (st.truncated() && !st.terminated()) {
                        // Bootstrap a time limit from the value of the final observation (as SB3 does).
                        r += config.gamma() * infer(st.observation(), 1)[1][0];
                    }
                    rewards[e] = (float) r;
                    if (st.done()) {
                        recent.addLast(episodeReturn[e]);
                        if (recent.size() > 100) {
                            recent.removeFirst();
                        }
                        episodes++;
                        episodeReturn[e] = 0;
                        System.arraycopy(env[e].reset(config.seed() * 1000 + resets++), 0, obs, e * obsSize, obsSize);
                    } else {
                        System.arraycopy(st.observation(), 0, obs, e * obsSize, obsSize);
                    }
                    episodeStarts[e] = st.done();
                }
                buffer.add(stepObs, action, rewards, starts, values, logp);
                steps += n;
            }
            float[] lastValues = infer(obs, n)[1];
            buffer.computeReturnsAndAdvantages(lastValues, episodeStarts, config.gamma(), config.gaeLambda());
            double[] losses = train(buffer);
            if (!callbacks.isEmpty()) {
                double mean = recent.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                Progress p = new Progress(steps, steps / ((System.nanoTime() - t0) / 1e9), mean, episodes, losses[0],
                        losses[1], losses[2]);
                if (!TrainingCallback.all(callbacks, this, p)) {
                    break;
                }
            }
        }
        return this;
    }

    /** Epochs of minibatch updates over a full buffer; returns mean policy loss, value loss, entropy. */
    private double[] train(RolloutBuffer buffer) {
        int size = buffer.size();
        int batch = Math.min(config.batchSize(), size);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        double clip = config.clipRange() * (config.linearSchedule() ? progressRemaining : 1.0);
        float[] obsMb = new float[batch * obsSize];
        float[] actMb = new float[batch * actionSize];
        float[] advMb = new float[batch];
        float[] retMb = new float[batch];
        float[] oldMb = new float[batch];
        double pgSum = 0;
        double vSum = 0;
        double entSum = 0;
        int updates = 0;
        Engine engine = Engine.getEngine("PyTorch");
        for (int epoch = 0; epoch < config.nEpochs(); epoch++) {
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int start = 0; start + batch <= size; start += batch) {
                double mean = 0;
                for (int b = 0; b < batch; b++) {
                    int i = order[start + b];
                    buffer.observation(i, obsMb, b * obsSize);
                    buffer.action(i, actMb, b * actionSize);
                    advMb[b] = buffer.advantage(i);
                    retMb[b] = buffer.returnOf(i);
                    oldMb[b] = buffer.logProb(i);
                    mean += advMb[b];
                }
                if (config.normalizeAdvantage() && batch > 1) {
                    mean /= batch;
                    double var = 0;
                    for (int b = 0; b < batch; b++) {
                        var += (advMb[b] - mean) * (advMb[b] - mean);
                    }
                    double sd = Math.sqrt(var / (batch - 1)); // torch's std() is the sample std
                    for (int b = 0; b < batch; b++) {
                        advMb[b] = (float) ((advMb[b] - mean) / (sd + 1e-8));
                    }
                }
                try (NDManager sub = manager.newSubManager()) {
                    NDArray o = sub.create(obsMb, new Shape(batch, obsSize));
                    NDArray adv = sub.create(advMb);
                    NDArray ret = sub.create(retMb);
                    NDArray old = sub.create(oldMb);
                    double[] parts;
                    try (GradientCollector collector = engine.newGradientCollector()) {
                        NDArray out = policy.forward(o, true);
                        NDArray v = value.forward(o, true).reshape(batch);
                        NDArray logProb;
                        NDArray entropy;
                        if (discrete) {
                            NDArray logits = out.logSoftmax(1);
                            int[] a = new int[batch];
                            for (int b = 0; b < batch; b++) {
                                a[b] = (int) actMb[b];
                            }
                            NDArray oneHot = sub.create(a).oneHot(choices).toType(DataType.FLOAT32, false);
                            logProb = logits.mul(oneHot).sum(new int[] {1});
                            entropy = logits.exp().mul(logits).sum(new int[] {1}).neg();
                        } else {
                            NDArray act = sub.create(actMb, new Shape(batch, actionSize));
                            NDArray z = act.sub(out).div(logStd.exp());
                            logProb = z.square().mul(-0.5f).sub(logStd).sub((float) (0.5 * Math.log(2 * Math.PI))).sum(new int[] {1});
                            entropy = logStd.add((float) (0.5 + 0.5 * Math.log(2 * Math.PI))).sum().broadcast(new Shape(batch));
                        }
                        NDArray ratio = logProb.sub(old).exp();
                        NDArray surrogate = adv.mul(ratio).minimum(adv.mul(ratio.clip((float) (1 - clip), (float) (1 + clip))));
                        NDArray policyLoss = surrogate.mean().neg();
                        NDArray valueLoss = ret.sub(v).square().mean();
                        NDArray entropyMean = entropy.mean();
                        // Float constants: a double scalar would promote these 0-dimensional losses to float64.
                        NDArray loss = policyLoss.add(entropyMean.neg().mul((float) config.entCoef()))
                                .add(valueLoss.mul((float) config.vfCoef()));
                        collector.backward(loss);
                        parts = new double[] {policyLoss.getFloat(), valueLoss.getFloat(), entropyMean.getFloat()};
                    }
                    step();
                    pgSum += parts[0];
                    vSum += parts[1];
                    entSum += parts[2];
                    updates++;
                }
            }
        }
        return new double[] {pgSum / updates, vSum / updates, entSum / updates};
    }

    /** Clips the gradients' global norm, applies Adam, and zeroes the gradients (DJL accumulates them). */
    private void step() {
        // A parameter's gradient handle and whatever is computed from it belong to the networks'
        // long-lived manager: each is closed here, or every minibatch leaks a network's worth of memory.
        double total = 0;
        for (Pair<String, NDArray> p : parameters) {
            try (NDArray g = p.getValue().getGradient(); NDArray squared = g.square(); NDArray sum = squared.sum()) {
                total += sum.getFloat();
            }
        }
        double norm = Math.sqrt(total);
        double scale = norm > config.maxGradNorm() ? config.maxGradNorm() / (norm + 1e-6) : 1.0;
        for (Pair<String, NDArray> p : parameters) {
            NDArray w = p.getValue();
            try (NDArray g = w.getGradient()) {
                if (scale != 1.0) {
                    g.muli(scale);
                }
                optimizer.update(p.getKey(), w, g);
                g.subi(g);
            }
        }
    }

    /** The action for one observation: sampled, or the most likely (the mean) when deterministic. */
    public Action act(float[] observation, boolean deterministic) {
        NativeThreads.prepareCurrentThread();
        float[] out = policyOutputs(observation, 1);
        float[] action = new float[actionSize];
        sample(out, 0, discrete ? null : stdNow(), action, deterministic);
        return toAction(action, 0);
    }

    @Override
    public String algorithm() {
        return "ppo";
    }

    @Override
    public int observationSize() {
        return obsSize;
    }

    @Override
    public ActionSpace actionSpace() {
        return actions;
    }

    @Override
    public synchronized Decided decide(float[] observation, boolean deterministic) {
        io.github.rltrading.agents.model.Agent.prepareDecide(this, observation);
        return decided(policyOutputs(observation, 1), 1, deterministic)[0];
    }

    @Override
    public synchronized Decided[] decideBatch(float[] observations, int count, boolean deterministic) {
        if (!io.github.rltrading.agents.model.Agent.prepareBatch(this, observations, count)) {
            return new Decided[0];
        }
        return decided(policyOutputs(observations, count), count, deterministic);
    }

    /** The policy network's outputs (logits or means) for {@code batch} observations: one forward pass, no value network. */
    private float[] policyOutputs(float[] obs, int batch) {
        try (NDManager sub = manager.newSubManager()) {
            return policy.forward(sub.create(obs, new Shape(batch, obsSize)), false).toFloatArray();
        }
    }

    /** Actions and confidences from the policy outputs of {@code count} rows, row by row (sampling in row order). */
    private Decided[] decided(float[] out, int count, boolean deterministic) {
        float[] std = discrete ? null : stdNow();
        double gaussian = discrete ? 0 : io.github.rltrading.agents.model.Agent.gaussianConfidence(std);
        float[] action = new float[count * actionSize];
        Decided[] result = new Decided[count];
        for (int e = 0; e < count; e++) {
            float logp = sample(out, e, std, action, deterministic);
            double confidence = discrete ? Math.exp(logp) : gaussian; // discrete: the probability of the chosen action
            result[e] = new Decided(toAction(action, e), Math.max(0, Math.min(1, confidence)));
        }
        return result;
    }

    /** The device the networks live on. */
    public Device device() {
        return device;
    }

    /** Every parameter by name, for saving: both networks and the log standard deviation. */
    List<Pair<String, NDArray>> namedParameters() {
        return parameters;
    }

    /**
     * Saves the networks and the configuration. Adam's moment estimates are not saved: a loaded
     * agent decides exactly as the saved one; training it further starts its optimiser afresh.
     */
    @Override
    public void save(java.nio.file.Path dir, io.github.rltrading.agents.model.ModelInfo info) {
        io.github.rltrading.agents.model.ModelStore.save(dir, this, config, info, parameters);
    }

    /**
     * Loads a PPO model saved by {@link #save}.
     *
     * @throws IllegalArgumentException when the directory holds no model, another algorithm, or
     *                                  parameters that do not fit
     */
    public static Ppo load(java.nio.file.Path dir) {
        return load(dir, Device.cpu());
    }

    /** Loads a PPO model saved by {@link #save} onto {@code device}. */
    public static Ppo load(java.nio.file.Path dir, Device device) {
        Objects.requireNonNull(device, "device");
        return io.github.rltrading.agents.model.ModelStore.load(dir, "ppo", PpoConfig.class,
                (config, obs, space) -> new Ppo(config, obs, space, device), a -> a.parameters);
    }

    /**
     * A warm start: the networks saved in {@code dir} in a new agent with other hyperparameters, to
     * train further (continuous learning searches the learning rate, entropy bonus and so on from
     * the production model's weights). The hidden sizes and the encoder must be the saved ones; the
     * optimiser starts afresh.
     *
     * @throws IllegalArgumentException when the directory holds no PPO model or the hidden sizes or
     *                                  the encoder differ
     */
    public static Ppo load(java.nio.file.Path dir, PpoConfig config) {
        Objects.requireNonNull(config, "config");
        return io.github.rltrading.agents.model.ModelStore.load(dir, "ppo", PpoConfig.class,
                (saved, obs, space) -> new Ppo(config, obs, space), a -> a.parameters);
    }

    /** Mean return of {@code episodes} deterministic episodes (seeds {@code seed}, {@code seed + 1}, ...). */
    public double evaluate(Environment env, int episodes, long seed) {
        double total = 0;
        for (int k = 0; k < episodes; k++) {
            float[] obs = env.reset(seed + k);
            Environment.Step st;
            do {
                st = env.step(act(obs, true));
                total += st.reward();
                obs = st.observation();
            } while (!st.done());
        }
        return total / episodes;
    }

    @Override
    public void close() {
        manager.close();
    }
}
