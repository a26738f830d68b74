package io.github.rltrading.reasoning;

import java.util.List;

/**
 * A reasoner's view of a position's risk.
 *
 * @param riskReward              expected reward over risk, &ge; 0
 * @param maxLoss                 the loss in account currency if the trade goes wrong, &ge; 0
 * @param invalidatingConditions  what would prove the trade wrong
 * @param confidence              in [0, 1]
 * @param source                  which reasoner and model
 */
public record RiskAssessment(double riskReward, double maxLoss, List<String> invalidatingConditions, double confidence,
                             String source) {
    public RiskAssessment {
        invalidatingConditions = List.copyOf(invalidatingConditions);
    }
}
