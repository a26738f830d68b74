package io.github.rltrading.risk;

import static io.github.rltrading.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.RiskChain;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.TradeProposal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the gates and the chain over random sequences of proposals, fills and prices. */
class RiskGateProperties {

    /** One step: a proposed target, a price move, and an equity change. */
    record Step(int target, double priceMove, double pnl) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(-8, 8),
                        Arbitraries.doubles().between(-30, 30), Arbitraries.doubles().between(-3000, 3000))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 200)
    void thePositionNeverExceedsTheLimits(@ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 0, max = 4) int limit,
                                          @ForAll @DoubleRange(min = 0.5, max = 6) double leverage) {
        RiskChain chain = RiskChain.of(List.of(new MaxPositionGate(config("limit", limit)),
                new ExposureGate(config("max-leverage", leverage)), new ConfidenceGate(config("min", 0.5))));
        double position = 0;
        double price = 3000;
        double equity = 100_000;
        Instant t = T0;
        for (Step s : steps) {
            price = Math.max(100, price + s.priceMove());
            equity += s.pnl();
            t = t.plusSeconds(60);
            RiskContext context = new RiskContext(t, account(equity, position, price), bars(price));
            RiskChain.Result r = chain.evaluate(proposal(position, s.target(), price, t), context);
            position = r.finalTarget(); // filled as approved
            double maxByExposure = Math.floor(leverage * Math.max(0, equity) / (price * ES.pointValue()) + 1e-9);
            if (r.changesPosition() && Math.abs(position) > 0) {
                assertThat(Math.abs(position)).isLessThanOrEqualTo(limit);
                assertThat(Math.abs(position)).isLessThanOrEqualTo(Math.max(maxByExposure, 0));
            }
        }
    }

    @Property(tries = 200)
    void withTheKillSwitchOnNothingThatAddsRiskIsApproved(@ForAll("steps") List<Step> steps) throws Exception {
        Path dir = Files.createTempDirectory("kill");
        KillSwitch kill = KillSwitch.open(dir.resolve("kill.json"), Clock.fixed(T0, ZoneOffset.UTC));
        kill.engage("test", "property");
        RiskChain chain = RiskChain.of(List.of(new MaxPositionGate(config("limit", 8)), new KillSwitchGate(kill, false)));
        double position = 0;
        for (Step s : steps) {
            TradeProposal p = proposal(position, s.target());
            RiskChain.Result r = chain.evaluate(p, context(100_000, position, bars(3000)));
            TradeProposal executed = p.withTarget(r.finalTarget());
            if (r.changesPosition()) {
                assertThat(executed.increasesRisk()).as("%s approved to %s", p, r.finalTarget()).isFalse();
            }
            position = r.finalTarget();
            // Positions the switch found open may only shrink toward flat.
            if (s.target() == 0) {
                assertThat(r.finalTarget()).isZero();
            }
        }
    }

    @Property(tries = 200)
    void theDailyBreakerResetsOnlyAtTheNextTradingDay(@ForAll @Size(min = 2, max = 200) List<@DoubleRange(min = -800, max = 800) Double> pnl,
                                                      @ForAll @IntRange(min = 1, max = 180) int minutesPerBar) {
        DailyLossGate gate = new DailyLossGate(config("limit", 2000));
        TradingDay day = new TradingDay(java.time.ZoneId.of("America/New_York"), java.time.LocalTime.of(18, 0));
        double equity = 100_000;
        Instant t = Instant.parse("2020-03-06T15:00:00Z"); // Friday, across the DST switch on Sunday
        boolean wasTripped = false;
        long previousDay = Long.MIN_VALUE;
        for (double change : pnl) {
            double before = equity;
            equity += change;
            t = t.plusSeconds(60L * minutesPerBar);
            long today = day.dayOf(t.toEpochMilli());
            gate.onBar(at(t, equity, 0), 0);
            if (today == previousDay && wasTripped) {
                assertThat(gate.isTripped()).as("tripped earlier on this trading day, at %s", t).isTrue();
            }
            if (today != previousDay && previousDay != Long.MIN_VALUE) {
                assertThat(gate.isTripped()).as("a new trading day at %s re-arms unless its own loss is over", t)
                        .isEqualTo(before - equity >= 2000 - 1e-9);
            }
            wasTripped = gate.isTripped();
            previousDay = today;
        }
    }

    @Property(tries = 300)
    void reductionsNeverIncreaseTheChange(@ForAll @IntRange(min = -6, max = 6) int current,
                                          @ForAll @IntRange(min = -12, max = 12) int target,
                                          @ForAll @DoubleRange(min = 0.1, max = 4) double leverage,
                                          @ForAll @DoubleRange(min = 0, max = 1) double factor) {
        RiskChain chain = RiskChain.of(List.of(new MaxPositionGate(config("limit", 3)),
                new ExposureGate(config("max-leverage", leverage)), new DisagreementGate(config("factor", factor)),
                new VarGate(config("lookback", 10, "limit", 5000))));
        io.github.rltrading.core.decision.Assessment modify = new io.github.rltrading.core.decision.Assessment(
                io.github.rltrading.core.decision.Assessment.Verdict.MODIFY, 0.5, 0.5, 1.0, List.of(), "", "r");
        double[] closes = new double[12];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = 3000 + (i % 3) * 15;
        }
        TradeProposal p = proposal(current, target).withAssessment(modify);
        RiskChain.Result r = chain.evaluate(p, context(100_000, current, bars(closes)));
        double lo = Math.min(current, target);
        double hi = Math.max(current, target);
        assertThat(r.finalTarget()).isBetween(lo, hi);
        assertThat(Math.abs(r.finalTarget() - current)).isLessThanOrEqualTo(Math.abs(target - current));
    }
}
