package io.github.rltrading.agents.sac;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.github.rltrading.agents.buffers.ReplayBuffer;
import io.github.rltrading.agents.nn.EncoderConfig;
import io.github.rltrading.agents.nn.Mlp;
import io.github.rltrading.agents.nn.NativeThreads;
import io.github.rltrading.agents.training.TrainingCallback;
import io.github.rltrading.agents.training.TrainingProgress;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.ActionSpace;
import io.github.rltrading.core.spi.Environment;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Soft actor-critic (Haarnoja et al. 2018) as Stable-Baselines3 trains it: a tanh-squashed
 * Gaussian actor (state-dependent log-std clipped to [-20, 2]) with actions rescaled to the space's
 * bounds, twin critics with Polyak-averaged targets, automatic entropy tuning towards an entropy of
 * −dim(A), uniform random actions before {@code learningStarts}, one gradient step per environment
 * step, ReLU networks starting from PyTorch's {@code nn.Linear} initialisation. Time limits do not
 * count as terminal. Training is not thread-safe; {@link #decide} and {@link #decideBatch} are (they
 * serialise).
 */
public final class Sac implements io.github.rltrading.agents.model.Agent {

    /** One progress report. */
    public record Progress(long steps, double stepsPerSecond, double meanEpisodeReturn, int episodes, double alpha,
            double criticLoss, double actorLoss) implements TrainingProgress {

        /** {@code criticLoss}, {@code actorLoss}, {@code alpha} (the entropy coefficient). */
        @Override
        public Map<String, Double> statistics() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("criticLoss", criticLoss);
            m.put("actorLoss", actorLoss);
            m.put("alpha", alpha);
            return m;
        }
    }

    private static final double LOG_STD_MIN = -20;
    private static final double LOG_STD_MAX = 2;

    private final SacConfig config;
    private final int obsSize;
    private final int actSize;
    private final float[] low;
    private final float[] high;
    private final ActionSpace actions;
    private final Device device;
    private final NDManager manager;
    private final Mlp actor;
    private final Mlp q1;
    private final Mlp q2;
    private final Mlp q1Target;
    private final Mlp q2Target;
    private final NDArray logAlpha;
    private final Optimizer actorOptimizer;
    private final Optimizer criticOptimizer;
    private final Optimizer alphaOptimizer;
    private final SplittableRandom random;
    private final double targetEntropy;

    /** A new agent on the CPU. */
    public Sac(SacConfig config, int obsSize, ActionSpace actions) {
        this(config, obsSize, actions, Device.cpu());
    }

    /** A new agent whose networks live on {@code device} (see {@link io.github.rltrading.agents.nn.Devices}). */
    public Sac(SacConfig config, int obsSize, ActionSpace actions, Device device) {
        this.config = Objects.requireNonNull(config, "config");
        this.device = Objects.requireNonNull(device, "device");
        if (!(actions instanceof ActionSpace.Box box)) {
            throw new IllegalArgumentException("SAC needs a continuous (box) action space, got " + actions
                    + "; use DQN or PPO for discrete actions");
        }
        this.obsSize = obsSize;
        config.encoder().requireObservationSize(obsSize); // before the manager: nothing to close
        this.actions = actions;
        this.actSize = box.dimension();
        this.low = box.low();
        this.high = box.high();
        this.random = new SplittableRandom(config.seed());
        this.targetEntropy = -actSize;
        Engine.getEngine("PyTorch").setRandomSeed((int) config.seed());
        // Always explicit: the engine's default device would be the first GPU of a CUDA build.
        manager = NDManager.newBaseManager(device, "PyTorch");
        // One encoder per network. A critic's input is the observation then the action: the encoder
        // reads the window and passes the state and the action through to the MLP.
        EncoderConfig encoder = config.encoder();
        // PyTorch's nn.Linear initialisation, as SB3's actor and critics have (see Mlp.Init).
        Mlp.Init init = Mlp.Init.PYTORCH_LINEAR;
        actor = new Mlp(manager, obsSize, config.hidden(), 2 * actSize, "actor", true, encoder, init);
        q1 = new Mlp(manager, obsSize + actSize, config.hidden(), 1, "q1", true, encoder, init);
        q2 = new Mlp(manager, obsSize + actSize, config.hidden(), 1, "q2", true, encoder, init);
        q1Target = new Mlp(manager, obsSize + actSize, config.hidden(), 1, "q1_target", true, encoder, init);
        q2Target = new Mlp(manager, obsSize + actSize, config.hidden(), 1, "q2_target", true, encoder, init);
        polyak(q1, q1Target, 1.0);
        polyak(q2, q2Target, 1.0);
        logAlpha = manager.zeros(new Shape(1));
        Tracker lr = Tracker.fixed((float) config.learningRate());
        actorOptimizer = Optimizer.adam().optLearningRateTracker(lr).build();
        criticOptimizer = Optimizer.adam().optLearningRateTracker(lr).build();
        alphaOptimizer = Optimizer.adam().optLearningRateTracker(lr).build();
    }

    private static void polyak(Mlp from, Mlp to, double tau) {
        List<Pair<String, Parameter>> f = from.parameters();
        List<Pair<String, Parameter>> t = to.parameters();
        for (int i = 0; i < f.size(); i++) {
            NDArray target = t.get(i).getValue().getArray();
            NDArray source = f.get(i).getValue().getArray();
            if (tau >= 1.0) {
                source.copyTo(target);
            } else {
                // The scaled copy lands in the networks' long-lived manager: close it, or every
                // gradient step leaks one critic's worth of native memory (about 10 GB by 20,000 steps).
                try (NDArray scaled = source.mul((float) tau)) {
                    target.muli((float) (1 - tau)).addi(scaled);
                }
            }
        }
    }

    /** Squashed actions in [-1, 1] and their log-probabilities for a batch; {@code noise} of batch × actSize. */
    private NDArray[] policy(NDArray obs, NDArray noise, boolean training) {
        NDArray out = actor.forward(obs, training);
        NDArray mean = out.get(":, 0:" + actSize);
        NDArray logStd = out.get(":, " + actSize + ":").clip((float) LOG_STD_MIN, (float) LOG_STD_MAX);
        NDArray std = logStd.exp();
        NDArray x = mean.add(std.mul(noise));
        NDArray a = x.tanh();
        // Gaussian log-density of x, minus the tanh change of variables.
        NDArray logProb = noise.square().mul(-0.5f).sub(logStd).sub((float) (0.5 * Math.log(2 * Math.PI))).sum(new int[] {1})
                .sub(a.square().neg().add(1f + 1e-6f).log().sum(new int[] {1}));
        return new NDArray[] {a, logProb};
    }

    private NDArray minQ(Mlp a, Mlp b, NDArray obs, NDArray act, boolean training) {
        NDArray in = obs.concat(act, 1);
        return a.forward(in, training).minimum(b.forward(in, training)).reshape(-1);
    }

    private float[] noise(int n) {
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }

    private float[] scale(float[] squashed) {
        float[] a = new float[actSize];
        for (int k = 0; k < actSize; k++) {
            a[k] = low[k] + (squashed[k] + 1f) * 0.5f * (high[k] - low[k]);
        }
        return a;
    }

    /** The action for one observation: sampled, or tanh of the mean when deterministic, in the space's bounds. */
    public Action act(float[] observation, boolean deterministic) {
        NativeThreads.prepareCurrentThread();
        try (NDManager sub = manager.newSubManager()) {
            NDArray o = sub.create(observation, new Shape(1, obsSize));
            NDArray z = deterministic ? sub.zeros(new Shape(1, actSize)) : sub.create(noise(actSize), new Shape(1, actSize));
            return Action.continuous(scale(policy(o, z, false)[0].toFloatArray()));
        }
    }

    @Override
    public String algorithm() {
        return "sac";
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
        return decided(actorOutputs(observation, 1), 0, deterministic);
    }

    @Override
    public synchronized Decided[] decideBatch(float[] observations, int count, boolean deterministic) {
        if (!io.github.rltrading.agents.model.Agent.prepareBatch(this, observations, count)) {
            return new Decided[0];
        }
        float[] out = actorOutputs(observations, count);
        Decided[] result = new Decided[count];
        for (int row = 0; row < count; row++) {
            result[row] = decided(out, row, deterministic);
        }
        return result;
    }

    /** The actor's outputs (means, then log standard deviations) for {@code batch} observations: one forward pass. */
    private float[] actorOutputs(float[] obs, int batch) {
        try (NDManager sub = manager.newSubManager()) {
            return actor.forward(sub.create(obs, new Shape(batch, obsSize)), false).toFloatArray();
        }
    }

    /**
     * Row {@code row}'s action: tanh of the mean (or of a sample) scaled to the bounds, and the
     * Gaussian confidence. Computed here rather than with array operations so that a row's result
     * does not depend on the rows around it (vectorised element-wise kernels treat a batch's tail
     * differently).
     */
    private Decided decided(float[] out, int row, boolean deterministic) {
        int base = row * 2 * actSize;
        float[] squashed = new float[actSize];
        float[] std = new float[actSize];
        for (int k = 0; k < actSize; k++) {
            float mean = out[base + k];
            float logStd = Math.max((float) LOG_STD_MIN, Math.min((float) LOG_STD_MAX, out[base + actSize + k]));
            std[k] = (float) Math.exp(logStd);
            float x = deterministic ? mean : mean + std[k] * (float) random.nextGaussian();
            squashed[k] = (float) Math.tanh(x);
        }
        return new Decided(Action.continuous(scale(squashed)), io.github.rltrading.agents.model.Agent.gaussianConfidence(std));
    }

    /** The device the networks live on. */
    public Device device() {
        return device;
    }

    /** Every parameter by name: actor, both critics and their targets, and the entropy coefficient. */
    private List<Pair<String, NDArray>> namedParameters() {
        List<Pair<String, NDArray>> all = new java.util.ArrayList<>();
        for (Mlp net : new Mlp[] {actor, q1, q2, q1Target, q2Target}) {
            for (Pair<String, Parameter> p : net.parameters()) {
                all.add(new Pair<>(p.getKey(), p.getValue().getArray()));
            }
        }
        all.add(new Pair<>("log_alpha", logAlpha));
        return all;
    }

    /** Saves the networks, targets and entropy coefficient (not the optimisers' moments). */
    @Override
    public void save(java.nio.file.Path dir, io.github.rltrading.agents.model.ModelInfo info) {
        io.github.rltrading.agents.model.ModelStore.save(dir, this, config, info, namedParameters());
    }

    /** Loads a SAC model saved by {@link #save}. */
    public static Sac load(java.nio.file.Path dir) {
        return load(dir, Device.cpu());
    }

    /** Loads a SAC model saved by {@link #save} onto {@code device}. */
    public static Sac load(java.nio.file.Path dir, Device device) {
        Objects.requireNonNull(device, "device");
        return io.github.rltrading.agents.model.ModelStore.load(dir, "sac", SacConfig.class,
                (config, obs, space) -> new Sac(config, obs, space, device), Sac::namedParameters);
    }

    /**
     * Trains for {@code totalSteps} steps of one environment.
     *
     * @param progress called at the end of every episode; may be null
     */
    public Sac learn(Environment env, long totalSteps, Consumer<Progress> progress) {
        return learnWith(env, totalSteps, progress, List.of());
    }

    /**
     * Trains for {@code totalSteps} steps of one environment, calling {@code callbacks} in order after
     * every gradient step (one per environment step once {@code learningStarts} have passed; each
     * gets a {@link Progress}); when one returns {@code false}, training stops after that step.
     */
    public Sac learn(Environment env, long totalSteps, TrainingCallback... callbacks) {
        return learnWith(env, totalSteps, null, List.of(callbacks));
    }

    private Sac learnWith(Environment env, long totalSteps, Consumer<Progress> progress, List<TrainingCallback> callbacks) {
        NativeThreads.prepareCurrentThread();
        try {
            return steps(env, totalSteps, progress, callbacks);
        } finally {
            env.close();
        }
    }

    private Sac steps(Environment env, long totalSteps, Consumer<Progress> progress, List<TrainingCallback> callbacks) {
        ReplayBuffer buffer = new ReplayBuffer((int) Math.min(config.bufferSize(), totalSteps), obsSize, actSize);
        float[] obs = env.reset(config.seed() * 1000);
        long resets = 1;
        double episodeReturn = 0;
        ArrayDeque<Double> recent = new ArrayDeque<>();
        int episodes = 0;
        long t0 = System.nanoTime();
        int batch = config.batchSize();
        float[] bObs = new float[batch * obsSize];
        float[] bNext = new float[batch * obsSize];
        float[] bAct = new float[batch * actSize];
        float[] bRew = new float[batch];
        boolean[] bDone = new boolean[batch];
        double[] losses = {Double.NaN, Double.NaN};
        for (long step = 1; step <= totalSteps; step++) {
            float[] squashed = new float[actSize];
            if (step <= config.learningStarts()) {
                for (int k = 0; k < actSize; k++) {
                    squashed[k] = (float) random.nextDouble(-1, 1);
                }
            } else {
                try (NDManager sub = manager.newSubManager()) {
                    NDArray o = sub.create(obs, new Shape(1, obsSize));
                    squashed = policy(o, sub.create(noise(actSize), new Shape(1, actSize)), false)[0].toFloatArray();
                }
            }
            Environment.Step st = env.step(Action.continuous(scale(squashed)));
            episodeReturn += st.reward();
            buffer.add(obs, 0, squashed, 0, (float) st.reward(), st.observation(), 0, st.terminated());
            if (st.done()) {
                recent.addLast(episodeReturn);
                if (recent.size() > 100) {
                    recent.removeFirst();
                }
                episodes++;
                episodeReturn = 0;
                obs = env.reset(config.seed() * 1000 + resets++);
                if (progress != null) {
                    double mean = recent.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                    progress.accept(new Progress(step, step / ((System.nanoTime() - t0) / 1e9), mean, episodes,
                            Math.exp(logAlpha.getFloat(0)), losses[0], losses[1]));
                }
            } else {
                obs = st.observation();
            }
            if (step > config.learningStarts()) {
                buffer.sample(random, batch, bObs, bAct, bRew, bNext, bDone);
                losses = update(bObs, bAct, bRew, bNext, bDone);
                if (!callbacks.isEmpty()) {
                    double mean = recent.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                    Progress p = new Progress(step, step / ((System.nanoTime() - t0) / 1e9), mean, episodes,
                            Math.exp(logAlpha.getFloat(0)), losses[0], losses[1]);
                    if (!TrainingCallback.all(callbacks, this, p)) {
                        break;
                    }
                }
            }
        }
        return this;
    }

    private double[] update(float[] obs, float[] act, float[] rew, float[] next, boolean[] done) {
        int batch = rew.length;
        Engine engine = Engine.getEngine("PyTorch");
        double alpha = Math.exp(logAlpha.getFloat(0));
        try (NDManager sub = manager.newSubManager()) {
            NDArray o = sub.create(obs, new Shape(batch, obsSize));
            NDArray a = sub.create(act, new Shape(batch, actSize));
            NDArray n = sub.create(next, new Shape(batch, obsSize));
            // Target: r + γ (1 − done) (min Q_target(s', a') − α log π(a'|s')), no gradient.
            NDArray[] nextPi = policy(n, sub.create(noise(batch * actSize), new Shape(batch, actSize)), false);
            float[] nextQ = minQ(q1Target, q2Target, n, nextPi[0], false).sub(nextPi[1].mul((float) alpha)).toFloatArray();
            float[] y = new float[batch];
            for (int b = 0; b < batch; b++) {
                y[b] = (float) (rew[b] + (done[b] ? 0 : config.gamma() * nextQ[b]));
            }
            NDArray target = sub.create(y);
            double criticLoss;
            try (GradientCollector c = engine.newGradientCollector()) {
                NDArray in = o.concat(a, 1);
                NDArray l1 = q1.forward(in, true).reshape(-1).sub(target).square().mean();
                NDArray l2 = q2.forward(in, true).reshape(-1).sub(target).square().mean();
                NDArray loss = l1.add(l2).mul(0.5f);
                c.backward(loss);
                criticLoss = loss.getFloat();
            }
            step(criticOptimizer, q1);
            step(criticOptimizer, q2);
            double actorLoss;
            float[] logProbs;
            try (GradientCollector c = engine.newGradientCollector()) {
                NDArray[] pi = policy(o, sub.create(noise(batch * actSize), new Shape(batch, actSize)), true);
                NDArray qPi = minQ(q1, q2, o, pi[0], true);
                NDArray loss = pi[1].mul((float) alpha).sub(qPi).mean();
                c.backward(loss);
                actorLoss = loss.getFloat();
                logProbs = pi[1].toFloatArray();
            }
            step(actorOptimizer, actor);
            zero(q1);
            zero(q2);
            // Entropy coefficient: loss = −log α · mean(log π + target entropy), so d/d(log α) = −mean(...).
            double mean = 0;
            for (float lp : logProbs) {
                mean += lp + targetEntropy;
            }
            mean /= batch;
            alphaOptimizer.update("log_alpha", logAlpha, sub.create(new float[] {(float) -mean}));
            polyak(q1, q1Target, config.tau());
            polyak(q2, q2Target, config.tau());
            return new double[] {criticLoss, actorLoss};
        }
    }

    /** Applies {@code optimizer} to {@code net} and zeroes its gradients (DJL accumulates them). */
    private static void step(Optimizer optimizer, Mlp net) {
        for (Pair<String, Parameter> p : net.parameters()) {
            NDArray w = p.getValue().getArray();
            // The gradient handle belongs to the network's long-lived manager: close it, or it leaks.
            try (NDArray g = w.getGradient()) {
                optimizer.update(p.getKey(), w, g);
                g.subi(g);
            }
        }
    }

    private static void zero(Mlp net) {
        for (Pair<String, Parameter> p : net.parameters()) {
            try (NDArray g = p.getValue().getArray().getGradient()) {
                g.subi(g);
            }
        }
    }

    /** Mean return of {@code episodes} deterministic episodes. */
    public double evaluate(Environment env, int episodes, long seed) {
        double total = 0;
        for (int k = 0; k < episodes; k++) {
            float[] o = env.reset(seed + k);
            Environment.Step st;
            do {
                st = env.step(act(o, true));
                total += st.reward();
                o = st.observation();
            } while (!st.done());
        }
        return total / episodes;
    }

    @Override
    public void close() {
        manager.close();
    }
}
