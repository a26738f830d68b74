package io.github.rltrading.core.market;

import java.util.Objects;

/**
 * A tradable instrument and the numbers that turn prices into money.
 *
 * <p>Use a built-in contract spec for futures and the builder for everything else:
 *
 * <pre>{@code
 * Instrument es = ContractSpecs.ES;                                // tick 0.25, $50 a point
 * Instrument upro = Instrument.builder("UPRO", AssetClass.ETF)
 *         .tickSize(0.01).leverageFactor(3.0)
 *         .commission(CommissionModel.perUnit(0.005, 1.0))
 *         .build();
 * }</pre>
 *
 * @param symbol            the symbol, e.g. {@code ES} or {@code SPY}; never blank
 * @param assetClass        future, stock or ETF
 * @param tickSize          the minimum price increment, &gt; 0
 * @param pointValue        currency value of a one-point price move for one contract or share
 *                          (ES: 50, stocks: 1), &gt; 0
 * @param currency          ISO 4217 code of the currency prices and P&amp;L are in, e.g. {@code USD}
 * @param commission        commission per fill
 * @param leverageFactor    the exposure one unit of notional gives: 3 for UPRO/TNA, 1 otherwise;
 *                          risk gates count effective exposure as notional × this factor
 * @param marginPerContract initial margin per futures contract in {@code currency}; 0 when not
 *                          known (then margin is not checked); always 0 for stocks and ETFs
 */
public record Instrument(
        String symbol,
        AssetClass assetClass,
        double tickSize,
        double pointValue,
        String currency,
        CommissionModel commission,
        double leverageFactor,
        double marginPerContract) {

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("instrument symbol must not be blank");
        }
        Objects.requireNonNull(assetClass, "assetClass of " + symbol);
        Objects.requireNonNull(currency, "currency of " + symbol);
        Objects.requireNonNull(commission, "commission of " + symbol);
        requirePositive(symbol, "tickSize", tickSize);
        requirePositive(symbol, "pointValue", pointValue);
        requirePositive(symbol, "leverageFactor", leverageFactor);
        if (!(marginPerContract >= 0.0) || Double.isInfinite(marginPerContract)) {
            throw new IllegalArgumentException("instrument " + symbol
                    + ": marginPerContract must be a finite number >= 0, got " + marginPerContract);
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("instrument " + symbol
                    + ": currency must be an ISO 4217 code such as USD, got '" + currency + "'");
        }
    }

    /** Starts a builder with stock-like defaults: tick 0.01, point value 1, USD, no commission. */
    public static Builder builder(String symbol, AssetClass assetClass) {
        return new Builder(symbol, assetClass);
    }

    /** A builder prefilled with this instrument's values, to derive a variant. */
    public Builder toBuilder() {
        return new Builder(symbol, assetClass)
                .tickSize(tickSize)
                .pointValue(pointValue)
                .currency(currency)
                .commission(commission)
                .leverageFactor(leverageFactor)
                .marginPerContract(marginPerContract);
    }

    /** This instrument with another commission model, e.g. your broker's rate. */
    public Instrument withCommission(CommissionModel model) {
        return toBuilder().commission(model).build();
    }

    /** This instrument with a known initial margin per contract. */
    public Instrument withMarginPerContract(double margin) {
        return toBuilder().marginPerContract(margin).build();
    }

    /** Currency value of one tick for one unit (ES: 12.50). */
    public double tickValue() {
        return tickSize * pointValue;
    }

    /** Whether {@code price} lies on this instrument's tick grid (within floating-point noise). */
    public boolean isOnTickGrid(double price) {
        double ticks = price / tickSize;
        return Math.abs(ticks - Math.rint(ticks)) < 1e-6;
    }

    /** {@code price} rounded to the nearest tick. */
    public double roundToTick(double price) {
        return Math.rint(price / tickSize) * tickSize;
    }

    private static void requirePositive(String symbol, String field, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("instrument " + symbol + ": " + field
                    + " must be a finite number > 0, got " + value);
        }
    }

    /** Builder for {@link Instrument}; only symbol and asset class are required. */
    public static final class Builder {
        private final String symbol;
        private final AssetClass assetClass;
        private double tickSize = 0.01;
        private double pointValue = 1.0;
        private String currency = "USD";
        private CommissionModel commission = CommissionModel.NONE;
        private double leverageFactor = 1.0;
        private double marginPerContract = 0.0;

        private Builder(String symbol, AssetClass assetClass) {
            this.symbol = symbol;
            this.assetClass = assetClass;
        }

        public Builder tickSize(double value) {
            this.tickSize = value;
            return this;
        }

        public Builder pointValue(double value) {
            this.pointValue = value;
            return this;
        }

        public Builder currency(String value) {
            this.currency = value;
            return this;
        }

        public Builder commission(CommissionModel value) {
            this.commission = value;
            return this;
        }

        public Builder leverageFactor(double value) {
            this.leverageFactor = value;
            return this;
        }

        public Builder marginPerContract(double value) {
            this.marginPerContract = value;
            return this;
        }

        public Instrument build() {
            return new Instrument(symbol, assetClass, tickSize, pointValue, currency, commission,
                    leverageFactor, marginPerContract);
        }
    }
}
