package io.github.rltrading.learning.experience;

import java.time.Instant;

/**
 * What a partition holds, for the maintenance mode and the CLI.
 *
 * @param partition      the partition
 * @param count          experiences stored
 * @param withOutcome    experiences whose trade outcome is known
 * @param wins           of those, trades that made money
 * @param annotated      experiences with a reflection
 * @param meanReward     mean reward, NaN when empty
 * @param totalPnl       sum of the outcome P&amp;L of experiences with an outcome
 * @param first          time of the oldest experience, null when empty
 * @param last           time of the newest experience, null when empty
 * @param lastId         the highest row id, 0 when empty
 */
public record ExperienceStats(String partition, long count, long withOutcome, long wins, long annotated, double meanReward,
        double totalPnl, Instant first, Instant last, long lastId) {

    /** Share of trades with a known outcome that made money, NaN when none. */
    public double winRate() {
        return withOutcome == 0 ? Double.NaN : (double) wins / withOutcome;
    }
}
