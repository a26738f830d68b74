package io.github.rltrading.core.trading;

import java.util.Collections;
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
        return SUCCESSORS[ordinal()];
    }

    /** Whether moving to {@code next} is allowed (asked on every order event: no set is built). */
    public boolean canMoveTo(OrderState next) {
        return switch (this) {
            case NEW -> next == SUBMITTED || next == CANCELLED || next == REJECTED;
            case SUBMITTED -> next == PARTIALLY_FILLED || next == FILLED || next == CANCELLED || next == REJECTED;
            case PARTIALLY_FILLED -> next == PARTIALLY_FILLED || next == FILLED || next == CANCELLED;
            case FILLED, CANCELLED, REJECTED -> false;
        };
    }

    /** {@link #successors()} of each state by ordinal, built once from {@link #canMoveTo}. */
    private static final Set<OrderState>[] SUCCESSORS = successorSets();

    @SuppressWarnings("unchecked")
    private static Set<OrderState>[] successorSets() {
        OrderState[] all = values();
        Set<OrderState>[] sets = new Set[all.length];
        for (OrderState from : all) {
            EnumSet<OrderState> to = EnumSet.noneOf(OrderState.class);
            for (OrderState next : all) {
                if (from.canMoveTo(next)) {
                    to.add(next);
                }
            }
            sets[from.ordinal()] = Collections.unmodifiableSet(to);
        }
        return sets;
    }
}
