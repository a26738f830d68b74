package io.github.rltrading.learning.training;

import java.util.Locale;

/**
 * When a challenger replaces production: on the same out-of-sample range, its Sharpe ratio must be
 * at least {@code minSharpeImprovement} better (relative: 0.10 = 10 % above production's, measured
 * against |production Sharpe| so that it means "better" for negative values too, and never less
 * than an absolute 0.01), and its max drawdown no more than {@code maxDrawdownMargin} worse
 * (absolute: 0.02 = two percentage points). With no production model, a challenger is promoted
 * when its Sharpe is positive: it must beat staying flat.
 *
 * <p>With {@code shadowBars} above 0, passing the backtest makes the challenger a candidate, not
 * production: it first runs in shadow beside production on that many live bars (booked the same
 * way, never traded), and is promoted only if its would-be P&amp;L is at least production's there
 * ({@link #judgeShadow}); otherwise it is rejected. 0 (the default) promotes on the backtest alone.
 *
 * @param minSharpeImprovement relative Sharpe improvement required (default 0.10)
 * @param maxDrawdownMargin    how much deeper the max drawdown may be, as a fraction of equity (default 0.02)
 * @param shadowBars           live bars a candidate shadows production for before promotion (default 0: none)
 */
public record PromotionRule(double minSharpeImprovement, double maxDrawdownMargin, int shadowBars) {

    public PromotionRule {
        if (!(minSharpeImprovement >= 0)) {
            throw new IllegalArgumentException("minSharpeImprovement must be >= 0 (0.10 = 10 %), got " + minSharpeImprovement);
        }
        if (!(maxDrawdownMargin >= 0 && maxDrawdownMargin < 1)) {
            throw new IllegalArgumentException("maxDrawdownMargin must be in [0, 1) (0.02 = 2 percentage points), got "
                    + maxDrawdownMargin);
        }
        if (shadowBars < 0) {
            throw new IllegalArgumentException("shadowBars must be >= 0 (0 = promote on the backtest alone), got " + shadowBars);
        }
    }

    /** The backtest rule alone, no shadow run. */
    public PromotionRule(double minSharpeImprovement, double maxDrawdownMargin) {
        this(minSharpeImprovement, maxDrawdownMargin, 0);
    }

    public static PromotionRule defaults() {
        return new PromotionRule(0.10, 0.02, 0);
    }

    /** This rule with a shadow run of {@code bars} live bars before promotion. */
    public PromotionRule withShadowBars(int bars) {
        return new PromotionRule(minSharpeImprovement, maxDrawdownMargin, bars);
    }

    /**
     * Judges a finished shadow run: the candidate is promoted if it made every decision and its
     * would-be P&amp;L is at least production's over the same bars.
     *
     * @param bars               bars both were booked over
     * @param productionPnl      production's would-be P&amp;L
     * @param candidatePnl       the candidate's
     * @param candidateFailures  decisions the candidate could not make
     */
    public static Verdict judgeShadow(long bars, double productionPnl, double candidatePnl, long candidateFailures) {
        String numbers = String.format(Locale.ROOT, "shadow over %d bars: candidate P&L %.2f vs production %.2f", bars, candidatePnl,
                productionPnl);
        if (candidateFailures > 0) {
            return new Verdict(false, "rejected: " + numbers + ", but the candidate failed " + candidateFailures + " decision(s)");
        }
        return candidatePnl >= productionPnl ? new Verdict(true, "promoted after " + numbers)
                : new Verdict(false, "rejected: " + numbers);
    }

    /** The verdict and why, in words that go to the audit log. */
    public record Verdict(boolean promote, String reason) {}

    /** Judges {@code challenger} against {@code production} (null when there is none). */
    public Verdict judge(Evaluation challenger, Evaluation production) {
        double c = finiteOr(challenger.sharpe());
        if (production == null) {
            return c > 0
                    ? new Verdict(true, String.format(Locale.ROOT, "no production model; challenger Sharpe %.3f > 0 on %s", c,
                            challenger.range()))
                    : new Verdict(false, String.format(Locale.ROOT, "no production model, but challenger Sharpe %.3f is not above 0 on %s",
                            c, challenger.range()));
        }
        double p = finiteOr(production.sharpe());
        double needed = p + Math.max(minSharpeImprovement * Math.abs(p), 0.01);
        String sharpe = String.format(Locale.ROOT, "Sharpe %.3f vs production %.3f (needs >= %.3f)", c, p, needed);
        if (c < needed) {
            return new Verdict(false, "kept production: " + sharpe + " on " + challenger.range());
        }
        double ddLimit = production.maxDrawdown() + maxDrawdownMargin;
        String dd = String.format(Locale.ROOT, "max drawdown %.2f%% vs production %.2f%% (limit %.2f%%)",
                100 * challenger.maxDrawdown(), 100 * production.maxDrawdown(), 100 * ddLimit);
        if (challenger.maxDrawdown() > ddLimit) {
            return new Verdict(false, "kept production: " + sharpe + " but " + dd + " on " + challenger.range());
        }
        return new Verdict(true, "promoted: " + sharpe + ", " + dd + " on " + challenger.range());
    }

    /** A Sharpe of NaN (an equity curve that never moved) counts as 0. */
    private static double finiteOr(double sharpe) {
        return Double.isFinite(sharpe) ? sharpe : 0;
    }
}
