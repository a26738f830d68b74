package io.github.rltrading.core;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.market.AssetClass;
import io.github.rltrading.core.market.CommissionModel;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed, validated settings of a {@link TradingSession} that are not plug-in choices.
 *
 * <pre>{@code
 * # session.yaml
 * sessionId: es-paper
 * instrument:
 *   symbol: ES                 # a built-in contract spec ...
 *   commission: {perUnit: 2.25}
 * startingCash: 100000
 * maxPosition: 2
 * decisionGate: {fastPath: 0.8, floor: 0.3, deadlineMillis: 2000}
 * orderPlanner: {stopTicks: 8, targetTicks: 16}
 * riskGates: [max-position, daily-loss, kill-switch]
 * }</pre>
 *
 * An instrument that is not built in is described in full: {@code {symbol: UPRO, assetClass: ETF,
 * tickSize: 0.01, pointValue: 1, leverageFactor: 3, commission: {perUnit: 0.005, minimum: 1}}}.
 * Every problem in the file is reported at once by {@link #from(Config, String)}.
 *
 * @param sessionId    id used in order ids and the journal
 * @param instrument   what the session trades
 * @param startingCash account value at the start
 * @param maxPosition  contracts or shares that a target of ±1 means
 * @param quantityStep smallest tradable quantity
 * @param decisionGate confidence routing
 * @param stopTicks    bracket stop distance for entries, 0 for none
 * @param targetTicks  bracket target distance for entries, 0 for none
 * @param riskGates    risk gate provider names, in chain order
 * @param alertSinks   alert sink provider names
 */
public record SessionConfig(String sessionId, Instrument instrument, double startingCash, double maxPosition,
                            double quantityStep, DecisionGate decisionGate, int stopTicks, int targetTicks,
                            List<String> riskGates, List<String> alertSinks) {

    public SessionConfig {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(decisionGate, "decisionGate");
        riskGates = List.copyOf(riskGates);
        alertSinks = List.copyOf(alertSinks);
    }

    /**
     * Reads and validates the settings.
     *
     * @param config the session's configuration (root)
     * @param source where it came from, for the error message (a file name), or null
     * @throws io.github.rltrading.core.config.ConfigException listing every problem found
     */
    public static SessionConfig from(Config config, String source) {
        ConfigValidator v = config.validator();
        String sessionId = v.string("sessionId", "s1");
        if (sessionId != null && !sessionId.matches("[A-Za-z0-9_.-]+")) {
            v.problem("sessionId", sessionId, "must be letters, digits, '_', '.' or '-'");
        }
        Instrument instrument = readInstrument(config, v);
        double startingCash = v.positiveDouble("startingCash", 100_000);
        double maxPosition = v.positiveDouble("maxPosition", 1);
        double quantityStep = v.positiveDouble("quantityStep", 1);
        DecisionGate gate = config.has("decisionGate") ? DecisionGate.read(v, "decisionGate.") : null;
        if (gate == null) {
            gate = DecisionGate.passThrough();
        }
        int stopTicks = v.intValue("orderPlanner.stopTicks", 0, 0, 100_000);
        int targetTicks = v.intValue("orderPlanner.targetTicks", 0, 0, 100_000);
        List<String> gates = readList(config, v, "riskGates");
        List<String> sinks = config.has("alerts") ? readList(config, v, "alerts") : List.of("log");
        v.throwIfInvalid(source);
        return new SessionConfig(sessionId, instrument, startingCash, maxPosition, quantityStep, gate, stopTicks,
                targetTicks, gates, sinks);
    }

    /** The order planner these settings describe. */
    public OrderPlanner orderPlanner() {
        return OrderPlanner.marketWithBracket(stopTicks, targetTicks);
    }

    private static List<String> readList(Config config, ConfigValidator v, String key) {
        try {
            return config.getStringList(key);
        } catch (io.github.rltrading.core.config.ConfigException e) {
            e.problems().forEach(p -> v.problem(key, p.value(), p.reason()));
            return List.of();
        }
    }

    /**
     * Reads the {@code instrument} key of {@code config} the way the session does (a built-in
     * symbol, or a section), recording problems in {@code v}; plug-ins that need the instrument
     * (a broker or feed section) use it so that the two spell it the same way.
     */
    public static Instrument instrument(Config config, ConfigValidator v) {
        return readInstrument(config, v);
    }

    private static Instrument readInstrument(Config config, ConfigValidator v) {
        Optional<Object> raw = config.get("instrument");
        if (raw.isEmpty()) {
            v.problem("instrument", null, "is required: a built-in symbol such as ES or MES, or a section with "
                    + "symbol, assetClass, tickSize and pointValue");
            return ContractSpecs.ES;
        }
        Config section = raw.get() instanceof java.util.Map<?, ?> ? config.section("instrument") : null;
        String symbol = section == null ? String.valueOf(raw.get()) : section.getString("symbol", null);
        if (symbol == null || symbol.isBlank()) {
            v.problem("instrument.symbol", symbol, "is required");
            return ContractSpecs.ES;
        }
        Optional<Instrument> builtIn = ContractSpecs.bySymbol(symbol);
        if (section == null) {
            if (builtIn.isEmpty()) {
                v.problem("instrument", symbol, "is not a built-in contract " + ContractSpecs.ALL.stream()
                        .map(Instrument::symbol).toList() + "; describe it as a section with symbol, assetClass, "
                        + "tickSize and pointValue");
                return ContractSpecs.ES;
            }
            return builtIn.get();
        }
        Instrument.Builder b;
        if (builtIn.isPresent()) {
            b = builtIn.get().toBuilder();
        } else {
            String assetClass = v.oneOf("instrument.assetClass", null,
                    Arrays.stream(AssetClass.values()).map(Enum::name).toList());
            if (assetClass == null) {
                if (!section.has("assetClass")) {
                    v.problem("instrument.assetClass", null, "is required for an instrument that is not built in; one of "
                            + Arrays.toString(AssetClass.values()));
                }
                return ContractSpecs.ES;
            }
            b = Instrument.builder(symbol.toUpperCase(Locale.ROOT), AssetClass.valueOf(assetClass));
        }
        if (section.has("tickSize")) {
            b.tickSize(v.positiveDouble("instrument.tickSize", 0.01));
        }
        if (section.has("pointValue")) {
            b.pointValue(v.positiveDouble("instrument.pointValue", 1));
        }
        if (section.has("leverageFactor")) {
            b.leverageFactor(v.positiveDouble("instrument.leverageFactor", 1));
        }
        if (section.has("marginPerContract")) {
            b.marginPerContract(v.nonNegativeDouble("instrument.marginPerContract", 0));
        }
        if (section.has("currency")) {
            String currency = v.string("instrument.currency", "USD");
            if (currency == null || !currency.matches("[A-Z]{3}")) {
                v.problem("instrument.currency", currency, "must be an ISO 4217 code such as USD");
            } else {
                b.currency(currency);
            }
        }
        if (section.has("commission")) {
            double perUnit = v.nonNegativeDouble("instrument.commission.perUnit", 0);
            double percent = v.nonNegativeDouble("instrument.commission.percentOfNotional", 0);
            double minimum = v.nonNegativeDouble("instrument.commission.minimum", 0);
            if (perUnit > 0 && percent > 0) {
                v.problem("instrument.commission", null, "set perUnit or percentOfNotional, not both");
            }
            b.commission(percent > 0 ? new CommissionModel.PercentOfNotional(percent, minimum)
                    : CommissionModel.perUnit(perUnit, minimum));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            v.problem("instrument", symbol, e.getMessage());
            return ContractSpecs.ES;
        }
    }
}
