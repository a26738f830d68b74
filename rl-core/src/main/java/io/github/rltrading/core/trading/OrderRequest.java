package io.github.rltrading.core.trading;

import io.github.rltrading.core.market.Instrument;
import java.util.Objects;

/**
 * What a strategy asks a broker to do. Immutable; build with the factories or the builder:
 *
 * <pre>{@code
 * OrderRequest buy = OrderRequest.market("c-1", ContractSpecs.ES, Side.BUY, 2);
 * OrderRequest sell = OrderRequest.builder("c-2", ContractSpecs.ES, Side.SELL, 1)
 *         .limit(3231.25).timeInForce(TimeInForce.GTC)
 *         .bracket(Bracket.of(3236.25, 3221.25)).tag("ppo-v3")
 *         .build();
 * }</pre>
 *
 * @param clientOrderId the caller's id, unique within a session; brokers echo it
 * @param instrument    what to trade
 * @param side          buy or sell
 * @param quantity      contracts or shares, &gt; 0 (fractional shares allowed)
 * @param type          market, limit, stop or stop-limit
 * @param limitPrice    limit price for LIMIT and STOP_LIMIT, else NaN
 * @param stopPrice     stop trigger for STOP and STOP_LIMIT, else NaN
 * @param timeInForce   how long it works
 * @param bracket       protective exits to attach once filled, {@link Bracket#NONE} for none
 * @param tag           free text for journals and broker UIs (e.g. the model version), may be empty
 */
public record OrderRequest(
        String clientOrderId,
        Instrument instrument,
        Side side,
        double quantity,
        OrderType type,
        double limitPrice,
        double stopPrice,
        TimeInForce timeInForce,
        Bracket bracket,
        String tag) {

    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(bracket, "bracket");
        tag = tag == null ? "" : tag;
        String where = "order " + clientOrderId + " (" + side + " " + instrument.symbol() + "): ";
        if (clientOrderId.isBlank()) {
            throw new IllegalArgumentException("order clientOrderId must not be blank");
        }
        if (!(quantity > 0) || Double.isInfinite(quantity)) {
            throw new IllegalArgumentException(where + "quantity must be a finite number > 0, got " + quantity);
        }
        if (type.needsLimitPrice() != Double.isFinite(limitPrice)) {
            throw new IllegalArgumentException(where + (type.needsLimitPrice()
                    ? "a " + type + " order needs a finite limit price, got " + limitPrice
                    : "a " + type + " order takes no limit price (use NaN), got " + limitPrice));
        }
        if (type.needsStopPrice() != Double.isFinite(stopPrice)) {
            throw new IllegalArgumentException(where + (type.needsStopPrice()
                    ? "a " + type + " order needs a finite stop price, got " + stopPrice
                    : "a " + type + " order takes no stop price (use NaN), got " + stopPrice));
        }
    }

    /** A day market order without bracket. */
    public static OrderRequest market(String clientOrderId, Instrument instrument, Side side, double quantity) {
        return builder(clientOrderId, instrument, side, quantity).build();
    }

    /** A day limit order without bracket. */
    public static OrderRequest limit(String clientOrderId, Instrument instrument, Side side, double quantity,
                                     double limitPrice) {
        return builder(clientOrderId, instrument, side, quantity).limit(limitPrice).build();
    }

    /** Starts a builder for a DAY market order; set a price to change its type. */
    public static Builder builder(String clientOrderId, Instrument instrument, Side side, double quantity) {
        return new Builder(clientOrderId, instrument, side, quantity);
    }

    /** The quantity with the side's sign: positive for a buy. */
    public double signedQuantity() {
        return side.sign() * quantity;
    }

    /** Builder for {@link OrderRequest}. */
    public static final class Builder {
        private final String clientOrderId;
        private final Instrument instrument;
        private final Side side;
        private final double quantity;
        private OrderType type = OrderType.MARKET;
        private double limitPrice = Double.NaN;
        private double stopPrice = Double.NaN;
        private TimeInForce timeInForce = TimeInForce.DAY;
        private Bracket bracket = Bracket.NONE;
        private String tag = "";

        private Builder(String clientOrderId, Instrument instrument, Side side, double quantity) {
            this.clientOrderId = clientOrderId;
            this.instrument = instrument;
            this.side = side;
            this.quantity = quantity;
        }

        /** Makes it a LIMIT order (or STOP_LIMIT if a stop price is set too). */
        public Builder limit(double price) {
            this.limitPrice = price;
            this.type = Double.isFinite(stopPrice) ? OrderType.STOP_LIMIT : OrderType.LIMIT;
            return this;
        }

        /** Makes it a STOP order (or STOP_LIMIT if a limit price is set too). */
        public Builder stop(double price) {
            this.stopPrice = price;
            this.type = Double.isFinite(limitPrice) ? OrderType.STOP_LIMIT : OrderType.STOP;
            return this;
        }

        public Builder timeInForce(TimeInForce value) {
            this.timeInForce = value;
            return this;
        }

        public Builder bracket(Bracket value) {
            this.bracket = value;
            return this;
        }

        public Builder tag(String value) {
            this.tag = value;
            return this;
        }

        public OrderRequest build() {
            return new OrderRequest(clientOrderId, instrument, side, quantity, type, limitPrice, stopPrice,
                    timeInForce, bracket, tag);
        }
    }
}
