package io.github.rltrading.core.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.trading.Portfolio;
import io.github.rltrading.core.trading.PortfolioSnapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TradeProposalTest {

    private static final Instant T = Instant.parse("2020-01-02T15:00:00Z");

    private static TradeProposal from(double current, double target) {
        return new TradeProposal(ContractSpecs.ES, T, current, target, 3000, Decision.flat("", "t"));
    }

    // --- the increasesRisk truth table ---------------------------------------------------------------

    @Test
    void flatToLongIncreasesRisk() {
        assertThat(from(0, 1).increasesRisk()).isTrue();
    }

    @Test
    void flatToShortIncreasesRisk() {
        assertThat(from(0, -1).increasesRisk()).isTrue();
    }

    @Test
    void longToLongerIncreasesRisk() {
        assertThat(from(1, 2).increasesRisk()).isTrue();
    }

    @Test
    void longToSmallerDoesNotIncreaseRisk() {
        assertThat(from(2, 1).increasesRisk()).isFalse();
    }

    @Test
    void longToShortIncreasesRiskEvenWhenTheShortIsSmaller() {
        assertThat(from(1, -1).increasesRisk()).isTrue();
        assertThat(from(3, -1).increasesRisk()).isTrue();
    }

    @Test
    void shortToFlatDoesNotIncreaseRisk() {
        assertThat(from(-2, 0).increasesRisk()).isFalse();
    }

    @Test
    void longToFlatDoesNotIncreaseRisk() {
        assertThat(from(2, 0).increasesRisk()).isFalse();
    }

    @Test
    void shortToShorterIncreasesRiskAndShortToLongToo() {
        assertThat(from(-2, -3).increasesRisk()).isTrue();
        assertThat(from(-2, 1).increasesRisk()).isTrue();
    }

    @Test
    void stayingWhereYouAreDoesNotIncreaseRisk() {
        assertThat(from(0, 0).increasesRisk()).isFalse();
        assertThat(from(2, 2).increasesRisk()).isFalse();
        assertThat(from(-2, -2).increasesRisk()).isFalse();
    }

    @Property
    void riskGrowsExactlyWhenTheTargetLeavesTheRangeBetweenZeroAndTheCurrentPosition(
            @ForAll @IntRange(min = -10, max = 10) int current, @ForAll @IntRange(min = -10, max = 10) int target) {
        boolean towardZeroOrStay = Math.min(0, current) <= target && target <= Math.max(0, current);
        assertThat(from(current, target).increasesRisk()).isEqualTo(!towardZeroOrStay);
    }

    // --- the rest ------------------------------------------------------------------------------------

    @Test
    void deltaIsTargetMinusCurrentAndWithTargetKeepsTheRest() {
        TradeProposal p = from(2, 1);
        assertThat(p.delta()).isEqualTo(-1.0);
        TradeProposal q = p.withTarget(-3);
        assertThat(q.targetQuantity()).isEqualTo(-3.0);
        assertThat(q.delta()).isEqualTo(-5.0);
        assertThat(q.currentQuantity()).isEqualTo(2.0);
        assertThat(q.decision()).isSameAs(p.decision());
        assertThat(q.instrument()).isEqualTo(ContractSpecs.ES);
    }

    @Test
    void nonFiniteQuantitiesOrPricesAreRefused() {
        assertThatThrownBy(() -> from(0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trade proposal for ES: quantities and price must be finite, got current=0.0 target=NaN price=3000.0");
        assertThatThrownBy(() -> new TradeProposal(ContractSpecs.MES, T, 1, 2, Double.POSITIVE_INFINITY, Decision.flat("", "")))
                .hasMessage("trade proposal for MES: quantities and price must be finite, got current=1.0 target=2.0 price=Infinity");
        assertThatThrownBy(() -> new TradeProposal(ContractSpecs.ES, T, 0, 1, 3000, null))
                .isInstanceOf(NullPointerException.class).hasMessage("decision");
    }

    @Test
    void requestsAndContextsNeedTheirPartsAndCopyIndicators() {
        PortfolioSnapshot account = new Portfolio(100_000, "USD").snapshot(T);
        BarSeries history = new BarSeries("ES", Timeframe.M1);
        Map<String, Double> indicators = new HashMap<>(Map.of("rsi14", 55.0));
        ReasoningRequest request = new ReasoningRequest(from(0, 1), history, account, indicators);
        indicators.put("atr14", 3.0);
        assertThat(request.indicators()).containsOnlyKeys("rsi14");
        assertThat(new ReasoningRequest(from(0, 1), history, account, null).indicators()).isEmpty();
        assertThatThrownBy(() -> new ReasoningRequest(null, history, account, Map.of())).hasMessage("proposal");
        assertThatThrownBy(() -> new RiskContext(T, account, null)).hasMessage("history");
        assertThatThrownBy(() -> new RiskContext(null, account, history)).hasMessage("time");
        assertThat(new RiskContext(T, account, history).portfolio().equity()).isEqualTo(100_000.0);
    }
}
