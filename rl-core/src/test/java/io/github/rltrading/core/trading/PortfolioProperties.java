package io.github.rltrading.core.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.rltrading.core.market.AssetClass;
import io.github.rltrading.core.market.CommissionModel;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Accounting invariants. Equity is checked against an independent valuation from raw cash flows
 * (every fill pays −quantity × price × point value, the inventory is worth quantity × mark × point
 * value), not against the formula {@link Portfolio#equity()} is written with.
 */
class PortfolioProperties {

    private static final Instant T = Instant.parse("2020-03-09T14:30:00Z");
    private static final Instant LATER = T.plusSeconds(60);
    private static final Instant LATEST = T.plusSeconds(120);
    static final Instrument ES = ContractSpecs.ES.withCommission(CommissionModel.perUnit(2.25));
    static final Instrument UPRO = Instrument.builder("UPRO", AssetClass.ETF).tickSize(0.01).leverageFactor(3)
            .commission(CommissionModel.perUnit(0.005, 1.0)).build();
    static final Instrument SPY = Instrument.builder("SPY", AssetClass.STOCK).tickSize(0.01).build();

    /** A fill or a mark on one of the instruments. */
    record Step(Instrument instrument, boolean isMark, int quantity, double price) {}

    @Provide
    Arbitrary<List<Step>> futureAndEtfSteps() {
        return steps(List.of(ES, UPRO));
    }

    @Provide
    Arbitrary<List<Step>> stockAndEtfSteps() {
        return steps(List.of(SPY, UPRO));
    }

    private static Arbitrary<List<Step>> steps(List<Instrument> instruments) {
        Arbitrary<Instrument> which = Arbitraries.of(instruments);
        Arbitrary<Step> step = Combinators.combine(which, Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(-7, 7).filter(q -> q != 0), Arbitraries.integers().between(1, 4000))
                .as((inst, kind, qty, ticks) -> new Step(inst, kind == 0, qty,
                        inst.roundToTick((inst == ES ? 2000 : 20) + ticks * inst.tickSize())));
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    private static Fill fill(Step s, Instant time) {
        Side side = Side.of(s.quantity());
        double qty = Math.abs(s.quantity());
        return new Fill("c", s.instrument(), side, qty, s.price(),
                s.instrument().commission().commission(qty, s.price(), s.instrument().pointValue()), time);
    }

    /** Runs the steps, checking the independent valuation after each; returns the net cash flows. */
    private static Map<String, Double> runChecked(Portfolio p, List<Step> steps) {
        Map<String, Double> cashFlow = new HashMap<>();   // Σ −signed qty × price × point value per symbol
        Map<String, Double> mark = new HashMap<>();
        double commissions = 0;
        for (Step s : steps) {
            String sym = s.instrument().symbol();
            if (s.isMark()) {
                p.mark(sym, s.price());
                if (p.position(sym) != null) {
                    mark.put(sym, s.price());
                }
            } else {
                Fill f = fill(s, T);
                p.apply(f);
                commissions += f.commission();
                cashFlow.merge(sym, -f.signedQuantity() * f.price() * s.instrument().pointValue(), Double::sum);
                mark.put(sym, s.price());
            }
            double inventory = 0;
            double expectedCash = p.startingCash() - commissions;
            for (Map.Entry<String, Double> e : cashFlow.entrySet()) {
                Position pos = p.position(e.getKey());
                double pv = pos.instrument().pointValue();
                inventory += pos.quantity() * mark.get(e.getKey()) * pv;
                if (pos.instrument().assetClass().settlesNotional()) {
                    expectedCash += e.getValue();
                }
            }
            double independentEquity = p.startingCash() - commissions
                    + cashFlow.values().stream().mapToDouble(Double::doubleValue).sum() + inventory;
            double scale = Math.max(1.0, Math.abs(independentEquity));
            assertThat(p.equity()).isCloseTo(independentEquity, within(1e-9 * scale));
            assertThat(p.equity()).isCloseTo(p.startingCash() + p.realizedPnl() + p.unrealizedPnl() - p.commissionsPaid(),
                    within(1e-9 * scale));
            assertThat(p.commissionsPaid()).isCloseTo(commissions, within(1e-9 * Math.max(1, commissions)));
            if (cashFlow.keySet().stream().allMatch(s2 -> p.position(s2).instrument().assetClass().settlesNotional())) {
                assertThat(p.cash()).isCloseTo(expectedCash, within(1e-9 * scale));
            }
        }
        return cashFlow;
    }

    @Property(tries = 300)
    void equityMatchesAnIndependentValuationAfterEveryFillAndMark(@ForAll("futureAndEtfSteps") List<Step> steps) {
        runChecked(new Portfolio(250_000, "USD"), steps);
    }

    @Property(tries = 300)
    void forStocksAndEtfsEquityIsCashPlusHoldings(@ForAll("stockAndEtfSteps") List<Step> steps) {
        Portfolio p = new Portfolio(250_000, "USD");
        runChecked(p, steps);
        double holdings = p.openPositions().values().stream()
                .mapToDouble(pos -> pos.quantity() * pos.markPrice() * pos.instrument().pointValue()).sum();
        assertThat(p.equity()).isCloseTo(p.cash() + holdings, within(1e-9 * Math.max(1, Math.abs(p.equity()))));
    }

    @Property(tries = 300)
    void closedTradesAddUpToRealisedPnlAndCommissionsOnceFlat(@ForAll("futureAndEtfSteps") List<Step> steps) {
        Portfolio p = new Portfolio(250_000, "USD");
        runChecked(p, steps);
        // Close everything that is still open, at the last price, so the account ends flat.
        List<Step> closing = new ArrayList<>();
        p.openPositions().forEach((sym, pos) ->
                closing.add(new Step(pos.instrument(), false, (int) -pos.quantity(), pos.markPrice())));
        closing.forEach(s -> p.apply(fill(s, LATER)));
        assertThat(p.openPositions()).isEmpty();
        double gross = p.closedTrades().stream().mapToDouble(ClosedTrade::grossPnl).sum();
        double commission = p.closedTrades().stream().mapToDouble(ClosedTrade::commission).sum();
        assertThat(gross).isCloseTo(p.realizedPnl(), within(1e-6));
        assertThat(commission).isCloseTo(p.commissionsPaid(), within(1e-9 * Math.max(1, p.commissionsPaid())));
        assertThat(p.equity()).isCloseTo(p.cash(), within(1e-6));
    }

    @Property
    void twoAddsEqualOneFillAtTheWeightedPrice(@ForAll @IntRange(min = 1, max = 9) int a,
                                               @ForAll @IntRange(min = 1, max = 9) int b,
                                               @ForAll @IntRange(min = 8000, max = 16000) int ticksA,
                                               @ForAll @IntRange(min = 8000, max = 16000) int ticksB) {
        double pa = ticksA * 0.25;
        double pb = ticksB * 0.25;
        Position two = Position.flat(ContractSpecs.ES).apply(a, pa).position().apply(b, pb).position();
        Position one = Position.flat(ContractSpecs.ES).apply(a + b, (a * pa + b * pb) / (a + b)).position();
        assertThat(two.quantity()).isEqualTo(one.quantity());
        assertThat(two.averagePrice()).isCloseTo(one.averagePrice(), within(1e-9));
    }

    @Property
    void aReversalThroughZeroClosesAllAndOpensTheRestAtTheFillPrice(
            @ForAll @IntRange(min = 1, max = 9) int q1, @ForAll @IntRange(min = 1, max = 9) int extra,
            @ForAll @IntRange(min = 8000, max = 16000) int ticks1, @ForAll @IntRange(min = 8000, max = 16000) int ticks2,
            @ForAll boolean startLong) {
        double p1 = ticks1 * 0.25;
        double p2 = ticks2 * 0.25;
        int sign = startLong ? 1 : -1;
        Portfolio p = new Portfolio(100_000, "USD");
        p.apply(new Fill("open", ContractSpecs.ES, Side.of(sign), q1, p1, 0, T));
        p.apply(new Fill("flip", ContractSpecs.ES, Side.of(-sign), q1 + extra, p2, 0, LATER));
        assertThat(p.realizedPnl()).isCloseTo(sign * q1 * (p2 - p1) * 50, within(1e-6));
        Position after = p.position("ES");
        assertThat(after.quantity()).isEqualTo(-sign * (double) extra);
        assertThat(after.averagePrice()).isEqualTo(p2);
        assertThat(p.closedTrades()).singleElement().satisfies(t -> {
            assertThat(t.side()).isEqualTo(Side.of(sign));
            assertThat(t.entryPrice()).isEqualTo(p1);
            assertThat(t.exitPrice()).isEqualTo(p2);
            assertThat(t.maxQuantity()).isEqualTo(q1);
        });
    }

    @Test
    void averagePriceOnAddsAndPartialClosesByHand() {
        Portfolio p = new Portfolio(100_000, "USD");
        p.apply(new Fill("1", ES, Side.BUY, 2, 3000.00, 4.50, T));
        p.apply(new Fill("2", ES, Side.BUY, 1, 3003.00, 2.25, T));
        // (2 × 3000 + 1 × 3003) / 3 = 3001
        assertThat(p.position("ES").averagePrice()).isEqualTo(3001.0);
        p.apply(new Fill("3", ES, Side.SELL, 2, 3005.00, 4.50, LATER));
        // closes 2 at 3005 against 3001: 2 × 4 points × $50 = $400; 1 contract left, average unchanged
        assertThat(p.realizedPnl()).isEqualTo(400.0);
        assertThat(p.position("ES").quantity()).isEqualTo(1.0);
        assertThat(p.position("ES").averagePrice()).isEqualTo(3001.0);
        p.mark("ES", 2999.00);
        // unrealised 1 × (2999 − 3001) × 50 = −100; commissions 11.25
        assertThat(p.unrealizedPnl()).isEqualTo(-100.0);
        assertThat(p.equity()).isEqualTo(100_000 + 400 - 100 - 11.25);
        p.apply(new Fill("4", ES, Side.SELL, 1, 2999.00, 2.25, LATEST));
        assertThat(p.closedTrades()).singleElement().satisfies(t -> {
            assertThat(t.grossPnl()).isEqualTo(300.0);
            assertThat(t.commission()).isEqualTo(13.5);
            assertThat(t.netPnl()).isEqualTo(286.5);
            assertThat(t.entryPrice()).isEqualTo(3001.0);
            assertThat(t.exitPrice()).isCloseTo((2 * 3005.0 + 2999.0) / 3, within(1e-9));
            assertThat(t.entryTime()).isEqualTo(T);
            assertThat(t.exitTime()).isEqualTo(LATEST);
        });
    }

    @Test
    void exposureCountsTheLeverageFactorAndFuturesHoldMargin() {
        Portfolio p = new Portfolio(100_000, "USD");
        p.apply(new Fill("1", UPRO, Side.BUY, 100, 50.00, 1.0, T));
        p.apply(new Fill("2", ContractSpecs.MES.withMarginPerContract(1_500), Side.SELL, 2, 4000.00, 0, T));
        // UPRO: 100 × $50 × 3 = $15,000; MES: 2 × 4000 × $5 = $40,000 (leverage 1)
        assertThat(p.grossExposure()).isEqualTo(55_000.0);
        assertThat(p.netExposure()).isEqualTo(15_000.0 - 40_000.0);
        assertThat(p.marginUsed()).isEqualTo(3_000.0);
        assertThat(p.cash()).isEqualTo(100_000 - 1.0 - 5_000.0); // the ETF's cost is paid, the future's is not
    }

    @Test
    void aFillInAnotherCurrencyIsRefused() {
        Instrument fdax = Instrument.builder("FDAX", AssetClass.FUTURE).tickSize(0.5).pointValue(25).currency("EUR").build();
        Portfolio p = new Portfolio(100_000, "USD");
        assertThatThrownBy(() -> p.apply(new Fill("c-9", fdax, Side.BUY, 1, 15000, 0, T)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fill of order c-9 is in EUR (FDAX) but the portfolio is in USD; use one portfolio per currency");
        assertThat(p.fillCount()).isZero();
    }

    @Test
    void aPortfolioNeedsPositiveStartingCash() {
        assertThatThrownBy(() -> new Portfolio(0, "USD"))
                .hasMessage("portfolio startingCash must be a finite number > 0, got 0.0");
    }
}
