package io.github.rltrading.broker.nt8;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.broker.testkit.RecordingListener;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.OrderState;
import io.github.rltrading.core.trading.Side;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * NinjaTrader may report an order's update before the execution behind it, resend executions, or
 * execute orders this side never sent: the broker still delivers fills before the updates that
 * reflect them, books every execution once, and keeps the portfolio equal to NinjaTrader's.
 */
class Nt8BrokerEventOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void anUpdateAheadOfItsExecutionIsHeldAndExecutionsAreBookedOnce() throws Exception {
        try (Nt8Bridge bridge = Nt8Bridge.builder().port(0).build().start(); RawClient nt = new RawClient(bridge.port())) {
            Nt8Broker broker = bridge.broker(ContractSpecs.ES);
            RecordingListener listener = new RecordingListener();
            broker.setListener(listener);
            nt.hello("ES 12-26");
            nt.next(WAIT); // welcome
            CompletableFuture<Void> connected = CompletableFuture.runAsync(broker::connect);
            ObjectNode sync = nt.next(WAIT);
            nt.line("{\"type\":\"sync_done\",\"v\":1,\"id\":\"" + sync.get("id").asText() + "\"}");
            connected.get(5, TimeUnit.SECONDS);

            CompletableFuture<Order> submitted = CompletableFuture.supplyAsync(
                    () -> broker.submit(OrderRequest.limit("L1", ContractSpecs.ES, Side.BUY, 2, 6000.25)));
            ObjectNode order = nt.next(WAIT);
            nt.line("{\"type\":\"order_update\",\"v\":1,\"id\":\"" + order.get("id").asText()
                    + "\",\"clientOrderId\":\"L1\",\"state\":\"SUBMITTED\",\"brokerOrderId\":\"nt-1\"}");
            Order o = submitted.get(5, TimeUnit.SECONDS);
            listener.submitted(o);
            assertThat(o.state()).isEqualTo(OrderState.SUBMITTED);
            assertThat(o.brokerOrderId()).isEqualTo("nt-1");

            // Cancelled after 1 of 2 filled, reported before that execution arrives.
            nt.line("{\"type\":\"order_update\",\"v\":1,\"clientOrderId\":\"L1\",\"state\":\"CANCELLED\",\"filledQuantity\":1,"
                    + "\"reason\":\"cancelled by user\"}");
            assertThat(nt.ping("p1")).isTrue();
            assertThat(listener.updates()).as("the update waits for its execution").isEmpty();
            String execution = "{\"type\":\"execution\",\"v\":1,\"executionId\":\"e1\",\"clientOrderId\":\"L1\",\"side\":\"BUY\","
                    + "\"quantity\":1,\"price\":6000.25,\"commission\":2.5}";
            nt.line(execution);
            nt.line(execution); // sent twice: booked once
            assertThat(nt.ping("p2")).isTrue();
            assertThat(listener.events()).containsExactly("fill L1 BUY 1.0 @ 6000.25", "update L1 PARTIALLY_FILLED", "update L1 CANCELLED");
            assertThat(listener.updates().get(1).reason()).isEqualTo("cancelled by user");

            // An execution of an order this side never sent is booked, with a warning, so the books match NinjaTrader.
            nt.line("{\"type\":\"execution\",\"v\":1,\"executionId\":\"e2\",\"clientOrderId\":\"manual-7\",\"side\":\"SELL\","
                    + "\"quantity\":1,\"price\":6001}");
            assertThat(nt.ping("p3")).isTrue();
            assertThat(listener.fills()).hasSize(2);
            assertThat(listener.events()).anyMatch(e -> e.startsWith("error execution e2 belongs to order manual-7, which this"
                    + " session does not know; booked"));
            nt.line("{\"type\":\"order_update\",\"v\":1,\"clientOrderId\":\"L1\",\"state\":\"BOGUS\"}");
            ObjectNode error = nt.next(WAIT);
            assertThat(error.get("message").asText()).isEqualTo("order_update.state must be one of [NEW, SUBMITTED, PARTIALLY_FILLED,"
                    + " FILLED, CANCELLED, REJECTED], got \"BOGUS\"");
            assertThat(listener.violations()).isEmpty();
        }
    }
}
