package io.github.rltrading.learning.training;

import java.util.Map;

/**
 * How a model did in a backtest over one range it was not trained on.
 *
 * @param sharpe      annualised Sharpe ratio of the equity curve (NaN when it never moved)
 * @param maxDrawdown deepest fall from a peak, as a fraction of the peak (0.08 = 8 %)
 * @param totalReturn return over the range, as a fraction
 * @param trades      closed trades
 * @param decisions   decisions the session made (the range's bars plus the observation window's
 *                    warm-up just before it)
 * @param range       which rows, in words
 */
public record Evaluation(double sharpe, double maxDrawdown, double totalReturn, int trades, long decisions, String range) {

    /** The numbers by the names the registry records them under. */
    public Map<String, Double> metrics(String prefix) {
        return Map.of(prefix + "Sharpe", sharpe, prefix + "MaxDrawdown", maxDrawdown, prefix + "Return", totalReturn,
                prefix + "Trades", (double) trades);
    }
}
