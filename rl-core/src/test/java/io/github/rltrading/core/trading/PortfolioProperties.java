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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Accounting invariants of {@link Portfolio} under random fills and marks, checked against an
 * independent model built from raw cash flows (a fill pays −signed quantity × price × point value;
 * what is held is worth quantity × last price × point value) and from the round-trip rules in
 * {@link ClosedTrade}'s documentation, plus hand-computed examples.
 */
class PortfolioProperties {

    private static final Instant T = Instant.parse("2020-03-09T14:30:00Z");
    private static final double START = 250_000;

    /** ES with a broker commission and a known margin. */
    static final Instrument ES = ContractSpecs.ES.withCommission(CommissionModel.perUnit(2.25)).withMarginPerContract(15_000);
    /** A 3x leveraged S&amp;P 500 ETF with an IBKR-like commission. */
    static final Instrument UPRO = Instrument.builder("UPRO", AssetClass.ETF).tickSize(0.01).leverageFactor(3)
            .commission(CommissionModel.perUnit(0.005, 1.0)).build();
    /** A plain stock charged a percentage of notional. */
    static final Instrument SPY = Instrument.builder("SPY", AssetClass.STOCK).tickSize(0.01)
            .commission(CommissionModel.percentOfNotional(0.0002)).build();

    // --- generated steps -------------------------------------------------------------------------

    /** A fill (quantity != 0) or a mark (quantity == 0) of one instrument. */
    record Step(Instrument instrument, double quantity, double price, double commission) {
        boolean isMark() {
            return quantity == 0;
        }
    }

