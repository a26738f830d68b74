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
     * Orders that only reduce a position carry none.
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
            if (opensRisk && (stopTicks > 0 || targetTicks > 0)) {
                double tick = request.instrument().tickSize();
                double ref = request.referencePrice();
                int s = side.sign();
                bracket = new Bracket(
                        stopTicks > 0 ? request.instrument().roundToTick(ref - s * stopTicks * tick) : Double.NaN,
                        targetTicks > 0 ? request.instrument().roundToTick(ref + s * targetTicks * tick) : Double.NaN);
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
     */
    record Request(Instrument instrument, Instant time, double currentQuantity, double targetQuantity,
                   double referencePrice, Decision decision, Supplier<String> nextOrderId) {
        public Request {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(nextOrderId, "nextOrderId");
        }
    }
}
