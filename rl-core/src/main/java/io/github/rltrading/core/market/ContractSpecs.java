package io.github.rltrading.core.market;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Built-in CME equity-index futures specs: tick size and point value as published by CME Group.
 *
 * <p>Commission and margin are broker- and date-dependent, so the built-ins carry none; set yours
 * with {@link Instrument#withCommission} and {@link Instrument#withMarginPerContract}:
 *
 * <pre>{@code
 * Instrument es = ContractSpecs.ES.withCommission(CommissionModel.perUnit(2.25));
 * Instrument mes = ContractSpecs.bySymbol("mes").orElseThrow();
 * }</pre>
 */
public final class ContractSpecs {

    /** E-mini S&amp;P 500: tick 0.25 index points = $12.50, $50 per point. */
    public static final Instrument ES = future("ES", 0.25, 50.0);
    /** Micro E-mini S&amp;P 500: tick 0.25 = $1.25, $5 per point. */
    public static final Instrument MES = future("MES", 0.25, 5.0);
    /** E-mini Nasdaq-100: tick 0.25 = $5.00, $20 per point. */
    public static final Instrument NQ = future("NQ", 0.25, 20.0);
    /** Micro E-mini Nasdaq-100: tick 0.25 = $0.50, $2 per point. */
    public static final Instrument MNQ = future("MNQ", 0.25, 2.0);
    /** E-mini Russell 2000: tick 0.10 = $5.00, $50 per point. */
    public static final Instrument RTY = future("RTY", 0.10, 50.0);
    /** Micro E-mini Russell 2000: tick 0.10 = $0.50, $5 per point. */
    public static final Instrument M2K = future("M2K", 0.10, 5.0);
    /** E-mini Dow ($5): tick 1 index point = $5.00, $5 per point. */
    public static final Instrument YM = future("YM", 1.0, 5.0);
    /** Micro E-mini Dow: tick 1 index point = $0.50, $0.50 per point. */
    public static final Instrument MYM = future("MYM", 1.0, 0.5);

    /** Every built-in spec, in a stable order. */
    public static final List<Instrument> ALL = List.of(ES, MES, NQ, MNQ, RTY, M2K, YM, MYM);

    private static final Map<String, Instrument> BY_SYMBOL = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Instrument::symbol, Function.identity()));

    private ContractSpecs() {}

    /**
     * The built-in spec for a root symbol, case-insensitive. A NinjaTrader name with a contract
     * month such as {@code "ES 03-20"} or {@code "ES ##-##"} is accepted: only the root is used.
     */
    public static Optional<Instrument> bySymbol(String symbol) {
        if (symbol == null) {
            return Optional.empty();
        }
        String root = symbol.trim().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        return Optional.ofNullable(BY_SYMBOL.get(root));
    }

    /**
     * The instrument the reference apps and the command line trade for {@code symbol}: a built-in
     * futures contract with $2.25 commission per contract per side, else a stock or ETF (upper-cased
     * symbol, tick 0.01, point value 1, $0.005 a share with at least $1 an order).
     */
    public static Instrument withTypicalCosts(String symbol) {
        return bySymbol(symbol).map(future -> future.withCommission(CommissionModel.perUnit(2.25, 0)))
                .orElseGet(() -> Instrument.builder(symbol.trim().toUpperCase(Locale.ROOT), AssetClass.ETF).tickSize(0.01).pointValue(1)
                        .commission(CommissionModel.perUnit(0.005, 1.0)).build());
    }

    private static Instrument future(String symbol, double tick, double pointValue) {
        return Instrument.builder(symbol, AssetClass.FUTURE).tickSize(tick).pointValue(pointValue).build();
    }
}
