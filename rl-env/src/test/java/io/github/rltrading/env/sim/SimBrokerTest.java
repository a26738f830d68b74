package io.github.rltrading.env.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.CommissionModel;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.BrokerListener;
import io.github.rltrading.core.trading.Bracket;
import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.OrderState;
import io.github.rltrading.core.trading.Side;
import io.github.rltrading.core.trading.TimeInForce;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimBrokerTest {

    static final Instrument ES = ContractSpecs.ES.withCommission(CommissionModel.perUnit(2.25, 0));
    static final Instant T0 = Instant.parse("2020-01-02T14:31:00Z");

    final List<String> events = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    final List<Order> updates = new ArrayList<>();
    SimBroker broker;
    int minute;

    @BeforeEach
    void start() {
        broker = new SimBroker(new ExecutionModel(Slippage.fixedTicks(1), true));
        broker.setListener(new BrokerListener() {
            @Override
            public void onOrderUpdate(Order order) {
                updates.add(order);
                events.add("update " + order.clientOrderId() + " " + order.state());
            }

            @Override
            public void onFill(Fill fill) {
                fills.add(fill);
                events.add("fill " + fill.clientOrderId() + " " + fill.price());
            }
        });
        broker.connect();
    }

    Bar bar(double o, double h, double l, double c) {
        return new Bar("ES", Timeframe.M1, T0.plusSeconds(60L * minute++), o, h, l, c, 1000);
    }

    @Test
    void aMarketOrderFillsAtTheNextBarsOpenPlusSlippageNeverEarlier() {
        Order o = broker.submit(OrderRequest.market("m1", ES, Side.BUY, 2));
        assertThat(o.state()).isEqualTo(OrderState.SUBMITTED);
        assertThat(fills).isEmpty();
        Bar next = bar(3230.00, 3231.00, 3229.00, 3230.50);
        broker.onBar(next);
        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(3230.25);
            assertThat(f.commission()).isEqualTo(4.50);
            assertThat(f.time()).isEqualTo(next.start());
        });
        assertThat(events).containsExactly("fill m1 3230.25", "update m1 FILLED");
        assertThat(broker.position("ES")).isEqualTo(2);
        assertThat(broker.openOrders()).isEmpty();
    }

    @Test
    void marketOrdersPayHalfTheQuotedSpreadRoundedAgainstTheTrader() {
        broker.quote(3229.75, 3230.25);
        broker.submit(OrderRequest.market("s1", ES, Side.SELL, 1));
        broker.onBar(bar(3230.00, 3231.00, 3229.00, 3230.50));
        // open 3230.00 - one tick - half a 0.50 spread = 3229.50
        assertThat(fills.get(0).price()).isEqualTo(3229.50);
        assertThat(broker.position("ES")).isEqualTo(-1);
    }

    @Test
    void limitsNeedATradeThroughAndGapsFillAtTheOpen() {
        broker.submit(OrderRequest.limit("l1", ES, Side.BUY, 1, 3229.00));
        broker.onBar(bar(3230.00, 3231.00, 3229.00, 3230.50)); // touches 3229.00 only
        assertThat(fills).isEmpty();
        broker.onBar(bar(3230.00, 3231.00, 3228.75, 3230.50)); // trades through
        assertThat(fills.get(0).price()).isEqualTo(3229.00);
        broker.submit(OrderRequest.limit("l2", ES, Side.BUY, 1, 3229.00));
        broker.onBar(bar(3227.00, 3228.00, 3226.00, 3227.50)); // opens below the limit
        assertThat(fills.get(1).price()).isEqualTo(3227.00);
    }

    @Test
    void stopsFillAtTheStopOrAWorseGapOpenPlusSlippage() {
        broker.submit(OrderRequest.builder("st1", ES, Side.SELL, 1).stop(3225.00).build());
        broker.onBar(bar(3230.00, 3231.00, 3225.25, 3226.00));
        assertThat(fills).isEmpty();
        broker.onBar(bar(3224.00, 3224.50, 3222.00, 3223.00)); // gaps through the stop
        assertThat(fills.get(0).price()).isEqualTo(3223.75);
    }

    @Test
    void aStopLimitThatGapsBeyondItsLimitKeepsWorkingAsALimit() {
        broker.submit(OrderRequest.builder("sl1", ES, Side.BUY, 1).stop(3231.00).limit(3231.50).build());
        broker.onBar(bar(3232.00, 3233.00, 3231.75, 3232.50)); // triggers, but opens above the limit
        assertThat(fills).isEmpty();
        assertThat(broker.openOrders()).hasSize(1);
        broker.onBar(bar(3232.00, 3232.50, 3231.25, 3231.50)); // now trades through 3231.50
        assertThat(fills.get(0).price()).isEqualTo(3231.50);
    }

    @Test
    void whenABarReachesBothBracketLegsTheStopLossIsAssumedFirst() {
        broker.submit(OrderRequest.builder("e1", ES, Side.BUY, 1).bracket(Bracket.of(3225.00, 3235.00)).build());
        broker.onBar(bar(3230.00, 3236.00, 3224.00, 3230.00)); // entry at the open, then both legs in range
        assertThat(fills).extracting(Fill::clientOrderId).containsExactly("e1", "e1-sl");
        assertThat(fills.get(1).price()).isEqualTo(3224.75); // stop 3225 minus one tick
        assertThat(broker.position("ES")).isZero();
        assertThat(updates).anySatisfy(u -> {
            assertThat(u.clientOrderId()).isEqualTo("e1-tp");
            assertThat(u.state()).isEqualTo(OrderState.CANCELLED);
        });
        assertThat(broker.openOrders()).isEmpty();
    }

    @Test
    void aTakeProfitFillsAtItsLimitAndCancelsTheStop() {
        broker.submit(OrderRequest.builder("e2", ES, Side.SELL, 2).bracket(Bracket.of(3235.00, 3225.00)).build());
        broker.onBar(bar(3230.00, 3231.00, 3229.00, 3230.00));
        assertThat(broker.openOrders()).extracting(Order::clientOrderId).containsExactly("e2-sl", "e2-tp");
        broker.onBar(bar(3228.00, 3229.00, 3224.50, 3225.00));
        assertThat(fills.get(1).clientOrderId()).isEqualTo("e2-tp");
        assertThat(fills.get(1).price()).isEqualTo(3225.00);
        assertThat(fills.get(1).quantity()).isEqualTo(2);
        assertThat(broker.openOrders()).isEmpty();
        assertThat(broker.position("ES")).isZero();
    }

    @Test
    void bracketExitsAreReduceOnly() {
        broker.submit(OrderRequest.builder("e3", ES, Side.BUY, 1).bracket(Bracket.stopLoss(3220.00)).build());
        broker.onBar(bar(3230.00, 3231.00, 3229.00, 3230.00));
        broker.submit(OrderRequest.market("flat", ES, Side.SELL, 1)); // closed another way
        broker.onBar(bar(3228.00, 3229.00, 3227.00, 3228.50));
        assertThat(broker.position("ES")).isZero();
        broker.onBar(bar(3219.00, 3219.50, 3218.00, 3218.50)); // the stop would trigger now
        assertThat(fills).extracting(Fill::clientOrderId).containsExactly("e3", "flat");
        assertThat(broker.position("ES")).isZero();
        assertThat(updates.get(updates.size() - 1).reason()).contains("no position left to protect");
    }

    @Test
    void badOrdersAreRejectedWithTheReason() {
        SimBroker closed = new SimBroker();
        assertThat(closed.submit(OrderRequest.market("x", ES, Side.BUY, 1)).reason()).contains("call connect() first");
        assertThat(broker.submit(OrderRequest.limit("x", ES, Side.BUY, 1, 3230.10)).reason())
                .contains("price 3230.1 is not on ES's tick grid of 0.25");
        assertThat(broker.submit(OrderRequest.builder("y", ES, Side.BUY, 1).bracket(Bracket.of(3240.00, 3230.00)).build())
                .reason()).contains("wrong way round");
        broker.submit(OrderRequest.limit("z", ES, Side.BUY, 1, 3200.00));
        Order dup = broker.submit(OrderRequest.limit("z", ES, Side.BUY, 1, 3200.00));
        assertThat(dup.state()).isEqualTo(OrderState.REJECTED);
        assertThat(dup.reason()).contains("already working");
    }

    @Test
    void iocOrdersGetOneBarAndCancelsAreReported() {
        broker.submit(OrderRequest.builder("ioc", ES, Side.BUY, 1).limit(3200.00).timeInForce(TimeInForce.IOC).build());
        broker.submit(OrderRequest.limit("gtc", ES, Side.BUY, 1, 3200.00));
        broker.onBar(bar(3230.00, 3231.00, 3229.00, 3230.00));
        assertThat(broker.openOrders()).extracting(Order::clientOrderId).containsExactly("gtc");
        broker.cancel("gtc");
        broker.cancel("unknown");
        assertThat(events).containsExactly("update ioc CANCELLED", "update gtc CANCELLED");
        assertThat(broker.openOrders()).isEmpty();
    }
}
