package io.github.rltrading.core.spi;

import io.github.rltrading.core.ComponentState;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.OrderRequest;
import java.util.List;
import java.util.Map;

/**
 * Where orders go: the simulated broker of backtests, NinjaTrader 8, Interactive Brokers. The
 * trading session is the same for all of them.
 *
 * <pre>{@code
 * try (Broker broker = Plugins.broker(config)) {
 *     broker.setListener(listener);
 *     broker.connect();
 *     Order o = broker.submit(OrderRequest.market("c-1", ContractSpecs.ES, Side.BUY, 1));
 * }
 * }</pre>
 *
 * <p>Failures fail closed: a broker that cannot reach its venue rejects new orders (a REJECTED
 * order with the reason) rather than queuing them silently.
 */
public interface Broker extends AutoCloseable {

    /** Connects (or starts accepting a connection); returns once ready or throws. */
    void connect();

    ComponentState state();

    /** Registers the single listener for fills, order updates and errors; call before {@link #connect}. */
    void setListener(BrokerListener listener);

    /**
     * Sends an order. Returns its snapshot right after submission: SUBMITTED (accepted, fills come
     * later through the listener) or REJECTED with a reason. Never returns null.
     */
    Order submit(OrderRequest request);

    /** Asks to cancel a working order; the result arrives as an order update. Unknown ids are ignored with a warning. */
    void cancel(String clientOrderId);

    /** Orders that can still fill. */
    List<Order> openOrders();

    /** Positions as the broker reports them, signed quantity by symbol; used to re-synchronise. */
    Map<String, Double> positions();

    /**
     * A new bar closed. Simulated brokers fill pending orders against it (at the next bar's open,
     * never the bar that produced the decision); live brokers ignore it.
     */
    default void onBar(Bar bar) {}

    @Override
    void close();
}
