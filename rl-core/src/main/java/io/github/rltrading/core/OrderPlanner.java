package io.github.rltrading.core;

import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.trading.Bracket;
import io.github.rltrading.core.trading.OrderRequest;
import io.github.rltrading.core.trading.Side;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Turns an approved target position into orders.
 *
 * <pre>{@code
 * OrderPlanner plain = OrderPlanner.market();
 * OrderPlanner protectedEntries = OrderPlanner.marketWithBracket(8, 16); // stop 8 ticks, target 16 ticks
 * }</pre>
 */
@FunctionalInterface
public interface OrderPlanner {

    /** The orders that move {@code request.currentQuantity()} to {@code request.targetQuantity()}. */
    List<OrderRequest> plan(Request request);

    /** One market order for the whole change, crossing zero in one order on a reversal. */
    static OrderPlanner market() {
        return marketWithBracket(0, 0);
    }

    /**
     * Like {@link #market()}, and an order that opens or adds to a position carries a bracket
     * {@code stopTicks} / {@code targetTicks} away from the reference price (0 = no such leg).
     * A leg the risk chain priced ({@link Request#protection()}) replaces the fixed one. Orders that
     * only reduce a position carry none.
     */
    static OrderPlanner marketWithBracket(int stopTicks, int targetTicks) {
        if (stopTicks < 0 || targetTicks < 0) {
            throw new IllegalArgumentException("bracket ticks must be >= 0, got stop=" + stopTicks + " target=" + targetTicks);
        }
        return request -> {
            double delta = request.targetQuantity() - request.currentQuantity();
            if (Math.abs(delta) < 1e-9) {
                return List.of();
            }
            Side side = Side.of(delta);
            boolean opensRisk = Math.abs(request.targetQuantity()) > 1e-9
                    && (Math.signum(request.targetQuantity()) != Math.signum(request.currentQuantity())
                        || Math.abs(request.targetQuantity()) > Math.abs(request.currentQuantity()));
            Bracket bracket = Bracket.NONE;
            Bracket risk = request.protection();
            if (opensRisk && (stopTicks > 0 || targetTicks > 0 || !risk.isEmpty())) {
                double tick = request.instrument().tickSize();
                double ref = request.referencePrice();
                int s = side.sign();
                double stop = risk.hasStopLoss() ? risk.stopLossPrice()
                        : stopTicks > 0 ? ref - s * stopTicks * tick : Double.NaN;
                double target = risk.hasTakeProfit() ? risk.takeProfitPrice()
                        : targetTicks > 0 ? ref + s * targetTicks * tick : Double.NaN;
                bracket = new Bracket(Double.isNaN(stop) ? stop : request.instrument().roundToTick(stop),
                        Double.isNaN(target) ? target : request.instrument().roundToTick(target));
            }
            return List.of(OrderRequest.builder(request.nextOrderId().get(), request.instrument(), side, Math.abs(delta))
                    .bracket(bracket)
                    .tag(request.decision().source())
                    .build());
        };
    }

    /**
     * What the planner is asked.
     *
     * @param instrument      what to trade
     * @param time            decision time
     * @param currentQuantity position plus working orders, signed
     * @param targetQuantity  approved target, signed
     * @param referencePrice  last price
     * @param decision        the decision behind it (its source tags the orders)
     * @param nextOrderId     hands out unique client order ids
     * @param protection      stop-loss/take-profit prices the risk chain set for an entry
     *                        ({@link Bracket#NONE} for none: the planner's own ticks apply)
     */
    record Request(Instrument instrument, Instant time, double currentQuantity, double targetQuantity,
                   double referencePrice, Decision decision, Supplier<String> nextOrderId, Bracket protection) {
        public Request {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(nextOrderId, "nextOrderId");
            protection = protection == null ? Bracket.NONE : protection;
        }

        /** A request without risk-chain protection. */
        public Request(Instrument instrument, Instant time, double currentQuantity, double targetQuantity,
                       double referencePrice, Decision decision, Supplier<String> nextOrderId) {
            this(instrument, time, currentQuantity, targetQuantity, referencePrice, decision, nextOrderId, Bracket.NONE);
        }
    }
}
