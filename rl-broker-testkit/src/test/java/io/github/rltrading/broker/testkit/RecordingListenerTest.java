package io.github.rltrading.broker.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.Side;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The kit's checker catches the mistakes adapters make. */
class RecordingListenerTest {

    static final Instant T = Instant.parse("2024-01-02T14:31:00Z");

    static Order submitted(String id) {
        return Order.create(OrderRequest.market(id, ContractSpecs.ES, Side.BUY, 2), T).submit("b-" + id, T);
    }

    static Fill fill(String id, double qty) {
        return new Fill(id, ContractSpecs.ES, Side.BUY, qty, 4000, 0, T);
    }

    @Test
    void aCompliantSequenceHasNoViolations() {
        RecordingListener l = new RecordingListener();
        Order o = submitted("a");
        l.submitted(o);
        l.onFill(fill("a", 2));
        l.onOrderUpdate(o.fill(2, 4000, T));
        assertThat(l.violations()).isEmpty();
        assertThat(l.events()).containsExactly("fill a BUY 2.0 @ 4000.0", "update a FILLED");
    }

    @Test
    void anUpdateBeforeItsFillIsAViolation() {
        RecordingListener l = new RecordingListener();
        Order o = submitted("b");
        l.submitted(o);
        l.onOrderUpdate(o.fill(2, 4000, T));
        l.onFill(fill("b", 2));
        assertThat(l.violations()).hasSize(2).anySatisfy(v -> assertThat(v).contains("reports 2.0 filled but only 0.0"))
                .anySatisfy(v -> assertThat(v).contains("fill for order b after it was FILLED"));
    }

    @Test
    void movingBackFromATerminalStateIsAViolation() {
        RecordingListener l = new RecordingListener();
        Order o = submitted("c");
        l.submitted(o);
        l.onOrderUpdate(o.cancel("user", T));
        l.onOrderUpdate(o);
        assertThat(l.violations()).singleElement().asString().contains("moved from CANCELLED to SUBMITTED");
    }
}
