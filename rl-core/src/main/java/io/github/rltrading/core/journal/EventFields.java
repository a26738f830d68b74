package io.github.rltrading.core.journal;

/**
 * Writes the fields of one journal event's data object, in order. The JSON Lines journal encodes
 * them straight to bytes (no tree, no JSON library on the hot path); other journals build a tree.
 * Non-finite numbers are written as {@code null} (JSON has no NaN).
 *
 * <pre>{@code
 * journal.append(EventType.BAR, "session", time, out -> out
 *         .string("symbol", "ES").number("close", 3998.25)
 *         .object("decision").number("targetPosition", 1).end());
 * }</pre>
 */
public interface EventFields {

    EventFields string(String name, String value);

    EventFields number(String name, double value);

    EventFields number(String name, long value);

    EventFields bool(String name, boolean value);

    /** An array of numbers, each written as the shortest decimal that reads back to the same float. */
    EventFields numbers(String name, float[] values);

    /** Starts a nested object; close it with {@link #end()}. */
    EventFields object(String name);

    /** Ends the innermost nested object. */
    EventFields end();
}
