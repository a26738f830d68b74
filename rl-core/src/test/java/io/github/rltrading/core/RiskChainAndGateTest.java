package io.github.rltrading.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.RiskContext;
import io.github.rltrading.core.decision.RiskVerdict;
import io.github.rltrading.core.decision.TradeProposal;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.RiskGate;
import io.github.rltrading.core.trading.Bracket;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.Portfolio;
import io.github.rltrading.core.trading.Side;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class RiskChainAndGateTest {

    private static final Instant T = Instant.parse("2020-01-02T15:00:00Z");
    private static final RiskContext CONTEXT =
            new RiskContext(T, new Portfolio(100_000, "USD").snapshot(T), new BarSeries("ES", Timeframe.M1));

    private static TradeProposal proposal(double current, double target) {
        return new TradeProposal(ContractSpecs.ES, T, current, target, 3230.0,
                Decision.target(0.5, 0.9, "test", "test"));
    }

    private static RiskGate reduceTo(String name, double quantity) {
        return gate(name, p -> RiskVerdict.reduce(name, quantity, "limit", Map.of()));
    }

    private static RiskGate gate(String name, java.util.function.Function<TradeProposal, RiskVerdict> f) {
        return new RiskGate() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RiskVerdict evaluate(TradeProposal p, RiskContext c) {
                return f.apply(p);
            }
        };
    }

    @Test
    void reductionsComposeAndEachGateSeesTheReducedProposal() {
        AtomicInteger seenByLast = new AtomicInteger();
        RiskGate last = gate("last", p -> {
            seenByLast.set((int) p.targetQuantity());
            return RiskVerdict.approve("last");
        });
        RiskChain.Result r = RiskChain.of(List.of(reduceTo("a", 3), reduceTo("b", 2), last))
                .evaluate(proposal(0, 5), CONTEXT);
        assertThat(r.approved()).isTrue();
        assertThat(r.finalTarget()).isEqualTo(2.0);
        assertThat(seenByLast.get()).isEqualTo(2);
        assertThat(r.verdicts()).extracting(RiskVerdict::gate).containsExactly("a", "b", "last");
    }

    @Test
    void aReductionThatWouldAddRiskIsTreatedAsAReject() {
        RiskChain.Result r = RiskChain.of(List.of(reduceTo("sloppy", 7))).evaluate(proposal(1, 3), CONTEXT);
        assertThat(r.approved()).isFalse();
        assertThat(r.finalTarget()).isEqualTo(1.0);
        assertThat(r.verdicts().get(0).reason()).isEqualTo(
                "gate reduced to 7.0, outside the span from the current 1.0 to the proposed 3.0 "
                        + "(a reduction may not add risk; fail closed)");
    }

    @Test
    void aGateReturningNullRejects() {
        RiskChain.Result r = RiskChain.of(List.of(gate("lazy", p -> null))).evaluate(proposal(0, 1), CONTEXT);
        assertThat(r.approved()).isFalse();
        assertThat(r.verdicts().get(0).reason()).isEqualTo("gate returned no verdict (fail closed)");
    }

    @Property
    void theChainNeverAllowsMoreThanWasProposed(@ForAll @DoubleRange(min = -10, max = 10) double current,
                                                @ForAll @DoubleRange(min = -10, max = 10) double target,
                                                @ForAll @DoubleRange(min = -10, max = 10) double reduction) {
        RiskChain.Result r = RiskChain.of(List.of(reduceTo("r", reduction))).evaluate(proposal(current, target), CONTEXT);
        double lo = Math.min(current, target);
        double hi = Math.max(current, target);
        assertThat(r.finalTarget()).isBetween(lo - 1e-9, hi + 1e-9);
    }

    @Test
    void theGateRoutesByConfidence() {
        DecisionGate g = DecisionGate.builder().fastPath(0.8).floor(0.3).build();
        assertThat(g.route(0.8)).isEqualTo(DecisionGate.Route.FAST_PATH);
        assertThat(g.route(0.79)).isEqualTo(DecisionGate.Route.REASONER);
        assertThat(g.route(0.3)).isEqualTo(DecisionGate.Route.REASONER);
        assertThat(g.route(0.29)).isEqualTo(DecisionGate.Route.BELOW_FLOOR);
    }

    @Test
    void belowTheFloorAPositionMayShrinkButNeverGrowOrReverse() {
        assertThat(DecisionGate.noNewRisk(0.0, 1.0)).isZero();
        assertThat(DecisionGate.noNewRisk(0.5, 1.0)).isEqualTo(0.5);
        assertThat(DecisionGate.noNewRisk(0.5, 0.2)).isEqualTo(0.2);
        assertThat(DecisionGate.noNewRisk(0.5, -1.0)).isZero();
        assertThat(DecisionGate.noNewRisk(-0.5, -0.25)).isEqualTo(-0.25);
        assertThat(DecisionGate.noNewRisk(-0.5, -0.75)).isEqualTo(-0.5);
    }

    @Test
    void anAssessmentScalesTheChangeNotThePosition() {
        Assessment half = Assessment.modify(0.6, 0.5, "choppy", "r");
        assertThat(DecisionGate.applyAssessment(0.5, 1.0, half)).isEqualTo(0.75);
        assertThat(DecisionGate.applyAssessment(0.5, 1.0, Assessment.reject(0.9, "no", "r"))).isEqualTo(0.5);
        assertThat(DecisionGate.applyAssessment(0.5, -1.0, Assessment.approve(0.9, "yes", "r"))).isEqualTo(-1.0);
    }

    @Test
    void aGateWithTheFloorAboveTheFastPathIsRefused() {
        assertThatThrownBy(() -> DecisionGate.builder().fastPath(0.5).floor(0.6).build())
                .hasMessage("decision gate needs 0 <= floor <= fastPath <= 1, got floor=0.6 fastPath=0.5");
    }

    @Test
    void thePlannerCrossesZeroInOneOrderAndBracketsOnlyNewRisk() {
        AtomicInteger ids = new AtomicInteger();
        OrderPlanner planner = OrderPlanner.marketWithBracket(8, 16);
        List<OrderRequest> reverse = planner.plan(new OrderPlanner.Request(ContractSpecs.ES, T, 2, -1, 3230.0,
                Decision.target(-0.5, 0.9, "", "ppo-v3"), () -> "o" + ids.incrementAndGet()));
        assertThat(reverse).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(Side.SELL);
            assertThat(o.quantity()).isEqualTo(3.0);
            assertThat(o.bracket()).isEqualTo(Bracket.of(3232.0, 3226.0)); // 8 and 16 ticks of 0.25 above/below
            assertThat(o.tag()).isEqualTo("ppo-v3");
            assertThat(o.clientOrderId()).isEqualTo("o1");
        });
        List<OrderRequest> reduce = planner.plan(new OrderPlanner.Request(ContractSpecs.ES, T, 2, 1, 3230.0,
                Decision.target(0.5, 0.9, "", "x"), () -> "o" + ids.incrementAndGet()));
        assertThat(reduce).singleElement().satisfies(o -> assertThat(o.bracket().isEmpty()).isTrue());
        assertThat(planner.plan(new OrderPlanner.Request(ContractSpecs.ES, T, 1, 1, 3230.0,
                Decision.target(0.5, 0.9, "", "x"), () -> "never"))).isEmpty();
    }
}
