package io.github.rltrading.risk;

import static io.github.rltrading.risk.Fixtures.at;
import static io.github.rltrading.risk.Fixtures.config;
import static io.github.rltrading.risk.Fixtures.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.decision.RiskVerdict.Outcome;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A process restart must not re-arm a breaker: the daily loss, the entries of the day and the
 * drawdown go on from the saved state (in a new process whose account starts at the saved equity),
 * and per-day state of another day is dropped.
 */
class GateStateAcrossRestartTest {

    private static final Instant MONDAY = Instant.parse("2020-03-09T14:00:00Z");

    @Test
    void aTrippedDailyLossStaysTrippedAfterARestartTheSameDayAndReArmsTheNextDay() {
        DailyLossGate before = new DailyLossGate(config("limit", 2000));
        before.onBar(at(MONDAY, 100_000, 0), 0);
        before.onBar(at(MONDAY.plusSeconds(60), 98_500, 0), 0); // 1,500 lost: not tripped yet
        Map<String, Object> saved = before.saveState();
        assertThat(saved).containsEntry("loss", 1500.0).containsEntry("tripped", false);

        DailyLossGate after = new DailyLossGate(config("limit", 2000));
        after.restoreState(saved);
        // The new process's account starts at the saved equity; 600 more lost the same day trips it.
        assertThat(after.evaluate(proposal(0, 1, 3000, MONDAY.plusSeconds(120)), at(MONDAY.plusSeconds(120), 98_500, 0))
                .outcome()).isEqualTo(Outcome.APPROVE);
        var v = after.evaluate(proposal(0, 1, 3000, MONDAY.plusSeconds(180)), at(MONDAY.plusSeconds(180), 97_900, 0));
        assertThat(v.outcome()).isEqualTo(Outcome.REJECT);
        assertThat(v.reason()).startsWith("daily loss 2,100.00 reached the limit 2,000.00");

        DailyLossGate nextDay = new DailyLossGate(config("limit", 2000));
        nextDay.restoreState(after.saveState());
        Instant tuesday = Instant.parse("2020-03-09T22:00:00Z"); // 18:00 New York: the next trading day
        assertThat(nextDay.evaluate(proposal(0, 1, 3000, tuesday), at(tuesday, 97_900, 0)).outcome())
                .as("a new trading day re-arms the breaker").isEqualTo(Outcome.APPROVE);
    }

    @Test
    void entriesOfTheDayAndTheDrawdownCarryOver() {
        TradesPerDayGate trades = new TradesPerDayGate(config("limit", 1));
        trades.onAccepted(proposal(0, 1, 3000, MONDAY), at(MONDAY, 100_000, 0));
        TradesPerDayGate restarted = new TradesPerDayGate(config("limit", 1));
        restarted.restoreState(trades.saveState());
        assertThat(restarted.evaluate(proposal(0, 1, 3000, MONDAY.plusSeconds(60)), at(MONDAY.plusSeconds(60), 100_000, 0))
                .reason()).isEqualTo("1 entries today reached the limit 1; exits still pass");

        DrawdownGate drawdown = new DrawdownGate(config("limit", 0.1));
        drawdown.onBar(at(MONDAY, 100_000, 0), 0);
        drawdown.onBar(at(MONDAY.plusSeconds(60), 95_000, 0), 0); // 5 % below the peak
        DrawdownGate again = new DrawdownGate(config("limit", 0.1));
        again.restoreState(drawdown.saveState());
        again.onBar(at(MONDAY.plusSeconds(120), 95_000, 0), 0);
        assertThat(again.isTripped()).isFalse();
        again.onBar(at(MONDAY.plusSeconds(180), 89_900, 0), 0); // 10.1 % below the peak of 100,000
        assertThat(again.isTripped()).as("the peak from before the restart counts").isTrue();
    }
}
