package io.github.rltrading.core.market;

/**
 * How much a fill costs in commissions, in the instrument's currency.
 *
 * <pre>{@code
 * CommissionModel perContract = CommissionModel.perUnit(2.25);        // $2.25 per contract per side
 * CommissionModel ibkrLike = CommissionModel.perUnit(0.005, 1.0);     // $0.005 per share, $1 minimum
 * CommissionModel percent = CommissionModel.percentOfNotional(0.0005); // 5 basis points
 * }</pre>
 */
public sealed interface CommissionModel {

    /** No commission. */
    CommissionModel NONE = new PerUnit(0.0, 0.0);

    /**
     * The commission for one fill.
     *
     * @param quantity   the filled quantity, always positive
     * @param price      the fill price
     * @param pointValue the currency value of one point of price for one unit
     * @return the commission, never negative
     */
    double commission(double quantity, double price, double pointValue);

    /** A fixed amount per contract or share and side, with an optional minimum per fill. */
    static CommissionModel perUnit(double perUnit, double minimumPerFill) {
        return new PerUnit(perUnit, minimumPerFill);
    }

    /** A fixed amount per contract or share and side. */
    static CommissionModel perUnit(double perUnit) {
        return new PerUnit(perUnit, 0.0);
    }

    /** A fraction of the fill's notional value (quantity × price × point value). */
    static CommissionModel percentOfNotional(double rate) {
        return new PercentOfNotional(rate, 0.0);
    }

    /** Commission per unit, e.g. per futures contract or per share. */
    record PerUnit(double perUnit, double minimumPerFill) implements CommissionModel {
        public PerUnit {
            requireNonNegative("perUnit", perUnit);
            requireNonNegative("minimumPerFill", minimumPerFill);
        }

        @Override
        public double commission(double quantity, double price, double pointValue) {
            return Math.max(minimumPerFill, perUnit * Math.abs(quantity));
        }
    }

    /** Commission as a fraction of notional value. */
    record PercentOfNotional(double rate, double minimumPerFill) implements CommissionModel {
        public PercentOfNotional {
            requireNonNegative("rate", rate);
            requireNonNegative("minimumPerFill", minimumPerFill);
        }

        @Override
        public double commission(double quantity, double price, double pointValue) {
            return Math.max(minimumPerFill, rate * Math.abs(quantity * price * pointValue));
        }
    }

    private static void requireNonNegative(String field, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    "commission " + field + " must be a finite number >= 0, got " + value);
        }
    }
}
