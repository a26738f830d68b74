package io.github.rltrading.core.spi;

import io.github.rltrading.core.trading.Fill;
import io.github.rltrading.core.trading.Order;

/**
 * Receives a broker's events. Live brokers call it from their I/O thread; implementations (the
 * trading session) must be thread-safe and return quickly.
 */
public interface BrokerListener {

    /** An order changed state (submitted, partially filled, filled, cancelled, rejected). */
    void onOrderUpdate(Order order);

    /** An execution happened. Delivered before the order update that reflects it. */
    void onFill(Fill fill);

    /** Something went wrong outside a request (lost connection, unexpected message). */
    default void onError(String message, Throwable cause) {}
}
