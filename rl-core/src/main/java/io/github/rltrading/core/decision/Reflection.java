package io.github.rltrading.core.decision;

import java.util.List;

/**
 * A reasoner's look back at a closed trade; stored with the experience so that learning can use it.
 *
 * @param tradeId            the trade reflected on
 * @param whatWorked         what went right
 * @param warningSignsMissed signals that were there and were not heeded
 * @param conditionsEffect   how market conditions affected the outcome
 * @param lessons            lessons, most important first
 * @param suggestedAdaptation what to change next time, may be empty
 * @param source             which reasoner and model
 */
public record Reflection(String tradeId, String whatWorked, List<String> warningSignsMissed, String conditionsEffect,
                         List<String> lessons, String suggestedAdaptation, String source) {

    public Reflection {
        tradeId = tradeId == null ? "" : tradeId;
        whatWorked = whatWorked == null ? "" : whatWorked;
        warningSignsMissed = warningSignsMissed == null ? List.of() : List.copyOf(warningSignsMissed);
        conditionsEffect = conditionsEffect == null ? "" : conditionsEffect;
        lessons = lessons == null ? List.of() : List.copyOf(lessons);
        suggestedAdaptation = suggestedAdaptation == null ? "" : suggestedAdaptation;
        source = source == null ? "" : source;
    }
}
