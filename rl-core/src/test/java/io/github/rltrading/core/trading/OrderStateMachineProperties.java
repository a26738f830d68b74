package io.github.rltrading.core.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.market.ContractSpecs;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class OrderStateMachineProperties {

    private static final Instant T = Instant.parse("2020-01-02T15:00:00Z");

    sealed interface Op permits Submit, FillOp, Cancel, Reject {}

    record Submit() implements Op {}

    record FillOp(double quantity, double price) implements Op {}

    record Cancel() implements Op {}

    record Reject() implements Op {}

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> submit = Arbitraries.just(new Submit());
        Arbitrary<Op> fill = Combinators.combine(
                Arbitraries.integers().between(1, 12).map(Integer::doubleValue),
                Arbitraries.integers().between(12_000, 13_000).map(i -> i * 0.25))
                .as(FillOp::new);
        Arbitrary<Op> cancel = Arbitraries.just(new Cancel());
        Arbitrary<Op> reject = Arbitraries.just(new Reject());
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(2, submit), net.jqwik.api.Tuple.of(6, fill),
                        net.jqwik.api.Tuple.of(1, cancel), net.jqwik.api.Tuple.of(1, reject))
                .list().ofMaxSize(12);
    }

    @Property(tries = 500)
    void everyOperationIsALegalTransitionOrRefusedWithoutChange(@ForAll("operations") List<Op> ops,
                                                                @ForAll("quantities") double requested) {
        Order order = Order.create(OrderRequest.market("c-1", ContractSpecs.ES, Side.BUY, requested), T);
        double notional = 0;
        double accepted = 0;
        for (Op op : ops) {
            Order before = order;
            try {
                order = switch (op) {
                    case Submit s -> order.submit("b-1", T);
                    case FillOp f -> order.fill(f.quantity(), f.price(), T);
                    case Cancel c -> order.cancel("user", T);
                    case Reject r -> order.reject("venue closed", T);
                };
            } catch (IllegalOrderTransitionException | IllegalArgumentException refused) {
                assertThat(order).isSameAs(before);
                assertThat(refusalWasRequired(before, op)).as("refused %s in %s", op, before.state()).isTrue();
                continue;
            }
            assertThat(before.state().canMoveTo(order.state()))
                    .as("%s -> %s", before.state(), order.state()).isTrue();
            assertThat(order.filledQuantity()).isGreaterThanOrEqualTo(before.filledQuantity());
            assertThat(order.filledQuantity()).isLessThanOrEqualTo(requested);
            if (op instanceof FillOp f) {
                notional += f.quantity() * f.price();
                accepted += f.quantity();
                assertThat(order.averageFillPrice()).isCloseTo(notional / accepted,
                        org.assertj.core.api.Assertions.within(1e-9));
            }
            assertThat(order.state() == OrderState.FILLED).isEqualTo(order.filledQuantity() == requested);
        }
    }

    /** What the state machine says must be refused, computed independently of Order. */
    private static boolean refusalWasRequired(Order o, Op op) {
        return switch (op) {
            case Submit s -> o.state() != OrderState.NEW;
            case Cancel c -> o.state().isTerminal();
            case Reject r -> o.state() != OrderState.NEW && o.state() != OrderState.SUBMITTED;
            case FillOp f -> !o.state().isWorking() || f.quantity() > o.request().quantity() - o.filledQuantity();
        };
    }

    @Provide
    Arbitrary<Double> quantities() {
        return Arbitraries.integers().between(1, 10).map(Integer::doubleValue);
    }

    @Property
    void terminalStatesAcceptNothing(@ForAll("quantities") double q) {
        Order filled = Order.create(OrderRequest.market("c-9", ContractSpecs.MES, Side.SELL, q), T)
                .submit("b", T).fill(q, 5000.25, T);
        Order cancelled = Order.create(OrderRequest.market("c-8", ContractSpecs.MES, Side.SELL, q), T).cancel("x", T);
        for (Order terminal : List.of(filled, cancelled)) {
            assertThat(terminal.state().successors()).isEmpty();
            assertThat(terminal.remainingQuantity()).isZero();
            assertThatThrownBy(() -> terminal.fill(1, 5000, T)).isInstanceOf(IllegalOrderTransitionException.class);
            assertThatThrownBy(() -> terminal.cancel("again", T)).isInstanceOf(IllegalOrderTransitionException.class);
            assertThatThrownBy(() -> terminal.reject("late", T)).isInstanceOf(IllegalOrderTransitionException.class);
        }
    }

    @Test
    void illegalMovesSayWhatWasTriedAndWhatIsAllowed() {
        Order order = Order.create(OrderRequest.market("c-1", ContractSpecs.ES, Side.BUY, 2), T);
        assertThatThrownBy(() -> order.fill(1, 3230, T))
                .isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessage("order c-1: illegal transition NEW -> PARTIALLY_FILLED (fill of 1.0 at 3230.0); "
                        + "allowed from NEW: [SUBMITTED, CANCELLED, REJECTED]");
        Order working = order.submit("b-7", T).fill(1, 3230, T);
        assertThatThrownBy(() -> working.fill(2, 3231, T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order c-1: fill of 2.0 exceeds the remaining 1.0 (ordered 2.0, filled 1.0); "
                        + "the fill was not applied");
        assertThatThrownBy(() -> working.reject("too late", T))
                .hasMessage("order c-1: illegal transition PARTIALLY_FILLED -> REJECTED (too late); "
                        + "allowed from PARTIALLY_FILLED: [PARTIALLY_FILLED, FILLED, CANCELLED]");
        assertThatThrownBy(() -> working.fill(0, 3231, T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order c-1: a fill needs a finite quantity > 0 and a finite price, got quantity=0.0 price=3231.0");
    }

    @Test
    void partialFillsAverageTheirPricesAndCompleteTheOrder() {
        Order o = Order.create(OrderRequest.market("c-2", ContractSpecs.ES, Side.BUY, 3), T).submit("b", T)
                .fill(1, 3230.00, T)
                .fill(2, 3230.75, T);
        assertThat(o.state()).isEqualTo(OrderState.FILLED);
        assertThat(o.averageFillPrice()).isEqualTo((3230.00 + 2 * 3230.75) / 3); // 3230.5
        assertThat(o.remainingQuantity()).isZero();
        Order cancelledRest = Order.create(OrderRequest.market("c-3", ContractSpecs.ES, Side.BUY, 3), T).submit("b", T)
                .fill(1, 3230, T).cancel("end of day", T);
        assertThat(cancelledRest.filledQuantity()).isEqualTo(1.0);
        assertThat(cancelledRest.reason()).isEqualTo("end of day");
    }

    @Test
    void requestsAreValidatedWithTheOrderIdAndTheField() {
        assertThatThrownBy(() -> OrderRequest.market("c-4", ContractSpecs.ES, Side.BUY, 0))
                .hasMessage("order c-4 (BUY ES): quantity must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> OrderRequest.builder("c-5", ContractSpecs.ES, Side.SELL, 1).stop(Double.NaN).build())
                .hasMessage("order c-5 (SELL ES): a STOP order needs a finite stop price, got NaN");
        OrderRequest stopLimit = OrderRequest.builder("c-6", ContractSpecs.ES, Side.SELL, 1).stop(3220).limit(3219.75).build();
        assertThat(stopLimit.type()).isEqualTo(OrderType.STOP_LIMIT);
        assertThatThrownBy(() -> Bracket.of(3240, 3250).validateAgainst(Side.BUY, 3230))
                .hasMessage("stop-loss 3240.0 must be below the entry price 3230.0 for a BUY");
    }
}
