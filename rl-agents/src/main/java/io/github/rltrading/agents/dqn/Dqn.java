package io.github.rltrading.agents.dqn;

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
 * DQN as Stable-Baselines3 trains it: a ReLU Q-network with PyTorch's {@code nn.Linear}
 * initialisation, ε-greedy exploration falling linearly, a replay buffer, {@code gradientSteps}
 * Huber-loss updates every {@code trainFreq} steps, global gradient-norm clipping, Adam, and a hard
 * copy to the target network every {@code targetUpdateInterval} steps. The target is
 * {@code r + γ·(1 − terminated)·max_a Q_target(s', a)}, or with {@link DqnConfig#doubleQ()} double
 * DQN's (van Hasselt et al. 2016) {@code Q_target(s', argmax_a Q(s', a))}; time limits do not count as
 * terminal. Discrete actions only. Training is not thread-safe; {@link #decide} and
 * {@link #decideBatch} are (they serialise).
 */
public final class Dqn implements io.github.rltrading.agents.model.Agent {

    /** One progress report, after each training round. */
    public record Progress(long steps, double stepsPerSecond, double meanEpisodeReturn, int episodes, double epsilon,
            double loss) implements TrainingProgress {

        /** {@code loss} (the round's mean Huber loss), {@code epsilon}. */
        @Override
        public Map<String, Double> statistics() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("loss", loss);
            m.put("epsilon", epsilon);
            return m;
        }
    }

    private final DqnConfig config;
    private final int obsSize;
    private final int choices;
    private final ActionSpace actions;
    private final Device device;
    private final NDManager manager;
    private final Mlp online;
    private final Mlp target;
    private final Optimizer optimizer;
    private final SplittableRandom random;

    /** A new agent on the CPU. */
    public Dqn(DqnConfig config, int obsSize, ActionSpace actions) {
        this(config, obsSize, actions, Device.cpu());
    }

    /** A new agent whose networks live on {@code device} (see {@link io.github.rltrading.agents.nn.Devices}). */
    public Dqn(DqnConfig config, int obsSize, ActionSpace actions, Device device) {
        this.config = Objects.requireNonNull(config, "config");
        this.device = Objects.requireNonNull(device, "device");
        if (!(actions instanceof ActionSpace.Discrete d)) {
            throw new IllegalArgumentException("DQN needs a discrete action space, got " + actions + "; use PPO or SAC for continuous actions");
        }
        this.obsSize = obsSize;
        config.encoder().requireObservationSize(obsSize); // before the manager: nothing to close
        this.actions = actions;
        this.choices = d.n();
        this.random = new SplittableRandom(config.seed());
        Engine.getEngine("PyTorch").setRandomSeed((int) config.seed());
        // Always explicit: the engine's default device would be the first GPU of a CUDA build.
        manager = NDManager.newBaseManager(device, "PyTorch");
        // SB3's QNetwork starts from PyTorch's nn.Linear initialisation, not DJL's wider Xavier (see
        // Mlp.Init); with tanh, Xavier and double Q, RL Zoo's CartPole settings failed 3 of 5 seeds.
        boolean relu = config.activation().relu();
        online = new Mlp(manager, obsSize, config.hidden(), choices, "q", relu, config.encoder(), Mlp.Init.PYTORCH_LINEAR);
        target = new Mlp(manager, obsSize, config.hidden(), choices, "q_target", relu, config.encoder(), Mlp.Init.PYTORCH_LINEAR);
        copyToTarget();
        optimizer = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate())).build();
    }

    private void copyToTarget() {
        List<Pair<String, Parameter>> from = online.parameters();
        List<Pair<String, Parameter>> to = target.parameters();
        for (int i = 0; i < from.size(); i++) {
            from.get(i).getValue().getArray().copyTo(to.get(i).getValue().getArray());
        }
    }

    private float[] q(Mlp net, float[] obs, int batch) {
        try (NDManager sub = manager.newSubManager()) {
            return net.forward(sub.create(obs, new Shape(batch, obsSize)), false).toFloatArray();
        }
    }

    private int greedy(float[] q, int row) {
        int best = 0;
        for (int k = 1; k < choices; k++) {
            if (q[row * choices + k] > q[row * choices + best]) {
                best = k;
            }
        }
        return best;
    }

    /** The greedy action for one observation. */
    public Action act(float[] observation) {
        NativeThreads.prepareCurrentThread();
        return Action.discrete(greedy(q(online, observation, 1), 0));
    }

    @Override
    public String algorithm() {
        return "dqn";
    }

    @Override
    public int observationSize() {
        return obsSize;
    }

    @Override
    public ActionSpace actionSpace() {
        return actions;
    }

    /** The greedy action (DQN has no sampling policy outside training) and the softmax of Q at it. */
    @Override
    public synchronized Decided decide(float[] observation, boolean deterministic) {
        io.github.rltrading.agents.model.Agent.prepareDecide(this, observation);
        return decided(q(online, observation, 1), 0);
    }

    /** The greedy actions of {@code count} observations from one forward pass of the Q-network. */
    @Override
    public synchronized Decided[] decideBatch(float[] observations, int count, boolean deterministic) {
        if (!io.github.rltrading.agents.model.Agent.prepareBatch(this, observations, count)) {
            return new Decided[0];
        }
        float[] q = q(online, observations, count);
        Decided[] out = new Decided[count];
        for (int row = 0; row < count; row++) {
            out[row] = decided(q, row);
        }
        return out;
    }

    /** Row {@code row}'s greedy action and the softmax of its Q-values there. */
    private Decided decided(float[] q, int row) {
        int best = greedy(q, row);
        int base = row * choices;
        double sum = 0;
        for (int k = 0; k < choices; k++) {
            sum += Math.exp(q[base + k] - q[base + best]);
        }
        return new Decided(Action.discrete(best), 1.0 / sum);
    }

    /** The device the networks live on. */
    public Device device() {
        return device;
    }

    private List<Pair<String, NDArray>> namedParameters() {
        List<Pair<String, NDArray>> all = new java.util.ArrayList<>();
        for (Mlp net : new Mlp[] {online, target}) {
            for (Pair<String, Parameter> p : net.parameters()) {
                all.add(new Pair<>(p.getKey(), p.getValue().getArray()));
            }
        }
        return all;
    }

    /** Saves the online and target networks (not the optimiser's moments). */
    @Override
    public void save(java.nio.file.Path dir, io.github.rltrading.agents.model.ModelInfo info) {
        io.github.rltrading.agents.model.ModelStore.save(dir, this, config, info, namedParameters());
    }

    /** Loads a DQN model saved by {@link #save}. */
    public static Dqn load(java.nio.file.Path dir) {
        return load(dir, Device.cpu());
    }

    /** Loads a DQN model saved by {@link #save} onto {@code device}. */
    public static Dqn load(java.nio.file.Path dir, Device device) {
        Objects.requireNonNull(device, "device");
        return io.github.rltrading.agents.model.ModelStore.load(dir, "dqn", DqnConfig.class,
                (config, obs, space) -> new Dqn(config, obs, space, device), Dqn::namedParameters);
    }

    /**
     * Trains for {@code totalSteps} steps of one environment.
     *
     * @param progress called after every training round; may be null
     */
    public Dqn learn(Environment env, long totalSteps, Consumer<Progress> progress) {
        return learnWith(env, totalSteps, progress == null ? List.of() : List.of((agent, p) -> {
            progress.accept((Progress) p);
            return true;
        }));
    }

    /**
     * Trains as {@link #learn(Environment, long, Consumer)} does, calling {@code callbacks} in order
     * after every training round (each gets a {@link Progress}); when one returns {@code false},
     * training stops after that round.
     */
    public Dqn learn(Environment env, long totalSteps, TrainingCallback... callbacks) {
        return learnWith(env, totalSteps, List.of(callbacks));
    }

    private Dqn learnWith(Environment env, long totalSteps, List<TrainingCallback> callbacks) {
        NativeThreads.prepareCurrentThread();
        try {
            return steps(env, totalSteps, callbacks);
        } finally {
            env.close();
        }
    }

    private Dqn steps(Environment env, long totalSteps, List<TrainingCallback> callbacks) {
        ReplayBuffer buffer = new ReplayBuffer((int) Math.min(config.bufferSize(), totalSteps), obsSize, 1);
        float[] obs = env.reset(config.seed() * 1000);
        long resets = 1;
        double episodeReturn = 0;
        ArrayDeque<Double> recent = new ArrayDeque<>();
        int episodes = 0;
        long t0 = System.nanoTime();
        float[] act = new float[1];
        int batch = config.batchSize();
        float[] bObs = new float[batch * obsSize];
        float[] bNext = new float[batch * obsSize];
        float[] bAct = new float[batch];
        float[] bRew = new float[batch];
        boolean[] bDone = new boolean[batch];
        double lastLoss = Double.NaN;
        boolean stop = false;
        for (long step = 1; step <= totalSteps; step++) {
            double progressDone = (double) step / totalSteps;
            double eps = progressDone >= config.explorationFraction() ? config.explorationFinalEps()
                    : config.explorationInitialEps() + (config.explorationFinalEps() - config.explorationInitialEps())
                            * progressDone / config.explorationFraction();
            int a = step <= config.learningStarts() || random.nextDouble() < eps ? random.nextInt(choices) : greedy(q(online, obs, 1), 0);
            Environment.Step st = env.step(Action.discrete(a));
            episodeReturn += st.reward();
            act[0] = a;
            buffer.add(obs, 0, act, 0, (float) st.reward(), st.observation(), 0, st.terminated());
            if (st.done()) {
                recent.addLast(episodeReturn);
                if (recent.size() > 100) {
                    recent.removeFirst();
                }
                episodes++;
                episodeReturn = 0;
                obs = env.reset(config.seed() * 1000 + resets++);
            } else {
                obs = st.observation();
            }
            if (step > config.learningStarts() && step % config.trainFreq() == 0) {
                double lossSum = 0;
                for (int g = 0; g < config.gradientSteps(); g++) {
                    buffer.sample(random, batch, bObs, bAct, bRew, bNext, bDone);
                    lossSum += update(bObs, bAct, bRew, bNext, bDone);
                }
                lastLoss = lossSum / config.gradientSteps();
                if (!callbacks.isEmpty()) {
                    double mean = recent.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                    Progress p = new Progress(step, step / ((System.nanoTime() - t0) / 1e9), mean, episodes, eps, lastLoss);
                    stop = !TrainingCallback.all(callbacks, this, p);
                }
            }
            if (step % config.targetUpdateInterval() == 0) {
                copyToTarget();
            }
            if (stop) {
                break;
            }
        }
        return this;
    }

    /** One gradient step on a sampled minibatch; returns the Huber loss. */
    private double update(float[] obs, float[] actions, float[] rewards, float[] next, boolean[] done) {
        int batch = rewards.length;
        float[] nextOnline = config.doubleQ() ? q(online, next, batch) : null;
        float[] nextTarget = q(target, next, batch);
        float[] y = new float[batch];
        float[] mask = new float[batch * choices];
        for (int b = 0; b < batch; b++) {
            // SB3: the target net's max; double DQN: the online net picks, the target net values.
            int best = greedy(config.doubleQ() ? nextOnline : nextTarget, b);
            double nextValue = done[b] ? 0 : nextTarget[b * choices + best];
            y[b] = (float) (rewards[b] + config.gamma() * nextValue);
            mask[b * choices + (int) actions[b]] = 1f;
        }
        try (NDManager sub = manager.newSubManager()) {
            NDArray o = sub.create(obs, new Shape(batch, obsSize));
            NDArray targetValues = sub.create(y);
            NDArray m = sub.create(mask, new Shape(batch, choices));
            double loss;
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray q = online.forward(o, true).mul(m).sum(new int[] {1});
                NDArray diff = q.sub(targetValues).abs();
                NDArray small = diff.minimum(1f);
                NDArray huber = small.square().mul(0.5).add(diff.sub(small)).mean(); // smooth L1, β = 1
                collector.backward(huber);
                loss = huber.getFloat();
            }
            // A parameter's gradient handle and whatever is computed from it belong to the network's
            // long-lived manager, not to sub: each is closed here, or every gradient step leaks a
            // network's worth of native memory.
            double total = 0;
            for (Pair<String, Parameter> p : online.parameters()) {
                try (NDArray g = p.getValue().getArray().getGradient(); NDArray squared = g.square(); NDArray sum = squared.sum()) {
                    total += sum.getFloat();
                }
            }
            double norm = Math.sqrt(total);
            double scale = norm > config.maxGradNorm() ? config.maxGradNorm() / (norm + 1e-6) : 1.0;
            for (Pair<String, Parameter> p : online.parameters()) {
                NDArray w = p.getValue().getArray();
                try (NDArray g = w.getGradient()) {
                    if (scale != 1.0) {
                        g.muli(scale);
                    }
                    optimizer.update(p.getKey(), w, g);
                    g.subi(g);
                }
            }
            return loss;
        }
    }

    /** Mean return of {@code episodes} greedy episodes. */
    public double evaluate(Environment env, int episodes, long seed) {
        double total = 0;
        for (int k = 0; k < episodes; k++) {
            float[] o = env.reset(seed + k);
            Environment.Step st;
            do {
                st = env.step(act(o));
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
