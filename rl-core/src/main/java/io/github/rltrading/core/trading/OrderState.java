package io.github.rltrading.core.trading;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life cycle of an order:
 *
 * <pre>
 * NEW ──submit──▶ SUBMITTED ──fill──▶ PARTIALLY_FILLED ──fill──▶ FILLED
 *  │                │  │                 │  ▲ fill  │
 *  │                │  └──fill (all)─────┼──┘       └──cancel──▶ CANCELLED
 *  ├──cancel──▶ CANCELLED ◀──cancel──────┘
 *  └──reject──▶ REJECTED ◀──reject── SUBMITTED
 * </pre>
 *
 * FILLED, CANCELLED and REJECTED are terminal. A partially filled order can be cancelled (the rest
 * is dropped) but no longer rejected.
 */
public enum OrderState {
    NEW,
    SUBMITTED,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    REJECTED;

    /** Whether no further transition is possible. */
    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED;
    }

    /** Whether the order can still fill (submitted and not finished). */
    public boolean isWorking() {
        return this == SUBMITTED || this == PARTIALLY_FILLED;
    }

    /** The states this one may move to. */
    public Set<OrderState> successors() {
        return switch (this) {
            case NEW -> EnumSet.of(SUBMITTED, CANCELLED, REJECTED);
            case SUBMITTED -> EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED);
            case PARTIALLY_FILLED -> EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED);
            case FILLED, CANCELLED, REJECTED -> EnumSet.noneOf(OrderState.class);
        };
    }

    public boolean canMoveTo(OrderState next) {
        return successors().contains(next);
    }
}
