package io.github.rltrading.broker.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rltrading.core.ComponentState;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.Broker;
import io.github.rltrading.core.trading.Bracket;
import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.OrderState;
import io.github.rltrading.core.trading.Side;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every broker adapter keeps, as JUnit 5 tests. Extend it in your adapter's test
 * sources and say how to make a broker and how to move its market:
 *
 * <pre>{@code
 * class MyBrokerCompatibilityTest extends BrokerCompatibilityKit {
 *     protected Broker newBroker() { return new MyBroker(simulatorAddress); }
 *     protected Instrument instrument() { return ContractSpecs.ES; }
 *     protected void marketMoves(Broker broker, Bar bar) { simulator.publish(bar); broker.onBar(bar); }
 * }
 * }</pre>
 *
 * <p>Checked: submission (SUBMITTED or a REJECTED snapshot with a reason, never null), fills after
 * the market moves, fills delivered before the update that reflects them, the order state machine
 * (no update after a terminal state), cancel (and cancel of an unknown id ignored), duplicate client
 * order ids rejected, orders before {@code connect()} rejected, positions after fills, brackets
 * protecting a position with one-cancels-other exits, limits that wait for their price, and
 * {@code close()}. Disconnect and reconnect run only where {@link #reconnect} is implemented.
 *
 * <p>Prices are built around {@link #basePrice()} on the instrument's tick grid. Brokers that need
 * time to deliver events can override {@link #settle}.
 */
public abstract class BrokerCompatibilityKit {

    /** A new, unconnected broker for one test. */
    protected abstract Broker newBroker();

    /** The instrument the tests trade. */
    protected abstract Instrument instrument();

    /**
     * Moves the market by one bar so that working orders can fill: a simulated broker gets
     * {@code broker.onBar(bar)}; a live adapter's test drives its simulator or paper account.
     */
    protected void marketMoves(Broker broker, Bar bar) {
        broker.onBar(bar);
    }

    /** Waits until events caused by the last action have arrived (nothing to wait for by default). */
    protected void settle(Broker broker) {}

    /** A price the instrument trades near (4000 by default). */
    protected double basePrice() {
        return 4000;
    }

    /** Whether the broker supports brackets (stop-loss and take-profit children); true by default. */
    protected boolean supportsBrackets() {
        return true;
    }

    /**
     * Drops the connection and connects again, for adapters where that applies; the default says it
     * does not apply, which skips the reconnect test with a message.
     *
     * @return false when disconnecting does not apply to this broker
     */
    protected boolean reconnect(Broker broker) {
        return false;
    }

    protected Broker broker;
    protected RecordingListener listener;
    private Instant clock = Instant.parse("2024-01-02T14:31:00Z");
    private int ids;

    @BeforeEach
    void startBroker() {
        broker = newBroker();
        listener = new RecordingListener();
        broker.setListener(listener);
        broker.connect();
    }

    @AfterEach
    void stopBroker() {
        try {
            assertThat(listener.violations()).as("broker contract violations; events: " + listener.events()).isEmpty();
        } finally {
            broker.close();
        }
    }

    /** A price {@code ticks} ticks from the base price. */
    protected double price(int ticks) {
        return instrument().roundToTick(basePrice()) + ticks * instrument().tickSize();
    }

    /** The next one-minute bar, with open, high, low and close in ticks from the base price. */
    protected Bar bar(int open, int high, int low, int close) {
        clock = clock.plus(Duration.ofMinutes(1));
        return new Bar(instrument().symbol(), Timeframe.M1, clock, price(open), price(high), price(low), price(close), 1000);
    }

    protected String nextId() {
        return "kit-" + (++ids);
    }

    protected Order submit(OrderRequest request) {
        Order o = broker.submit(request);
        assertThat(o).as("submit never returns null").isNotNull();
        listener.submitted(o);
        return o;
    }

    protected void move(Bar bar) {
        marketMoves(broker, bar);
        settle(broker);
    }

    private double position() {
        settle(broker);
        return broker.positions().getOrDefault(instrument().symbol(), 0.0);
    }

    @Test
    void aSubmittedOrderIsWorkingUntilTheMarketMoves() {
        Order o = submit(OrderRequest.market(nextId(), instrument(), Side.BUY, 1));
        assertThat(o.state()).isEqualTo(OrderState.SUBMITTED);
        assertThat(broker.openOrders()).extracting(Order::clientOrderId).contains(o.clientOrderId());
        assertThat(listener.fills()).isEmpty();
    }

    @Test
    void aMarketOrderFillsAndTheFillArrivesBeforeItsUpdate() {
        Order o = submit(OrderRequest.market(nextId(), instrument(), Side.BUY, 2));
        move(bar(0, 4, -4, 2));
        assertThat(listener.fills()).as("fills").isNotEmpty();
        Fill f = listener.fills().get(0);
        assertThat(f.clientOrderId()).isEqualTo(o.clientOrderId());
        assertThat(instrument().isOnTickGrid(f.price())).as("fill price on the tick grid").isTrue();
        int fill = listener.events().indexOf(listener.events().stream().filter(e -> e.startsWith("fill ")).findFirst().orElseThrow());
        int filled = listener.events().indexOf("update " + o.clientOrderId() + " FILLED");
        assertThat(filled).as("a FILLED update").isGreaterThan(fill);
        assertThat(position()).isEqualTo(2);
        assertThat(broker.openOrders()).extracting(Order::clientOrderId).doesNotContain(o.clientOrderId());
    }

    @Test
    void positionsFollowFillsBothWays() {
        submit(OrderRequest.market(nextId(), instrument(), Side.BUY, 3));
        move(bar(0, 2, -2, 1));
        submit(OrderRequest.market(nextId(), instrument(), Side.SELL, 5));
        move(bar(1, 3, -1, 0));
        assertThat(position()).isEqualTo(-2);
        submit(OrderRequest.market(nextId(), instrument(), Side.BUY, 2));
        move(bar(0, 2, -2, 1));
        assertThat(position()).isZero();
    }

    @Test
    void aCancelledOrderIsReportedAndNeverFills() {
        Order o = submit(OrderRequest.limit(nextId(), instrument(), Side.BUY, 1, price(-40)));
        broker.cancel(o.clientOrderId());
        settle(broker);
        assertThat(listener.state(o.clientOrderId())).isEqualTo(OrderState.CANCELLED);
        move(bar(0, 2, -50, -45));
        assertThat(listener.fills()).isEmpty();
        assertThat(broker.openOrders()).isEmpty();
    }

    @Test
    void cancellingAnUnknownOrderIsHarmless() {
        broker.cancel("no-such-order");
        settle(broker);
        assertThat(listener.updates()).isEmpty();
        assertThat(broker.state()).isEqualTo(ComponentState.RUNNING);
    }

    @Test
    void aDuplicateClientOrderIdIsRejectedWithAReason() {
        String id = nextId();
        submit(OrderRequest.limit(id, instrument(), Side.BUY, 1, price(-40)));
        Order second = broker.submit(OrderRequest.limit(id, instrument(), Side.BUY, 1, price(-40)));
        assertThat(second.state()).isEqualTo(OrderState.REJECTED);
        assertThat(second.reason()).isNotBlank();
    }

    @Test
    void ordersBeforeConnectAreRejectedWithAReason() {
        Broker fresh = newBroker();
        try {
            fresh.setListener(new RecordingListener());
            Order o = fresh.submit(OrderRequest.market(nextId(), instrument(), Side.BUY, 1));
            assertThat(o.state()).isEqualTo(OrderState.REJECTED);
            assertThat(o.reason()).isNotBlank();
        } finally {
            fresh.close();
        }
    }

    @Test
    void aLimitWaitsForItsPrice() {
        Order o = submit(OrderRequest.limit(nextId(), instrument(), Side.BUY, 1, price(-8)));
        move(bar(0, 4, -4, 2));
        assertThat(listener.fills()).isEmpty();
        move(bar(0, 2, -12, -10));
        assertThat(listener.fills()).singleElement().satisfies(f -> {
            assertThat(f.clientOrderId()).isEqualTo(o.clientOrderId());
            assertThat(f.price()).isLessThanOrEqualTo(price(-8));
        });
    }

    @Test
    void aBracketProtectsThePositionAndItsExitsCancelEachOther() {
        assumeTrue(supportsBrackets(), "this broker does not support brackets");
        submit(OrderRequest.builder(nextId(), instrument(), Side.BUY, 1)
                .bracket(Bracket.of(price(-20), price(20))).build());
        move(bar(0, 2, -2, 1));
        assertThat(position()).isEqualTo(1);
        move(bar(0, 1, -24, -22)); // through the stop-loss
        assertThat(position()).isZero();
        assertThat(broker.openOrders()).as("the take-profit was cancelled").isEmpty();
        assertThat(listener.fills()).hasSize(2);
        assertThat(listener.fills().get(1).side()).isEqualTo(Side.SELL);
    }

    @Test
    void closeEndsTheBroker() {
        broker.close();
        assertThat(broker.state()).isEqualTo(ComponentState.CLOSED);
    }

    @Test
    void disconnectAndReconnectKeepPositionsAndOrders() {
        submit(OrderRequest.market(nextId(), instrument(), Side.BUY, 1));
        move(bar(0, 2, -2, 1));
        Order working = submit(OrderRequest.limit(nextId(), instrument(), Side.BUY, 1, price(-40)));
        assumeTrue(reconnect(broker), "disconnect and reconnect do not apply to this broker");
        assertThat(broker.state()).isEqualTo(ComponentState.RUNNING);
        assertThat(position()).isEqualTo(1);
        assertThat(broker.openOrders()).extracting(Order::clientOrderId).contains(working.clientOrderId());
    }
}
