package io.github.rltrading.broker.nt8.protocol;

import java.util.Locale;
import java.util.Optional;

/** Every message type of protocol v1, by its wire name. */
public enum MessageType {
    /** Client → server, first message: version, instrument, account, timeframes, optional token. */
    HELLO,
    /** Server → client, reply to {@code hello}: connection id, heartbeat and timeout settings. */
    WELCOME,
    /** Client → server: one closed bar of the primary or an added series. */
    BAR,
    /** Client → server request: the decision for a closed primary bar. */
    ACTION_REQUEST,
    /** Server → client reply: target position, protective prices, the orders sent for it. */
    ACTION_RESPONSE,
    /** Server → client request: submit an order (the strategy replies with an {@code order_update}). */
    ORDER,
    /** Server → client request: cancel a working order (reply: an {@code order_update}). */
    CANCEL,
    /** Client → server: an order's state, as a reply to {@code order}/{@code cancel} or unsolicited. */
    ORDER_UPDATE,
    /** Client → server: one execution (fill). */
    EXECUTION,
    /** Client → server: the strategy's position in an instrument. */
    POSITION,
    /** Client → server: account values (cash, realised and unrealised P&amp;L). */
    ACCOUNT,
    /** Server → client request: report position and working orders, then {@code sync_done}. */
    SYNC_REQUEST,
    /** Client → server reply to {@code sync_request}: everything was reported. */
    SYNC_DONE,
    /** Either way: keep-alive; with an {@code id} it is a ping that the other side echoes. */
    HEARTBEAT,
    /** Either way: something was wrong with a message; the connection stays open. */
    ERROR;

    /** The wire name, e.g. {@code action_request}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type with this wire name, if there is one. */
    public static Optional<MessageType> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (MessageType t : values()) {
            if (t.wireName().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
