package io.github.rltrading.core.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.rltrading.core.market.ContractSpecs;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The order state machine under random operation sequences, checked against a small independent
 * model of what each operation must do, plus the exact refusal messages.
 */
class OrderStateMachineProperties {

    private static final Instant T = Instant.parse("2020-01-02T15:00:00Z");

    // --- operations --------------------------------------------------------------------------------

    sealed interface Op permits Submit, FillSome, FillRest, Overfill, BadFill, Cancel, Reject {}

    record Submit() implements Op {}

    /** A fill of a random quantity, which may be below, at or above what remains. */
    record FillSome(double quantity, double price) implements Op {}

    /** A fill of exactly what remains. */
    record FillRest(double price) implements Op {}

    /** A fill of what remains plus {@code extra}. */
    record Overfill(double extra, double price) implements Op {}

    /** A fill whose quantity or price is not a usable number. */
    record BadFill(double quantity, double price) implements Op {}

    record Cancel(String why) implements Op {}

    record Reject(String why) implements Op {}

    /** Quantities in halves: exact in binary, so the model can compare them with ==. */
    private static Arbitrary<Double> halves(int minHalves, int maxHalves) {
        return Arbitraries.integers().between(minHalves, maxHalves).map(h -> h / 2.0);
    }

    private static Arbitrary<Double> prices() {
        return Arbitraries.integers().between(12_000, 13_000).map(ticks -> ticks * 0.25);
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> fillSome = Combinators.combine(halves(1, 24), prices()).as(FillSome::new);
        Arbitrary<Op> fillRest = prices().map(FillRest::new);
        Arbitrary<Op> overfill = Combinators.combine(halves(1, 6), prices()).as(Overfill::new);
        Arbitrary<Op> badFill = Arbitraries.of(
                new BadFill(0, 3000), new BadFill(-1, 3000), new BadFill(Double.NaN, 3000),
                new BadFill(Double.POSITIVE_INFINITY, 3000), new BadFill(1, Double.NaN),
                new BadFill(1, Double.NEGATIVE_INFINITY));
        return Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.just(new Submit())),
                        Tuple.of(8, fillSome),
                        Tuple.of(2, fillRest),
                        Tuple.of(2, overfill),
                        Tuple.of(1, badFill),
                        Tuple.of(1, Arbitraries.of(new Cancel("user"), new Cancel(""), new Cancel(null))),
                        Tuple.of(1, Arbitraries.of(new Reject("venue closed"), new Reject(null))))
                .list().ofMaxSize(16);
    }

    // --- the independent model --------------------------------------------------------------------

    /** What an operation must do, worked out from the rules in {@link OrderState}'s documentation. */
    sealed interface Expected permits Moves, RefusedTransition, RefusedArgument {}

    record Moves(OrderState to, double fillQuantity, double fillPrice) implements Expected {}

    record RefusedTransition(OrderState attempted) implements Expected {}

    record RefusedArgument() implements Expected {}

    private static final Set<OrderState> WORKING = EnumSet.of(OrderState.SUBMITTED, OrderState.PARTIALLY_FILLED);
    private static final Set<OrderState> CANCELLABLE =
            EnumSet.of(OrderState.NEW, OrderState.SUBMITTED, OrderState.PARTIALLY_FILLED);
    private static final Set<OrderState> REJECTABLE = EnumSet.of(OrderState.NEW, OrderState.SUBMITTED);

    private static Expected expect(OrderState state, double requested, double filled, Op op) {
        double remaining = requested - filled;
        return switch (op) {
            case Submit s -> state == OrderState.NEW ? new Moves(OrderState.SUBMITTED, 0, 0)
                    : new RefusedTransition(OrderState.SUBMITTED);
            case Cancel c -> CANCELLABLE.contains(state) ? new Moves(OrderState.CANCELLED, 0, 0)
                    : new RefusedTransition(OrderState.CANCELLED);
            case Reject r -> REJECTABLE.contains(state) ? new Moves(OrderState.REJECTED, 0, 0)
                    : new RefusedTransition(OrderState.REJECTED);
            case BadFill b -> new RefusedArgument();
            case FillRest f -> fillOf(state, remaining, remaining, f.price());
            case Overfill f -> fillOf(state, remaining, remaining + f.extra(), f.price());
            case FillSome f -> fillOf(state, remaining, f.quantity(), f.price());
        };
    }

    private static Expected fillOf(OrderState state, double remaining, double quantity, double price) {
        if (!(quantity > 0)) {
            return new RefusedArgument();   // e.g. "the rest" of an order with nothing left
        }
        OrderState target = quantity >= remaining ? OrderState.FILLED : OrderState.PARTIALLY_FILLED;
        if (!WORKING.contains(state)) {
            return new RefusedTransition(target);
        }
        if (quantity > remaining) {
            return new RefusedArgument();   // more than ordered must never be booked
        }
        return new Moves(target, quantity, price);
    }

    private static Order apply(Order o, Op op, Instant time) {
        double remaining = o.request().quantity() - o.filledQuantity();
        return switch (op) {
            case Submit s -> o.submit("b-1", time);
            case FillSome f -> o.fill(f.quantity(), f.price(), time);
            case FillRest f -> o.fill(remaining, f.price(), time);
            case Overfill f -> o.fill(remaining + f.extra(), f.price(), time);
            case BadFill f -> o.fill(f.quantity(), f.price(), time);
            case Cancel c -> o.cancel(c.why(), time);
            case Reject r -> o.reject(r.why(), time);
        };
    }

    @Property(tries = 1000)
    void everyOperationIsALegalTransitionOrARefusalThatChangesNothing(
            @ForAll("operations") List<Op> ops, @ForAll("requested") double requested) {
        Order order = Order.create(OrderRequest.market("c-1", ContractSpecs.ES, Side.BUY, requested), T);
        // the model's own books
        OrderState state = OrderState.NEW;
        double filled = 0;
        double notional = 0;
        String brokerId = "";
        Instant time = T;

        for (Op op : ops) {
            time = time.plusSeconds(1);
            Order before = order;
            Order copyOfBefore = new Order(before.request(), before.brokerOrderId(), before.state(),
                    before.filledQuantity(), before.averageFillPrice(), before.reason(), before.updatedAt());
            Expected expected = expect(state, requested, filled, op);

            Order after;
            try {
                after = apply(before, op, time);
            } catch (IllegalOrderTransitionException refused) {
                assertThat(expected).as("%s in %s", op, state).isEqualTo(new RefusedTransition(refused.to()));
                assertThat(refused.from()).isEqualTo(state);
                assertThat(refused.clientOrderId()).isEqualTo("c-1");
                assertThat(state.canMoveTo(refused.to())).isFalse();
                assertThat(before).isEqualTo(copyOfBefore);
                continue;
            } catch (IllegalArgumentException refused) {
                assertThat(expected).as("%s in %s: %s", op, state, refused.getMessage()).isEqualTo(new RefusedArgument());
                assertThat(refused).hasMessageStartingWith("order c-1: ");
                assertThat(before).isEqualTo(copyOfBefore);
                continue;
            }

            assertThat(expected).as("%s in %s was accepted", op, state).isInstanceOf(Moves.class);
            Moves move = (Moves) expected;
            assertThat(state.isTerminal()).as("a terminal state accepted %s", op).isFalse();
            assertThat(state.successors()).as("%s -> %s", state, after.state()).contains(after.state());
            assertThat(after.state()).isEqualTo(move.to());
            assertThat(before).as("the previous snapshot is untouched").isEqualTo(copyOfBefore);

            state = move.to();
            if (op instanceof Submit) {
                brokerId = "b-1";
            }
            String reason = switch (op) {
                case Cancel c -> c.why() == null ? "" : c.why();
                case Reject r -> r.why() == null ? "" : r.why();
                default -> "";
            };
            if (move.fillQuantity() > 0) {
                filled += move.fillQuantity();
                notional += move.fillQuantity() * move.fillPrice();
            }

            assertThat(after.filledQuantity()).isEqualTo(filled);
            assertThat(after.filledQuantity()).as("never decreases").isGreaterThanOrEqualTo(before.filledQuantity());
            assertThat(after.filledQuantity()).as("never exceeds the order").isLessThanOrEqualTo(requested);
            assertThat(after.state() == OrderState.FILLED).as("FILLED iff filled == requested")
                    .isEqualTo(after.filledQuantity() == requested);
            if (filled == 0) {
                assertThat(after.averageFillPrice()).isNaN();
            } else {
                assertThat(after.averageFillPrice()).as("quantity-weighted mean of the accepted fills")
                        .isCloseTo(notional / filled, within(1e-9));
            }
            assertThat(after.remainingQuantity()).isEqualTo(state.isTerminal() ? 0.0 : requested - filled);
            assertThat(after.updatedAt()).isEqualTo(time);
            assertThat(after.request()).isSameAs(before.request());
            assertThat(after.brokerOrderId()).as("set by submit, kept after").isEqualTo(brokerId);
            assertThat(after.reason()).isEqualTo(reason);
            order = after;
        }
    }

    @Provide
    Arbitrary<Double> requested() {
        return halves(1, 20);
    }

    @Property
    void terminalStatesAcceptNothing(@ForAll("requested") double q,
                                     @ForAll("operations") List<Op> anything) {
        OrderRequest request = OrderRequest.market("c-9", ContractSpecs.MES, Side.SELL, q);
        Order filled = Order.create(request, T).submit("b", T).fill(q, 5000.25, T);
        Order cancelled = Order.create(request, T).cancel("x", T);
        Order rejected = Order.create(request, T).submit("b", T).reject("no margin", T);
        Order cancelledAfterPartial = q > 0.5 ? Order.create(request, T).submit("b", T).fill(0.5, 5000, T).cancel("eod", T)
                : cancelled;
        for (Order terminal : List.of(filled, cancelled, rejected, cancelledAfterPartial)) {
            assertThat(terminal.state().isTerminal()).isTrue();
            assertThat(terminal.state().successors()).isEmpty();
            assertThat(terminal.remainingQuantity()).isZero();
            for (Op op : anything) {
                assertThatThrownBy(() -> apply(terminal, op, T)).as("%s after %s", op, terminal.state())
                        .isInstanceOfAny(IllegalOrderTransitionException.class, IllegalArgumentException.class);
            }
        }
    }

    @Property
    void successorsMatchTheDocumentedDiagram(@ForAll OrderState from, @ForAll OrderState to) {
        boolean documented = switch (from) {
            case NEW -> to == OrderState.SUBMITTED || to == OrderState.CANCELLED || to == OrderState.REJECTED;
            case SUBMITTED -> to == OrderState.PARTIALLY_FILLED || to == OrderState.FILLED
                    || to == OrderState.CANCELLED || to == OrderState.REJECTED;
            case PARTIALLY_FILLED -> to == OrderState.PARTIALLY_FILLED || to == OrderState.FILLED
                    || to == OrderState.CANCELLED;
            case FILLED, CANCELLED, REJECTED -> false;
        };
        assertThat(from.canMoveTo(to)).isEqualTo(documented);
        assertThat(from.isTerminal()).isEqualTo(from.successors().isEmpty());
        assertThat(from.isWorking()).isEqualTo(from == OrderState.SUBMITTED || from == OrderState.PARTIALLY_FILLED);
    }

    // --- exact messages ------------------------------------------------------------------------------

    private static Order newOrder(double quantity) {
        return Order.create(OrderRequest.market("c-1", ContractSpecs.ES, Side.BUY, quantity), T);
    }

    @Test
    void aFillBeforeSubmissionNamesBothStatesAndTheAllowedMoves() {
        assertThatThrownBy(() -> newOrder(2).fill(1, 3230, T))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessage("order c-1: illegal transition NEW -> PARTIALLY_FILLED (fill of 1.0 at 3230.0); "
                        + "allowed from NEW: [SUBMITTED, CANCELLED, REJECTED]");
    }

    @Test
    void submittingTwiceIsRefusedWithoutADetail() {
        Order submitted = newOrder(2).submit("b-7", T);
        assertThatThrownBy(() -> submitted.submit("b-8", T))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessage("order c-1: illegal transition SUBMITTED -> SUBMITTED; "
                        + "allowed from SUBMITTED: [PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED]");
    }

    @Test
    void aFillLargerThanWhatRemainsIsNotBooked() {
        Order working = newOrder(2).submit("b-7", T).fill(1, 3230, T);
        assertThatThrownBy(() -> working.fill(2, 3231, T))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(IllegalOrderTransitionException.class)
                .hasMessage("order c-1: fill of 2.0 exceeds the remaining 1.0 (ordered 2.0, filled 1.0); "
                        + "the fill was not applied");
        assertThat(working.filledQuantity()).isEqualTo(1.0);
    }

    @Test
    void aPartiallyFilledOrderCanNoLongerBeRejected() {
        Order working = newOrder(2).submit("b-7", T).fill(1, 3230, T);
        assertThatThrownBy(() -> working.reject("too late", T))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessage("order c-1: illegal transition PARTIALLY_FILLED -> REJECTED (too late); "
                        + "allowed from PARTIALLY_FILLED: [PARTIALLY_FILLED, FILLED, CANCELLED]");
    }

    @Test
    void aFilledOrderCannotBeCancelledAndSaysNothingIsAllowed() {
        Order filled = newOrder(1).submit("b", T).fill(1, 3230, T);
        assertThatThrownBy(() -> filled.cancel("late", T))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessage("order c-1: illegal transition FILLED -> CANCELLED (late); allowed from FILLED: []")
                .satisfies(e -> {
                    IllegalOrderTransitionException x = (IllegalOrderTransitionException) e;
                    assertThat(x.clientOrderId()).isEqualTo("c-1");
                    assertThat(x.from()).isEqualTo(OrderState.FILLED);
                    assertThat(x.to()).isEqualTo(OrderState.CANCELLED);
                });
    }

    @Test
    void aFillWithoutAUsableQuantityOrPriceIsRefusedWhateverTheState() {
        Order working = newOrder(2).submit("b-7", T);
        assertThatThrownBy(() -> working.fill(0, 3231, T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order c-1: a fill needs a finite quantity > 0 and a finite price, got quantity=0.0 price=3231.0");
        assertThatThrownBy(() -> working.fill(1, Double.NaN, T))
                .hasMessage("order c-1: a fill needs a finite quantity > 0 and a finite price, got quantity=1.0 price=NaN");
        assertThatThrownBy(() -> newOrder(2).cancel("x", T).fill(Double.NaN, 1, T))
                .isNotInstanceOf(IllegalOrderTransitionException.class)
                .hasMessage("order c-1: a fill needs a finite quantity > 0 and a finite price, got quantity=NaN price=1.0");
    }

    @Test
    void aSnapshotWithAFilledQuantityOutsideTheOrderIsRefused() {
        OrderRequest request = OrderRequest.market("c-1", ContractSpecs.ES, Side.BUY, 2);
        assertThatThrownBy(() -> new Order(request, "", OrderState.PARTIALLY_FILLED, 3, 3230, "", T))
                .hasMessage("order c-1: filledQuantity 3.0 is outside [0, 2.0]");
        assertThatThrownBy(() -> new Order(request, "", OrderState.NEW, -1, Double.NaN, "", T))
                .hasMessage("order c-1: filledQuantity -1.0 is outside [0, 2.0]");
        assertThatThrownBy(() -> new Order(request, "", OrderState.NEW, Double.NaN, Double.NaN, "", T))
                .hasMessage("order c-1: filledQuantity NaN is outside [0, 2.0]");
    }

    // --- worked examples -------------------------------------------------------------------------

    @Test
    void partialFillsAverageTheirPricesAndCompleteTheOrder() {
        Order o = newOrder(3).submit("b", T).fill(1, 3230.00, T);
        assertThat(o.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(o.remainingQuantity()).isEqualTo(2.0);
        o = o.fill(2, 3230.75, T);
        // (1 × 3230.00 + 2 × 3230.75) / 3 = 9691.50 / 3 = 3230.50
        assertThat(o.state()).isEqualTo(OrderState.FILLED);
        assertThat(o.averageFillPrice()).isEqualTo(3230.50);
        assertThat(o.remainingQuantity()).isZero();
        assertThat(o.brokerOrderId()).isEqualTo("b");
    }

    @Test
    void cancellingAPartiallyFilledOrderKeepsWhatFilledAndDropsTheRest() {
        Order o = newOrder(3).submit("b", T).fill(1, 3230, T).cancel("end of day", T.plusSeconds(5));
        assertThat(o.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(o.filledQuantity()).isEqualTo(1.0);
        assertThat(o.averageFillPrice()).isEqualTo(3230.0);
        assertThat(o.remainingQuantity()).isZero();
        assertThat(o.reason()).isEqualTo("end of day");
        assertThat(o.updatedAt()).isEqualTo(T.plusSeconds(5));
    }

    @Test
    void aFractionalShareFillWithinRoundingOfTheRestCompletesTheOrderAtTheOrderedQuantity() {
        Order o = Order.create(OrderRequest.market("c-7", ContractSpecs.ES, Side.BUY, 0.3), T).submit("b", T)
                .fill(0.1, 100, T).fill(0.2, 100, T);   // 0.1 + 0.2 != 0.3 in binary
        assertThat(o.state()).isEqualTo(OrderState.FILLED);
        assertThat(o.filledQuantity()).isEqualTo(0.3);
    }

    @Test
    void requestsAreValidatedWithTheOrderIdAndTheField() {
        assertThatThrownBy(() -> OrderRequest.market("c-4", ContractSpecs.ES, Side.BUY, 0))
                .hasMessage("order c-4 (BUY ES): quantity must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> OrderRequest.builder("c-5", ContractSpecs.ES, Side.SELL, 1).stop(Double.NaN).build())
                .hasMessage("order c-5 (SELL ES): a STOP order needs a finite stop price, got NaN");
        assertThatThrownBy(() -> OrderRequest.market(" ", ContractSpecs.ES, Side.BUY, 1))
                .hasMessage("order clientOrderId must not be blank");
        OrderRequest stopLimit = OrderRequest.builder("c-6", ContractSpecs.ES, Side.SELL, 1).stop(3220).limit(3219.75).build();
        assertThat(stopLimit.type()).isEqualTo(OrderType.STOP_LIMIT);
        assertThat(stopLimit.signedQuantity()).isEqualTo(-1.0);
        assertThatThrownBy(() -> Bracket.of(3240, 3250).validateAgainst(Side.BUY, 3230))
                .hasMessage("stop-loss 3240.0 must be below the entry price 3230.0 for a BUY");
        assertThatThrownBy(() -> Bracket.takeProfit(3240).validateAgainst(Side.SELL, 3230))
                .hasMessage("take-profit 3240.0 must be below the entry price 3230.0 for a SELL");
    }
}
