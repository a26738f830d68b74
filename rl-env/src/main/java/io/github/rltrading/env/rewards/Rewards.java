package io.github.rltrading.env.rewards;

import io.github.rltrading.core.spi.RewardFunction;
import io.github.rltrading.core.util.Require;
import java.util.List;

/**
 * The built-in rewards. All scale money by a fixed {@code capital} (the starting equity), so a
 * reward means the same in every step of an episode.
 *
 * <pre>{@code
 * RewardFunction r = Rewards.pnlMinusDrawdown(100_000, 0.5);
 * }</pre>
 */
public final class Rewards {

    private Rewards() {}

    /** {@code (equityAfter - equityBefore) / capital}: net P&amp;L after costs. */
    public static RewardFunction pnl(double capital) {
        return new Pnl(capital);
    }

    /** {@code (PnL - costs) / capital - lambda * drawdown}, the research brief's reward. */
    public static RewardFunction pnlMinusDrawdown(double capital, double lambda) {
        return new PnlMinusDrawdown(capital, lambda);
    }

    /** Moody and Saffell's differential Sharpe ratio with adaptation rate {@code eta}. */
    public static RewardFunction differentialSharpe(double capital, double eta) {
        return new DifferentialSharpe(capital, eta);
    }

    /** {@code r - lambda * sigma}: return minus its exponentially weighted volatility (for leveraged ETFs). */
    public static RewardFunction returnMinusVolatility(double capital, double lambda, double eta) {
        return new ReturnMinusVolatility(capital, lambda, eta);
    }

    static double rate(String what, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be in (0, 1], got " + v);
        }
        return v;
    }

    /** Net P&amp;L over capital. Components: pnl (before costs), costs. */
    static final class Pnl implements RewardFunction {
        private final double capital;
        private double pnl;
        private double costs;

        Pnl(double capital) {
            this.capital = Require.positive("reward capital", capital);
        }

        @Override
        public double reward(Input in) {
            costs = in.costs() / capital;
            pnl = (in.equityAfter() - in.equityBefore()) / capital + costs;
            return pnl - costs;
        }

        @Override
        public List<String> componentNames() {
            return List.of("pnl", "costs");
        }

        @Override
        public double component(int i) {
            return switch (i) {
                case 0 -> pnl;
                case 1 -> -costs;
                default -> RewardFunction.super.component(i);
            };
        }
    }

    /** P&amp;L after costs minus lambda × drawdown. Components: pnl, costs, drawdown_penalty. */
    static final class PnlMinusDrawdown implements RewardFunction {
        private final Pnl pnl;
        private final double lambda;
        private double penalty;

        PnlMinusDrawdown(double capital, double lambda) {
            this.pnl = new Pnl(capital);
            this.lambda = Require.nonNegative("drawdown penalty lambda", lambda);
        }

        @Override
        public double reward(Input in) {
            double net = pnl.reward(in);
            penalty = lambda * in.drawdown();
            return net - penalty;
        }

        @Override
        public List<String> componentNames() {
            return List.of("pnl", "costs", "drawdown_penalty");
        }

        @Override
        public double component(int i) {
            return i == 2 ? -penalty : pnl.component(i);
        }
    }

    /**
     * Differential Sharpe ratio (Moody and Saffell 1998): with the step return {@code R},
     * {@code A} and {@code B} exponential moving estimates of the first and second moments of
     * returns, {@code D = (B·ΔA − ½·A·ΔB) / (B − A²)^{3/2}} using the values before the step, where
     * {@code ΔA = R − A} and {@code ΔB = R² − B}; 0 while {@code B − A²} is not yet positive.
     * Components: return, differential_sharpe.
     */
    static final class DifferentialSharpe implements RewardFunction {
        private final double capital;
        private final double eta;
        private double a;
        private double b;
        private double lastReturn;
        private double lastD;

        DifferentialSharpe(double capital, double eta) {
            this.capital = Require.positive("reward capital", capital);
            this.eta = rate("differential Sharpe eta", eta);
        }

        @Override
        public double reward(Input in) {
            double r = (in.equityAfter() - in.equityBefore()) / capital;
            double da = r - a;
            double db = r * r - b;
            double variance = b - a * a;
            double d = variance > 1e-18 ? (b * da - 0.5 * a * db) / Math.pow(variance, 1.5) : 0.0;
            a += eta * da;
            b += eta * db;
            lastReturn = r;
            lastD = d;
            return d;
        }

        @Override
        public void reset() {
            a = 0;
            b = 0;
            lastReturn = 0;
            lastD = 0;
        }

        @Override
        public List<String> componentNames() {
            return List.of("return", "differential_sharpe");
        }

        @Override
        public double component(int i) {
            return switch (i) {
                case 0 -> lastReturn;
                case 1 -> lastD;
                default -> RewardFunction.super.component(i);
            };
        }
    }

    /**
     * Step return minus lambda × its exponentially weighted standard deviation (rate eta), so that a
     * leveraged position is paid for its volatility. Components: return, volatility_penalty.
     */
    static final class ReturnMinusVolatility implements RewardFunction {
        private final double capital;
        private final double lambda;
        private final double eta;
        private double mean;
        private double var;
        private double lastReturn;
        private double penalty;

        ReturnMinusVolatility(double capital, double lambda, double eta) {
            this.capital = Require.positive("reward capital", capital);
            this.lambda = Require.nonNegative("volatility penalty lambda", lambda);
            this.eta = rate("volatility eta", eta);
        }

        @Override
        public double reward(Input in) {
            double r = (in.equityAfter() - in.equityBefore()) / capital;
            double d = r - mean;
            mean += eta * d;
            var = (1 - eta) * (var + eta * d * d);
            lastReturn = r;
            penalty = lambda * Math.sqrt(var);
            return r - penalty;
        }

        @Override
        public void reset() {
            mean = 0;
            var = 0;
            lastReturn = 0;
            penalty = 0;
        }

        @Override
        public List<String> componentNames() {
            return List.of("return", "volatility_penalty");
        }

        @Override
        public double component(int i) {
            return switch (i) {
                case 0 -> lastReturn;
                case 1 -> -penalty;
                default -> RewardFunction.super.component(i);
            };
        }
    }
}
