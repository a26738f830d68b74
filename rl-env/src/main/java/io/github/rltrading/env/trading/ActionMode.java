package io.github.rltrading.env.trading;

/** How an agent's action becomes a target position (a fraction of the maximum, in [-1, 1]). */
public enum ActionMode {
    /** One float in [-1, 1]: the target position itself (continuous position sizing). */
    CONTINUOUS,
    /** Three actions: 0 = short (-1), 1 = flat (0), 2 = long (+1). */
    DISCRETE_TARGET,
    /**
     * Five actions: 0 = hold, 1 = enter long, 2 = exit long, 3 = enter short, 4 = exit short. Entering
     * from the other side reverses; exiting a side you do not hold does nothing.
     */
    DISCRETE_FIVE;

    /** The target for {@code action} given the current position fraction. */
    double target(double action, double current) {
        return switch (this) {
            case CONTINUOUS -> Math.max(-1.0, Math.min(1.0, action));
            case DISCRETE_TARGET -> (int) action - 1;
            case DISCRETE_FIVE -> switch ((int) action) {
                case 0 -> current;
                case 1 -> 1.0;
                case 2 -> current > 0 ? 0.0 : current;
                case 3 -> -1.0;
                case 4 -> current < 0 ? 0.0 : current;
                default -> throw new IllegalArgumentException("action " + (int) action + " is outside 0..4");
            };
        };
    }

    /** Number of discrete actions, or 0 for continuous. */
    int choices() {
        return switch (this) {
            case CONTINUOUS -> 0;
            case DISCRETE_TARGET -> 3;
            case DISCRETE_FIVE -> 5;
        };
    }
}