    private static Arbitrary<Step> step(Instrument inst) {
        boolean future = inst.assetClass() == AssetClass.FUTURE;
        // futures trade whole contracts; stocks and ETFs also in tenths of a share, which are not exact in binary
        Arbitrary<Double> quantity = future
                ? Arbitraries.integers().between(1, 7).map(Integer::doubleValue)
                : Arbitraries.oneOf(Arbitraries.integers().between(1, 300).map(Integer::doubleValue),
                        Arbitraries.integers().between(1, 70).map(tenths -> tenths / 10.0));
        Arbitrary<Double> price = Arbitraries.integers().between(0, 4000)
                .map(ticks -> inst.roundToTick((future ? 2000 : 20) + ticks * inst.tickSize()));
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 9);   // 0..2 mark, 3..9 fill
        Arbitrary<Integer> extraCents = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(-1)),
                Tuple.of(1, Arbitraries.integers().between(0, 1_000)));
        return Combinators.combine(kind, Arbitraries.of(1, -1), quantity, price, extraCents)
                .as((k, sign, q, p, cents) -> k < 3
                        ? new Step(inst, 0, p, 0)
                        // commission: the instrument's model, or any amount the broker reports
                        : new Step(inst, sign * q, p, cents < 0 ? inst.commission().commission(q, p, inst.pointValue())
                                : cents / 100.0));
    }

    private static Arbitrary<List<Step>> steps(Instrument... instruments) {
        List<Arbitrary<Step>> each = new ArrayList<>();
        for (Instrument i : instruments) {
            each.add(step(i));
        }
        return Arbitraries.oneOf(each).list().ofMinSize(1).ofMaxSize(50);
    }

    @Provide
    Arbitrary<List<Step>> futureAndEtfSteps() {
        return steps(ES, UPRO);
    }

    @Provide
    Arbitrary<List<Step>> stockAndEtfSteps() {
        return steps(SPY, UPRO);
    }

    private static Fill fill(Step s, Instant time) {
        return new Fill("c", s.instrument(), Side.of(s.quantity()), Math.abs(s.quantity()), s.price(), s.commission(), time);
    }

    private static void assertClose(double actual, double expected, double scale, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(1e-9 * Math.max(1.0, Math.abs(scale))));
    }

    // --- the independent model -------------------------------------------------------------------

    /** One round trip as the documentation of {@link ClosedTrade} defines it. */
    static final class ModelTrade {
        final Side side;
        final Instant entryTime;
        double maxQuantity;
        double entryValue;
        double entryQuantity;
        double exitValue;
        double exitQuantity;
        double gross;
        double commission;

        ModelTrade(Side side, Instant entryTime) {
            this.side = side;
            this.entryTime = entryTime;
        }
    }

    /** Books of the whole account, kept without looking at the portfolio's numbers. */
    static final class Model {
        final Map<String, Instrument> instruments = new LinkedHashMap<>();
        final Map<String, Double> quantity = new HashMap<>();
        /** Average cost: adds average it by quantity, reductions keep it, a reversal restarts it at the fill. */
        final Map<String, Double> averageCost = new HashMap<>();
        final Map<String, Double> lastPrice = new HashMap<>();
        final Map<String, Double> cashFlow = new HashMap<>();
        final Map<String, ModelTrade> open = new HashMap<>();
        final List<ModelTrade> closed = new ArrayList<>();
        final List<String> closedSymbols = new ArrayList<>();
        double commissions;
        double tradedNotional;
        double realized;
        double peak = START;

        void fill(Step s, Instant time) {
            Instrument inst = s.instrument();
            String sym = inst.symbol();
            instruments.putIfAbsent(sym, inst);
            double pv = inst.pointValue();
            double before = quantity.getOrDefault(sym, 0.0);
            double after = before + s.quantity();
            if (Math.abs(after) < 1e-9) {
                after = 0.0;
            }
            double size = Math.abs(s.quantity());
            double closedQty = before != 0 && Math.signum(before) != Math.signum(s.quantity())
                    ? Math.min(Math.abs(before), size) : 0.0;
            double openedQty = size - closedQty;

            commissions += s.commission();
            tradedNotional += size * s.price() * pv;
            cashFlow.merge(sym, -s.quantity() * s.price() * pv, Double::sum);
            quantity.put(sym, after);
            lastPrice.put(sym, s.price());

            double cost = averageCost.getOrDefault(sym, Double.NaN);
            if (after == 0.0) {
                averageCost.put(sym, Double.NaN);
            } else if (closedQty == 0) {
                averageCost.put(sym, (Math.abs(before) * (before == 0 ? 0 : cost) + size * s.price()) / Math.abs(after));
            } else if (Math.signum(after) != Math.signum(before)) {
                averageCost.put(sym, s.price());
            }

            ModelTrade trade = open.get(sym);
            if (closedQty > 0) {
                double pnl = closedQty * (s.price() - cost) * Math.signum(before) * pv;
                realized += pnl;
                trade.gross += pnl;
                trade.exitValue += closedQty * s.price();
                trade.exitQuantity += closedQty;
                trade.commission += s.commission() * closedQty / size;
                if (after == 0.0 || Math.signum(after) != Math.signum(before)) {
                    closed.add(trade);
                    closedSymbols.add(sym);
                    open.remove(sym);
                    trade = null;
                }
            }
            if (openedQty > 1e-9) {
                if (trade == null) {
                    trade = new ModelTrade(Side.of(s.quantity()), time);
                    open.put(sym, trade);
                }
                trade.entryValue += openedQty * s.price();
                trade.entryQuantity += openedQty;
                trade.commission += s.commission() * openedQty / size;
                trade.maxQuantity = Math.max(trade.maxQuantity, Math.abs(after));
            }
        }

        void mark(Step s) {
            // a mark only moves instruments the portfolio has seen
            if (quantity.containsKey(s.instrument().symbol())) {
                lastPrice.put(s.instrument().symbol(), s.price());
            }
        }

        double holdings(boolean notionalSettlersOnly) {
            double sum = 0;
            for (var e : quantity.entrySet()) {
                Instrument inst = instruments.get(e.getKey());
                if (!notionalSettlersOnly || inst.assetClass().settlesNotional()) {
                    sum += e.getValue() * lastPrice.get(e.getKey()) * inst.pointValue();
                }
            }
            return sum;
        }

        double equity() {
            return START - commissions + cashFlow.values().stream().mapToDouble(Double::doubleValue).sum() + holdings(false);
        }

        double openGross() {
            return open.values().stream().mapToDouble(t -> t.gross).sum();
        }
    }

    /** Applies the steps one by one and checks the portfolio against the model after each. */
    private static Model runChecked(Portfolio p, List<Step> steps) {
        Model m = new Model();
        Instant time = T;
        for (Step s : steps) {
            time = time.plusSeconds(1);
            int closedBefore = p.closedTrades().size();
            if (s.isMark()) {
                p.mark(s.instrument().symbol(), s.price());
                m.mark(s);
            } else {
                Position returned = p.apply(fill(s, time));
                m.fill(s, time);
                assertThat(returned).isEqualTo(p.position(s.instrument().symbol()));
            }
            m.peak = Math.max(m.peak, m.equity());
            checkAgainstModel(p, m, closedBefore, s);
        }
        return m;
    }

    private static void checkAgainstModel(Portfolio p, Model m, int closedBefore, Step s) {
        double equity = m.equity();
        double scale = Math.max(START, m.tradedNotional);
        String after = "after " + s;

        // the identity the portfolio promises, and the same number from raw cash flows
        assertClose(p.equity(), p.startingCash() + p.realizedPnl() + p.unrealizedPnl() - p.commissionsPaid(), scale,
                "equity = start + realised + unrealised - commissions " + after);
        assertClose(p.equity(), equity, scale, "equity from cash flows " + after);
        assertClose(p.realizedPnl(), m.realized, scale, "realised " + after);
        assertClose(p.commissionsPaid(), m.commissions, scale, "commissions " + after);
        assertClose(p.tradedNotional(), m.tradedNotional, scale, "traded notional " + after);
        assertClose(p.peakEquity(), m.peak, scale, "peak equity " + after);

        double gross = 0;
        double net = 0;
        double margin = 0;
        for (var e : m.quantity.entrySet()) {
            Instrument inst = m.instruments.get(e.getKey());
            assertThat(p.quantity(e.getKey())).as("quantity of %s %s", e.getKey(), after)
                    .isCloseTo(e.getValue(), within(1e-9));
            double cost = m.averageCost.get(e.getKey());
            if (Double.isNaN(cost)) {
                assertThat(p.position(e.getKey()).averagePrice()).as("flat: no average").isNaN();
            } else {
                assertThat(p.position(e.getKey()).averagePrice()).as("average price of %s %s", e.getKey(), after)
                        .isCloseTo(cost, within(1e-9 * Math.abs(cost)));
            }
            double notional = Math.abs(e.getValue()) * m.lastPrice.get(e.getKey()) * inst.pointValue();
            gross += notional * inst.leverageFactor();
            net += Math.signum(e.getValue()) * notional * inst.leverageFactor();
            if (inst.assetClass() == AssetClass.FUTURE) {
                margin += Math.abs(e.getValue()) * inst.marginPerContract();
            }
        }
        assertClose(p.grossExposure(), gross, scale, "gross exposure " + after);
        assertClose(p.netExposure(), net, scale, "net exposure " + after);
        assertClose(p.marginUsed(), margin, scale, "margin " + after);

        // cash: stocks and ETFs pay their notional, futures only their P&L
        assertClose(p.equity() - p.cash(), m.holdings(true) + futuresUnrealized(p), scale, "equity - cash " + after);
        if (m.instruments.values().stream().allMatch(i -> i.assetClass().settlesNotional())) {
            double cashFlows = m.cashFlow.values().stream().mapToDouble(Double::doubleValue).sum();
            assertClose(p.cash(), START - m.commissions + cashFlows, scale, "cash " + after);
            double holdings = p.openPositions().values().stream()
                    .mapToDouble(pos -> pos.quantity() * pos.markPrice() * pos.instrument().pointValue()).sum();
            assertClose(p.equity(), p.cash() + holdings, scale, "equity = cash + holdings " + after);
        }

        // round trips
        assertThat(p.closedTrades()).as("closed trades " + after).hasSize(m.closed.size());
        if (p.closedTrades().size() > closedBefore) {
            assertThat(p.closedTrades().size()).as("at most one trade closes per fill").isEqualTo(closedBefore + 1);
            assertTradeMatches(p.closedTrades().getLast(), m.closed.getLast(), m.closedSymbols.getLast(), scale);
        }
        double closedGross = p.closedTrades().stream().mapToDouble(ClosedTrade::grossPnl).sum();
        assertClose(closedGross + m.openGross(), p.realizedPnl(), scale,
                "closed trades' gross + open trades' realised = realised " + after);
    }

    private static double futuresUnrealized(Portfolio p) {
        return p.openPositions().values().stream()
                .filter(pos -> pos.instrument().assetClass() == AssetClass.FUTURE)
                .mapToDouble(Position::unrealizedPnl).sum();
    }

    private static void assertTradeMatches(ClosedTrade actual, ModelTrade expected, String symbol, double scale) {
        assertThat(actual.symbol()).isEqualTo(symbol);
        assertThat(actual.side()).isEqualTo(expected.side);
        assertThat(actual.maxQuantity()).isCloseTo(expected.maxQuantity, within(1e-9));
        double entry = expected.entryValue / expected.entryQuantity;
        double exit = expected.exitValue / expected.exitQuantity;
        assertThat(actual.entryPrice()).isCloseTo(entry, within(1e-9 * Math.max(1, Math.abs(entry))));
        assertThat(actual.exitPrice()).isCloseTo(exit, within(1e-9 * Math.max(1, Math.abs(exit))));
        assertThat(actual.entryTime()).isEqualTo(expected.entryTime);
        assertClose(actual.grossPnl(), expected.gross, scale, "trade gross");
        assertClose(actual.commission(), expected.commission, scale, "trade commission");
        assertClose(actual.netPnl(), expected.gross - expected.commission, scale, "trade net");
    }

    // --- properties over random fill sequences -----------------------------------------------------

    @Property(tries = 400)
    void futuresAndALeveragedEtfKeepTheAccountingIdentityAfterEveryFillAndMark(
            @ForAll("futureAndEtfSteps") List<Step> steps) {
        runChecked(new Portfolio(START, "USD"), steps);
    }

    @Property(tries = 400)
    void forStocksAndEtfsEquityIsCashPlusQuantityTimesMark(@ForAll("stockAndEtfSteps") List<Step> steps) {
        runChecked(new Portfolio(START, "USD"), steps);
    }

    @Property(tries = 400)
    void onceFlatClosedTradesAddUpToRealisedPnlAndCommissions(@ForAll("futureAndEtfSteps") List<Step> steps,
                                                              @ForAll boolean closeWithCommission) {
        Portfolio p = new Portfolio(START, "USD");
        Model m = runChecked(p, steps);
        // close whatever is still open at its last price, so the account ends flat
        List<Step> closing = new ArrayList<>();
        p.openPositions().forEach((sym, pos) -> {
            double q = -pos.quantity();
            double commission = closeWithCommission ? pos.instrument().commission()
                    .commission(Math.abs(q), pos.markPrice(), pos.instrument().pointValue()) : 0.0;
            closing.add(new Step(pos.instrument(), q, pos.markPrice(), commission));
        });
        Instant time = T.plusSeconds(3600);
        for (Step s : closing) {
            int before = p.closedTrades().size();
            p.apply(fill(s, time));
            m.fill(s, time);
            checkAgainstModel(p, m, before, s);
        }
        double scale = Math.max(START, m.tradedNotional);
        assertThat(p.openPositions()).isEmpty();
        assertThat(m.open).isEmpty();
        assertClose(p.closedTrades().stream().mapToDouble(ClosedTrade::grossPnl).sum(), p.realizedPnl(), scale,
                "sum of closed trades' gross P&L");
        assertClose(p.closedTrades().stream().mapToDouble(ClosedTrade::commission).sum(), p.commissionsPaid(), scale,
                "sum of closed trades' commissions");
        assertClose(p.closedTrades().stream().mapToDouble(ClosedTrade::netPnl).sum(), p.equity() - START, scale,
                "sum of net P&L = equity change");
        assertThat(p.unrealizedPnl()).isZero();
        assertClose(p.equity(), p.cash(), scale, "flat: equity is cash");
        assertThat(p.grossExposure()).isZero();
        assertThat(p.marginUsed()).isZero();
    }

    // --- reversal and additivity -----------------------------------------------------------------

    @Provide
    Arbitrary<Instrument> tradable() {
        return Arbitraries.of(ES, UPRO, SPY);
    }

    @Property(tries = 500)
    void aReversalThroughZeroClosesTheWholePositionAndOpensTheRestAtTheFillPrice(
            @ForAll("tradable") Instrument inst, @ForAll boolean startLong,
            @ForAll @IntRange(min = 1, max = 20) int q1, @ForAll @IntRange(min = 1, max = 20) int extra,
            @ForAll @IntRange(min = 8000, max = 16000) int ticks1, @ForAll @IntRange(min = 8000, max = 16000) int ticks2,
            @ForAll @IntRange(min = 8000, max = 16000) int ticks3,
            @ForAll @IntRange(min = 0, max = 1000) int cents1, @ForAll @IntRange(min = 0, max = 1000) int cents2,
            @ForAll @IntRange(min = 0, max = 1000) int cents3) {
        double p1 = ticks1 * inst.tickSize();
        double p2 = ticks2 * inst.tickSize();
        double p3 = ticks3 * inst.tickSize();
        double c1 = cents1 / 100.0;
        double c2 = cents2 / 100.0;
        double c3 = cents3 / 100.0;
        double pv = inst.pointValue();
        int sign = startLong ? 1 : -1;
        int q2 = q1 + extra;
        Side opening = Side.of(sign);
        Instant t1 = T;
        Instant t2 = T.plusSeconds(60);
        Instant t3 = T.plusSeconds(120);

        Portfolio p = new Portfolio(START, "USD");
        p.apply(new Fill("open", inst, opening, q1, p1, c1, t1));
        p.apply(new Fill("flip", inst, opening.opposite(), q2, p2, c2, t2));

        double realized = sign * q1 * (p2 - p1) * pv;
        assertThat(p.realizedPnl()).isCloseTo(realized, within(1e-6));
        Position after = p.position(inst.symbol());
        assertThat(after.quantity()).isEqualTo(-sign * (double) (q2 - q1));
        assertThat(after.averagePrice()).as("the new side opens at the fill price").isEqualTo(p2);
        assertThat(after.markPrice()).isEqualTo(p2);
        assertThat(p.unrealizedPnl()).isZero();
        assertThat(p.equity()).isCloseTo(START + realized - c1 - c2, within(1e-6));
        assertThat(p.closedTrades()).singleElement().satisfies(t -> {
            assertThat(t.side()).isEqualTo(opening);
            assertThat(t.maxQuantity()).isEqualTo(q1);
            assertThat(t.entryPrice()).isCloseTo(p1, within(1e-9));
            assertThat(t.exitPrice()).isCloseTo(p2, within(1e-9));
            assertThat(t.entryTime()).isEqualTo(t1);
            assertThat(t.exitTime()).isEqualTo(t2);
            assertThat(t.grossPnl()).isCloseTo(realized, within(1e-6));
            // the reversing fill's commission is split by quantity
            assertThat(t.commission()).isCloseTo(c1 + c2 * q1 / q2, within(1e-9));
        });

        // closing the new side records a second trade carrying the rest of the reversing commission
        p.apply(new Fill("close", inst, opening, q2 - q1, p3, c3, t3));
        assertThat(p.openPositions()).isEmpty();
        assertThat(p.closedTrades()).hasSize(2);
        ClosedTrade second = p.closedTrades().get(1);
        assertThat(second.side()).isEqualTo(opening.opposite());
        assertThat(second.maxQuantity()).isEqualTo(q2 - q1);
        assertThat(second.entryPrice()).isCloseTo(p2, within(1e-9));
        assertThat(second.exitPrice()).isCloseTo(p3, within(1e-9));
        assertThat(second.entryTime()).isEqualTo(t2);
        assertThat(second.grossPnl()).isCloseTo(-sign * (q2 - q1) * (p3 - p2) * pv, within(1e-6));
        assertThat(second.commission()).isCloseTo(c2 * (q2 - q1) / q2 + c3, within(1e-9));
        assertThat(p.commissionsPaid()).isCloseTo(c1 + c2 + c3, within(1e-9));
    }

    @Property(tries = 500)
    void twoAddsEqualOneFillOfTheSumAtTheWeightedPrice(
            @ForAll("tradable") Instrument inst, @ForAll boolean isLong,
            @ForAll @IntRange(min = 0, max = 9) int existing,
            @ForAll @IntRange(min = 1, max = 50) int a, @ForAll @IntRange(min = 1, max = 50) int b,
            @ForAll @IntRange(min = 8000, max = 16000) int ticks0, @ForAll @IntRange(min = 8000, max = 16000) int ticksA,
            @ForAll @IntRange(min = 8000, max = 16000) int ticksB, @ForAll @IntRange(min = 8000, max = 16000) int ticksMark) {
        Side side = isLong ? Side.BUY : Side.SELL;
        double p0 = ticks0 * inst.tickSize();
        double pa = ticksA * inst.tickSize();
        double pb = ticksB * inst.tickSize();
        double weighted = (a * pa + b * pb) / (a + b);

        Portfolio twoFills = new Portfolio(START, "USD");
        Portfolio oneFill = new Portfolio(START, "USD");
        if (existing > 0) {
            twoFills.apply(new Fill("0", inst, side, existing, p0, 0, T));
            oneFill.apply(new Fill("0", inst, side, existing, p0, 0, T));
        }
        twoFills.apply(new Fill("a", inst, side, a, pa, 0, T));
        twoFills.apply(new Fill("b", inst, side, b, pb, 0, T));
        oneFill.apply(new Fill("ab", inst, side, a + b, weighted, 0, T));

        double scale = (existing + a + b) * 5_000 * inst.pointValue();
        Position two = twoFills.position(inst.symbol());
        Position one = oneFill.position(inst.symbol());
        assertThat(two.quantity()).isEqualTo(one.quantity());
        assertThat(two.averagePrice()).isCloseTo(one.averagePrice(), within(1e-9 * 5_000));
        assertThat(twoFills.realizedPnl()).isZero();
        assertThat(oneFill.realizedPnl()).isZero();

        double mark = ticksMark * inst.tickSize();
        twoFills.mark(inst.symbol(), mark);
        oneFill.mark(inst.symbol(), mark);
        assertClose(twoFills.unrealizedPnl(), oneFill.unrealizedPnl(), scale, "unrealised");
        assertClose(twoFills.equity(), oneFill.equity(), scale, "equity");
        assertClose(twoFills.cash(), oneFill.cash(), scale, "cash");
    }

    @Property(tries = 500)
    void twoPartialClosesEqualOneCloseOfTheSumAtTheWeightedPrice(
            @ForAll("tradable") Instrument inst, @ForAll boolean isLong,
            @ForAll @IntRange(min = 1, max = 50) int a, @ForAll @IntRange(min = 1, max = 50) int b,
            @ForAll @IntRange(min = 0, max = 9) int left,
            @ForAll @IntRange(min = 8000, max = 16000) int ticks0, @ForAll @IntRange(min = 8000, max = 16000) int ticksA,
            @ForAll @IntRange(min = 8000, max = 16000) int ticksB) {
        Side side = isLong ? Side.BUY : Side.SELL;
        double p0 = ticks0 * inst.tickSize();
        double pa = ticksA * inst.tickSize();
        double pb = ticksB * inst.tickSize();
        double weighted = (a * pa + b * pb) / (a + b);
        int held = a + b + left;

        Portfolio twoFills = new Portfolio(START, "USD");
        Portfolio oneFill = new Portfolio(START, "USD");
        twoFills.apply(new Fill("0", inst, side, held, p0, 0, T));
        oneFill.apply(new Fill("0", inst, side, held, p0, 0, T));
        twoFills.apply(new Fill("a", inst, side.opposite(), a, pa, 0, T));
        twoFills.apply(new Fill("b", inst, side.opposite(), b, pb, 0, T));
        oneFill.apply(new Fill("ab", inst, side.opposite(), a + b, weighted, 0, T));

        double scale = held * 5_000 * inst.pointValue();
        assertThat(twoFills.quantity(inst.symbol())).isEqualTo(oneFill.quantity(inst.symbol()));
        assertThat(twoFills.quantity(inst.symbol())).isEqualTo(side.sign() * (double) left);
        assertClose(twoFills.realizedPnl(), oneFill.realizedPnl(), scale, "realised");
        assertClose(twoFills.realizedPnl(), side.sign() * (a + b) * (weighted - p0) * inst.pointValue(), scale,
                "realised by hand");
        if (left > 0) {
            assertThat(twoFills.position(inst.symbol()).averagePrice()).as("partial closes keep the average").isEqualTo(p0);
            assertThat(oneFill.position(inst.symbol()).averagePrice()).isEqualTo(p0);
        } else {
            assertThat(twoFills.openPositions()).isEmpty();
            assertThat(oneFill.openPositions()).isEmpty();
        }
    }

    // --- hand-computed examples ------------------------------------------------------------------

    @Test
    void addsAverageTheEntryAndPartialClosesKeepIt() {
        Portfolio p = new Portfolio(100_000, "USD");
        p.apply(new Fill("1", ES, Side.BUY, 2, 3000.00, 4.50, T));
        p.apply(new Fill("2", ES, Side.BUY, 1, 3003.00, 2.25, T));
        // (2 × 3000 + 1 × 3003) / 3 = 9003 / 3 = 3001
        assertThat(p.position("ES").averagePrice()).isEqualTo(3001.0);
        assertThat(p.marginUsed()).isEqualTo(3 * 15_000.0);
        p.apply(new Fill("3", ES, Side.SELL, 2, 3005.00, 4.50, T.plusSeconds(60)));
        // closes 2 at 3005 against 3001: 2 × 4 points × $50 = $400; 1 contract left, average unchanged
        assertThat(p.realizedPnl()).isEqualTo(400.0);
        assertThat(p.position("ES").quantity()).isEqualTo(1.0);
        assertThat(p.position("ES").averagePrice()).isEqualTo(3001.0);
        p.mark("ES", 2999.00);
        // unrealised 1 × (2999 − 3001) × 50 = −100; commissions 4.50 + 2.25 + 4.50 = 11.25
        assertThat(p.unrealizedPnl()).isEqualTo(-100.0);
        assertThat(p.equity()).isEqualTo(100_000 + 400 - 100 - 11.25);
        // futures cash moves by P&L only: 100,000 + 400 − 11.25
        assertThat(p.cash()).isEqualTo(100_388.75);
        p.apply(new Fill("4", ES, Side.SELL, 1, 2999.00, 2.25, T.plusSeconds(120)));
        // trade: 400 − 100 = 300 gross; 13.50 commission; exits (2 × 3005 + 2999) / 3 = 3003
        assertThat(p.closedTrades()).singleElement().satisfies(t -> {
            assertThat(t.side()).isEqualTo(Side.BUY);
            assertThat(t.maxQuantity()).isEqualTo(3.0);
            assertThat(t.grossPnl()).isEqualTo(300.0);
            assertThat(t.commission()).isEqualTo(13.5);
            assertThat(t.netPnl()).isEqualTo(286.5);
            assertThat(t.isWin()).isTrue();
            assertThat(t.entryPrice()).isEqualTo(3001.0);
            assertThat(t.exitPrice()).isEqualTo(3003.0);
            assertThat(t.entryTime()).isEqualTo(T);
            assertThat(t.exitTime()).isEqualTo(T.plusSeconds(120));
        });
        assertThat(p.position("ES").isFlat()).isTrue();
        assertThat(p.openPositions()).isEmpty();
        assertThat(p.marginUsed()).isZero();
    }

    @Test
    void aShortAveragesUpAndRealisesOnBuyBacks() {
        Instrument mes = ContractSpecs.MES;
        Portfolio p = new Portfolio(50_000, "USD");
        p.apply(new Fill("1", mes, Side.SELL, 3, 4000.00, 0, T));
        p.apply(new Fill("2", mes, Side.SELL, 1, 4010.00, 0, T));
        // (3 × 4000 + 1 × 4010) / 4 = 16010 / 4 = 4002.50, short 4
        assertThat(p.position("MES").quantity()).isEqualTo(-4.0);
        assertThat(p.position("MES").averagePrice()).isEqualTo(4002.50);
        p.apply(new Fill("3", mes, Side.BUY, 2, 3990.00, 0, T));
        // buys back 2 at 3990: 2 × (4002.50 − 3990) × $5 = $125 gained; short 2 left at 4002.50
        assertThat(p.realizedPnl()).isEqualTo(125.0);
        assertThat(p.position("MES").quantity()).isEqualTo(-2.0);
        assertThat(p.position("MES").averagePrice()).isEqualTo(4002.50);
        p.mark("MES", 4012.50);
        // −2 × (4012.50 − 4002.50) × 5 = −100
        assertThat(p.unrealizedPnl()).isEqualTo(-100.0);
        assertThat(p.equity()).isEqualTo(50_025.0);
    }

    @Test
    void anEtfPaysItsNotionalAndReceivesItBackOnSale() {
        Portfolio p = new Portfolio(100_000, "USD");
        p.apply(new Fill("1", UPRO, Side.BUY, 100, 50.00, 1.00, T));
        p.apply(new Fill("2", UPRO, Side.BUY, 50, 53.00, 1.00, T));
        // average (100 × 50 + 50 × 53) / 150 = 7650 / 150 = 51; cash 100,000 − 7,650 − 2 = 92,348
        assertThat(p.position("UPRO").averagePrice()).isEqualTo(51.0);
        assertThat(p.cash()).isEqualTo(92_348.0);
        p.apply(new Fill("3", UPRO, Side.SELL, 75, 55.00, 1.00, T));
        // realised 75 × (55 − 51) = 300; cash + 75 × 55 = 4,125 − 1 → 96,472
        assertThat(p.realizedPnl()).isEqualTo(300.0);
        assertThat(p.cash()).isEqualTo(96_472.0);
        // 75 left, marked at 55: equity = cash + 75 × 55 = 96,472 + 4,125 = 100,597 = 100,000 + 300 + 300 − 3
        assertThat(p.equity()).isEqualTo(100_597.0);
        // exposure counts the 3x leverage: 75 × 55 × 3
        assertThat(p.grossExposure()).isEqualTo(12_375.0);
        assertThat(p.marginUsed()).as("an ETF holds no futures margin").isZero();
    }

    @Test
    void exposureCountsTheLeverageFactorAndFuturesHoldTheirMarginPerContract() {
        Portfolio p = new Portfolio(100_000, "USD");
        p.apply(new Fill("1", UPRO, Side.BUY, 100, 50.00, 1.0, T));
        p.apply(new Fill("2", ContractSpecs.MES.withMarginPerContract(1_500), Side.SELL, 2, 4000.00, 0, T));
        // UPRO: 100 × $50 × 3 = $15,000; MES: 2 × 4000 × $5 = $40,000 (leverage 1)
        assertThat(p.grossExposure()).isEqualTo(55_000.0);
        assertThat(p.netExposure()).isEqualTo(15_000.0 - 40_000.0);
        // 2 contracts × $1,500
        assertThat(p.marginUsed()).isEqualTo(3_000.0);
        // the ETF's cost is paid, the future's is not
        assertThat(p.cash()).isEqualTo(100_000 - 1.0 - 5_000.0);
        p.mark("UPRO", 52.00);
        // 100 × 52 × 3 = 15,600
        assertThat(p.grossExposure()).isEqualTo(55_600.0);
        PortfolioSnapshot snap = p.snapshot(T);
        assertThat(snap.grossExposure()).isEqualTo(55_600.0);
        assertThat(snap.netExposure()).isEqualTo(15_600.0 - 40_000.0);
        assertThat(snap.marginUsed()).isEqualTo(3_000.0);
        assertThat(snap.quantity("MES")).isEqualTo(-2.0);
        assertThat(snap.quantity("ES")).isZero();
        assertThat(snap.equity()).isEqualTo(p.equity());
    }

    @Test
    void aShortLeveragedEtfCountsNegativeLeveragedExposure() {
        Portfolio p = new Portfolio(100_000, "USD");
        p.apply(new Fill("1", UPRO, Side.SELL, 10, 40.00, 0, T));
        // −10 × 40 × 3
        assertThat(p.netExposure()).isEqualTo(-1_200.0);
        assertThat(p.grossExposure()).isEqualTo(1_200.0);
        // a short sale receives its notional
        assertThat(p.cash()).isEqualTo(100_400.0);
        assertThat(p.equity()).isEqualTo(100_000.0);
    }

    @Test
    void futuresWithoutAKnownMarginHoldNone() {
        Portfolio p = new Portfolio(100_000, "USD");
        p.apply(new Fill("1", ContractSpecs.ES, Side.BUY, 2, 3000, 0, T));
        assertThat(p.marginUsed()).isZero();
        p.apply(new Fill("2", ES, Side.BUY, 1, 3000, 0, T));
        assertThat(p.position("ES").instrument()).as("the first fill's spec stays with the position")
                .isEqualTo(ContractSpecs.ES);
    }

    @Test
    void aFillInAnotherCurrencyIsRefusedAndNotBooked() {
        Instrument fdax = Instrument.builder("FDAX", AssetClass.FUTURE).tickSize(0.5).pointValue(25).currency("EUR").build();
        Portfolio p = new Portfolio(100_000, "USD");
        assertThatThrownBy(() -> p.apply(new Fill("c-9", fdax, Side.BUY, 1, 15000, 2.0, T)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fill of order c-9 is in EUR (FDAX) but the portfolio is in USD; use one portfolio per currency");
        assertThat(p.fillCount()).isZero();
        assertThat(p.position("FDAX")).isNull();
        assertThat(p.commissionsPaid()).isZero();
        assertThat(p.equity()).isEqualTo(100_000.0);
    }

    @Test
    void aMarkMustBeFiniteAndAMarkOfAnUnknownSymbolChangesNothing() {
        Portfolio p = new Portfolio(100_000, "USD");
        assertThatThrownBy(() -> p.mark("ES", Double.NaN)).hasMessage("mark price for ES must be finite, got NaN");
        p.mark("ES", 3000);
        assertThat(p.position("ES")).isNull();
        assertThat(p.equity()).isEqualTo(100_000.0);
    }

    @Test
    void aPortfolioNeedsPositiveStartingCash() {
        assertThatThrownBy(() -> new Portfolio(0, "USD"))
                .hasMessage("portfolio startingCash must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> new Portfolio(Double.NaN, "USD"))
                .hasMessage("portfolio startingCash must be a finite number > 0, got NaN");
    }

    @Test
    void drawdownIsMeasuredFromThePeakEquity() {
        Portfolio p = new Portfolio(100_000, "USD");
        p.apply(new Fill("1", ContractSpecs.ES, Side.BUY, 1, 3000, 0, T));
        p.mark("ES", 3200);   // +200 × 50 = +10,000 → peak 110,000
        p.mark("ES", 2980);   // −20 × 50 = −1,000 → 99,000
        assertThat(p.peakEquity()).isEqualTo(110_000.0);
        // (110,000 − 99,000) / 110,000 = 0.1
        assertThat(p.snapshot(T).drawdown()).isCloseTo(0.1, within(1e-12));
    }
}
