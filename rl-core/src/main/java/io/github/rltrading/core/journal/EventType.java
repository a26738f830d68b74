package io.github.rltrading.core.journal;

import java.util.Locale;

/** What a journal event records. Written in lower snake case ({@code risk_verdict}). */
public enum EventType {
    SESSION_START,
    BAR,
    DECISION,
    ASSESSMENT,
    RISK_VERDICT,
    /** A risk gate's limits changed while the session ran (or a change was refused). */
    RISK_LIMITS,
    ORDER,
    FILL,
    POSITION,
    REFLECTION,
    ERROR,
    ALERT,
    /** A challenger model's would-be decision beside production's, and both would-be P&amp;Ls (shadow evaluation). */
    SHADOW,
    /** A drift detector crossed its threshold. */
    DRIFT,
    /** The session's policy changed to another model version. */
    MODEL_SWAP,
    SESSION_END;

    /** The name as written in the file, e.g. {@code risk_verdict}. */
    public String wireName() {
        return wireName;
    }

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** Parses a wire name; throws naming the value and the accepted names. */
    public static EventType fromWireName(String name) {
        for (EventType t : values()) {
            if (t.wireName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown journal event type '" + name + "'; expected one of "
                + java.util.Arrays.stream(values()).map(EventType::wireName).toList());
    }
}
