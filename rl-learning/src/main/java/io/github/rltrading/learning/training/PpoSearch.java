package io.github.rltrading.learning.training;

import io.github.rltrading.agents.ppo.PpoConfig;
import java.util.Map;

/**
 * The PPO hyperparameters continuous learning searches, and how a trial's values become a
 * {@link PpoConfig}. The network's hidden sizes are not searched: every trial warm-starts from the
 * production model's weights, which fixes them.
 *
 * <table>
 *   <caption>Searched hyperparameters</caption>
 *   <tr><th>name</th><th>range</th><th>scale</th></tr>
 *   <tr><td>learningRate</td><td>1e-5 to 1e-3</td><td>log</td></tr>
 *   <tr><td>entCoef</td><td>0 to 0.01</td><td>linear</td></tr>
 *   <tr><td>gamma</td><td>0.95 to 0.999</td><td>linear</td></tr>
 *   <tr><td>clipRange</td><td>0.1 to 0.3</td><td>linear</td></tr>
 *   <tr><td>gaeLambda</td><td>0.8 to 0.99</td><td>linear</td></tr>
 *   <tr><td>nEpochs</td><td>3 to 10</td><td>integer</td></tr>
 * </table>
 */
public final class PpoSearch {

    /** The base every trial changes: SB3's defaults with 512-step rollouts and [64, 64] networks. */
    public static final PpoConfig BASE = new PpoConfig(3e-4, false, 512, 64, 10, 0.99, 0.95, 0.2, 0.0, 0.5, 0.5, true, 1,
            new int[] {64, 64}, 0);

    private PpoSearch() {}

    /**
     * {@link #BASE} for a search whose trials train {@code trialSteps} steps each: rollouts no longer
     * than a trial (and minibatches no larger than a rollout), the given hidden sizes (a warm start's
     * must be the production model's) and seed.
     */
    public static PpoConfig base(long trialSteps, int[] hidden, long seed) {
        int rollout = (int) Math.max(1, Math.min(BASE.nSteps(), trialSteps));
        return new PpoConfig(BASE.learningRate(), BASE.linearSchedule(), rollout, Math.min(BASE.batchSize(), rollout), BASE.nEpochs(),
                BASE.gamma(), BASE.gaeLambda(), BASE.clipRange(), BASE.entCoef(), BASE.vfCoef(), BASE.maxGradNorm(),
                BASE.normalizeAdvantage(), BASE.nEnvs(), hidden.clone(), seed);
    }

    /** {@code base} with the searched values in {@code params} (missing ones keep the base's, the encoder too). */
    public static PpoConfig config(PpoConfig base, Map<String, Object> params) {
        return new PpoConfig(number(params, "learningRate", base.learningRate()), base.linearSchedule(), base.nSteps(), base.batchSize(),
                (int) number(params, "nEpochs", base.nEpochs()), number(params, "gamma", base.gamma()),
                number(params, "gaeLambda", base.gaeLambda()), number(params, "clipRange", base.clipRange()),
                number(params, "entCoef", base.entCoef()), base.vfCoef(), base.maxGradNorm(), base.normalizeAdvantage(), base.nEnvs(),
                base.hidden(), (long) number(params, "seed", base.seed())).withEncoder(base.encoder());
    }

    private static double number(Map<String, Object> params, String key, double fallback) {
        Object v = params.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("hyperparameter " + key + " must be a number, got " + v + " (" + v.getClass().getSimpleName()
                + ")");
    }
}
