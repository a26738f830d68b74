package io.github.rltrading.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The built-in CME specs against the numbers CME Group publishes, the symbol lookup, and the
 * {@link Instrument} rules every spec goes through (validation, tick grid, builder, leverage).
 */
class ContractSpecsTest {

    /** Checks one built-in against the published tick size, point value and tick value. */
    private static void assertPublishedSpec(Instrument spec, String symbol, double tick, double pointValue,
                                            double tickValue) {
        assertThat(spec.symbol()).isEqualTo(symbol);
        assertThat(spec.assetClass()).isEqualTo(AssetClass.FUTURE);
        assertThat(spec.tickSize()).isEqualTo(tick);
        assertThat(spec.pointValue()).isEqualTo(pointValue);
        assertThat(spec.tickValue()).isCloseTo(tickValue, within(1e-12));
        assertThat(spec.currency()).isEqualTo("USD");
        assertThat(spec.leverageFactor()).isEqualTo(1.0);
        assertThat(spec.commission()).as("built-ins carry no broker commission").isEqualTo(CommissionModel.NONE);
        assertThat(spec.marginPerContract()).as("built-ins carry no margin").isZero();
        assertThat(spec.assetClass().settlesNotional()).as("futures settle P&L only").isFalse();
    }

    // --- one test per built-in contract ---------------------------------------------------------

    @Test
    void esTicksAQuarterPointWorth1250AtFiftyDollarsAPoint() {
        assertPublishedSpec(ContractSpecs.ES, "ES", 0.25, 50.0, 12.50);
    }

    @Test
    void mesTicksAQuarterPointWorth125AtFiveDollarsAPoint() {
        assertPublishedSpec(ContractSpecs.MES, "MES", 0.25, 5.0, 1.25);
    }

    @Test
    void nqTicksAQuarterPointWorthFiveDollarsAtTwentyDollarsAPoint() {
        assertPublishedSpec(ContractSpecs.NQ, "NQ", 0.25, 20.0, 5.00);
    }

    @Test
    void mnqTicksAQuarterPointWorthFiftyCentsAtTwoDollarsAPoint() {
        assertPublishedSpec(ContractSpecs.MNQ, "MNQ", 0.25, 2.0, 0.50);
    }

    @Test
    void rtyTicksATenthOfAPointWorthFiveDollarsAtFiftyDollarsAPoint() {
        assertPublishedSpec(ContractSpecs.RTY, "RTY", 0.10, 50.0, 5.00);
    }

    @Test
    void m2kTicksATenthOfAPointWorthFiftyCentsAtFiveDollarsAPoint() {
        assertPublishedSpec(ContractSpecs.M2K, "M2K", 0.10, 5.0, 0.50);
    }

    @Test
    void ymTicksOnePointWorthFiveDollarsAtFiveDollarsAPoint() {
        assertPublishedSpec(ContractSpecs.YM, "YM", 1.0, 5.0, 5.00);
    }

    @Test
    void mymTicksOnePointWorthFiftyCentsAtFiftyCentsAPoint() {
        assertPublishedSpec(ContractSpecs.MYM, "MYM", 1.0, 0.5, 0.50);
    }

    @Test
    void allListsTheEightBuiltInsInAStableOrder() {
        assertThat(ContractSpecs.ALL).containsExactly(ContractSpecs.ES, ContractSpecs.MES, ContractSpecs.NQ,
                ContractSpecs.MNQ, ContractSpecs.RTY, ContractSpecs.M2K, ContractSpecs.YM, ContractSpecs.MYM);
    }

    // --- lookup by symbol ------------------------------------------------------------------------

    @Test
    void lookupIgnoresCase() {
        assertThat(ContractSpecs.bySymbol("es")).contains(ContractSpecs.ES);
        assertThat(ContractSpecs.bySymbol("Mes")).contains(ContractSpecs.MES);
    }

    @Test
    void lookupAcceptsANinjaTraderNameWithAContractMonth() {
        assertThat(ContractSpecs.bySymbol("ES 03-20")).contains(ContractSpecs.ES);
        assertThat(ContractSpecs.bySymbol("MNQ 12-24")).contains(ContractSpecs.MNQ);
    }

    @Test
    void lookupAcceptsANinjaTraderContinuousContractName() {
        assertThat(ContractSpecs.bySymbol("ES ##-##")).contains(ContractSpecs.ES);
    }

    @Test
    void lookupTrimsAndSplitsOnAnyWhitespace() {
        assertThat(ContractSpecs.bySymbol("  rty\t06-21 ")).contains(ContractSpecs.RTY);
    }

    @Test
    void lookupOfAnUnknownSymbolIsEmpty() {
        assertThat(ContractSpecs.bySymbol("CL")).isEmpty();
        assertThat(ContractSpecs.bySymbol("CL 03-20")).isEmpty();
        assertThat(ContractSpecs.bySymbol("ESH0")).as("a month glued to the root is not a root").isEmpty();
        assertThat(ContractSpecs.bySymbol("")).isEmpty();
        assertThat(ContractSpecs.bySymbol("   ")).isEmpty();
        assertThat(ContractSpecs.bySymbol(null)).isEmpty();
    }

    @Test
    void everyBuiltInIsFoundByItsOwnSymbolInAnyCase() {
        for (Instrument spec : ContractSpecs.ALL) {
            assertThat(ContractSpecs.bySymbol(spec.symbol())).contains(spec);
            assertThat(ContractSpecs.bySymbol(spec.symbol().toLowerCase(Locale.ROOT))).contains(spec);
            assertThat(ContractSpecs.bySymbol(spec.symbol() + " 09-25")).contains(spec);
        }
    }

    // --- validation --------------------------------------------------------------------------------

    @Test
    void aZeroTickSizeIsRefusedNamingTheInstrumentFieldAndValue() {
        assertThatThrownBy(() -> Instrument.builder("XYZ", AssetClass.STOCK).tickSize(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("instrument XYZ: tickSize must be a finite number > 0, got 0.0");
    }

    @Test
    void aNanPointValueIsRefused() {
        assertThatThrownBy(() -> Instrument.builder("XYZ", AssetClass.FUTURE).pointValue(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("instrument XYZ: pointValue must be a finite number > 0, got NaN");
    }

    @Test
    void anInfiniteTickSizeIsRefused() {
        assertThatThrownBy(() -> Instrument.builder("XYZ", AssetClass.FUTURE)
                .tickSize(Double.POSITIVE_INFINITY).build())
                .hasMessage("instrument XYZ: tickSize must be a finite number > 0, got Infinity");
    }

    @Test
    void aNegativeLeverageFactorIsRefused() {
        assertThatThrownBy(() -> Instrument.builder("SDS", AssetClass.ETF).leverageFactor(-2).build())
                .hasMessage("instrument SDS: leverageFactor must be a finite number > 0, got -2.0");
    }

    @Test
    void aNegativeOrInfiniteMarginIsRefused() {
        assertThatThrownBy(() -> ContractSpecs.ES.withMarginPerContract(-1))
                .hasMessage("instrument ES: marginPerContract must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> ContractSpecs.ES.withMarginPerContract(Double.POSITIVE_INFINITY))
                .hasMessage("instrument ES: marginPerContract must be a finite number >= 0, got Infinity");
        assertThatThrownBy(() -> ContractSpecs.ES.withMarginPerContract(Double.NaN))
                .hasMessage("instrument ES: marginPerContract must be a finite number >= 0, got NaN");
    }

    @Test
    void aCurrencyThatIsNotAnUpperCaseIsoCodeIsRefused() {
        assertThatThrownBy(() -> Instrument.builder("XYZ", AssetClass.STOCK).currency("usd").build())
                .hasMessage("instrument XYZ: currency must be an ISO 4217 code such as USD, got 'usd'");
        assertThatThrownBy(() -> Instrument.builder("XYZ", AssetClass.STOCK).currency("US$").build())
                .hasMessage("instrument XYZ: currency must be an ISO 4217 code such as USD, got 'US$'");
    }

    @Test
    void aBlankSymbolIsRefused() {
        assertThatThrownBy(() -> Instrument.builder(" ", AssetClass.STOCK).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("instrument symbol must not be blank");
    }

    @Test
    void missingRequiredPartsAreNamed() {
        assertThatThrownBy(() -> Instrument.builder(null, AssetClass.STOCK).build())
                .isInstanceOf(NullPointerException.class).hasMessage("symbol");
        assertThatThrownBy(() -> Instrument.builder("XYZ", null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("assetClass of XYZ");
        assertThatThrownBy(() -> Instrument.builder("XYZ", AssetClass.STOCK).commission(null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("commission of XYZ");
        assertThatThrownBy(() -> Instrument.builder("XYZ", AssetClass.STOCK).currency(null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("currency of XYZ");
    }

    // --- tick grid -----------------------------------------------------------------------------------

    @Test
    void pricesOnTheTickGridAreRecognised() {
        assertThat(ContractSpecs.ES.isOnTickGrid(3230.75)).isTrue();
        assertThat(ContractSpecs.ES.isOnTickGrid(3230.10)).isFalse();
        assertThat(ContractSpecs.ES.isOnTickGrid(-37.25)).as("negative prices have a grid too").isTrue();
        assertThat(ContractSpecs.RTY.isOnTickGrid(1650.3)).as("0.1 is not exact in binary").isTrue();
        assertThat(ContractSpecs.RTY.isOnTickGrid(1650.35)).isFalse();
        assertThat(ContractSpecs.YM.isOnTickGrid(28_000.0)).isTrue();
        assertThat(ContractSpecs.YM.isOnTickGrid(28_000.5)).isFalse();
    }

    @Test
    void roundingGoesToTheNearestTick() {
        assertThat(ContractSpecs.ES.roundToTick(3230.13)).isEqualTo(3230.25);
        assertThat(ContractSpecs.ES.roundToTick(3230.12)).isEqualTo(3230.00);
        assertThat(ContractSpecs.YM.roundToTick(28_000.6)).isEqualTo(28_001.0);
        assertThat(ContractSpecs.RTY.roundToTick(1650.31)).isCloseTo(1650.3, within(1e-9));
    }

    @Provide
    Arbitrary<Instrument> builtIns() {
        return Arbitraries.of(ContractSpecs.ALL);
    }

    @Property
    void everyWholeNumberOfTicksIsOnTheGridAndHalfATickOffIsNot(
            @ForAll("builtIns") Instrument spec, @ForAll @IntRange(min = -2_000_000, max = 2_000_000) int ticks) {
        double price = ticks * spec.tickSize();
        assertThat(spec.isOnTickGrid(price)).isTrue();
        assertThat(spec.isOnTickGrid(price + spec.tickSize() / 2)).isFalse();
        assertThat(spec.roundToTick(price)).isCloseTo(price, within(1e-9));
    }

    @Property
    void roundingLandsOnTheGridWithinHalfATick(@ForAll("builtIns") Instrument spec,
                                               @ForAll @DoubleRange(min = -1_000, max = 100_000) double price) {
        double rounded = spec.roundToTick(price);
        assertThat(spec.isOnTickGrid(rounded)).isTrue();
        assertThat(Math.abs(rounded - price)).isLessThanOrEqualTo(spec.tickSize() / 2 + 1e-9);
    }

    // --- builder, variants, leverage -------------------------------------------------------------

    @Test
    void theBuilderStartsFromStockLikeDefaults() {
        Instrument spy = Instrument.builder("SPY", AssetClass.ETF).build();
        assertThat(spy).isEqualTo(new Instrument("SPY", AssetClass.ETF, 0.01, 1.0, "USD", CommissionModel.NONE, 1.0, 0.0));
    }

    @Test
    void toBuilderReproducesEveryBuiltInExactly() {
        for (Instrument spec : ContractSpecs.ALL) {
            assertThat(spec.toBuilder().build()).isEqualTo(spec);
        }
    }

    @Test
    void toBuilderCarriesEveryFieldOfACustomInstrument() {
        Instrument fdax = new Instrument("FDAX", AssetClass.FUTURE, 0.5, 25.0, "EUR",
                CommissionModel.percentOfNotional(0.0001), 1.0, 30_000);
        assertThat(fdax.toBuilder().build()).isEqualTo(fdax);
        assertThat(fdax.toBuilder().tickSize(1.0).build())
                .isEqualTo(new Instrument("FDAX", AssetClass.FUTURE, 1.0, 25.0, "EUR",
                        CommissionModel.percentOfNotional(0.0001), 1.0, 30_000));
    }

    @Test
    void variantsOfABuiltInLeaveTheBuiltInUnchanged() {
        Instrument es = ContractSpecs.ES.withCommission(CommissionModel.perUnit(2.25)).withMarginPerContract(14_000);
        assertThat(es.commission()).isEqualTo(CommissionModel.perUnit(2.25));
        assertThat(es.commission().commission(2, 3000, 50)).isEqualTo(4.50);
        assertThat(es.marginPerContract()).isEqualTo(14_000.0);
        assertThat(es.tickValue()).isEqualTo(12.50);
        assertThat(ContractSpecs.ES.commission()).isEqualTo(CommissionModel.NONE);
        assertThat(ContractSpecs.ES.marginPerContract()).isZero();
    }

    @Test
    void aThreeTimesLeveragedEtfCarriesItsLeverageFactorAndSettlesNotional() {
        Instrument upro = Instrument.builder("UPRO", AssetClass.ETF)
                .tickSize(0.01).leverageFactor(3.0)
                .commission(CommissionModel.perUnit(0.005, 1.0))
                .build();
        assertThat(upro.leverageFactor()).isEqualTo(3.0);
        assertThat(upro.pointValue()).isEqualTo(1.0);
        assertThat(upro.tickValue()).isEqualTo(0.01);
        assertThat(upro.assetClass().settlesNotional()).isTrue();
        assertThat(upro.withCommission(CommissionModel.NONE).leverageFactor())
                .as("a variant keeps the leverage").isEqualTo(3.0);
    }

    // --- commission models ---------------------------------------------------------------------------

    @Test
    void aPerUnitCommissionChargesEachContractWithAMinimumPerFill() {
        CommissionModel ibkrLike = CommissionModel.perUnit(0.005, 1.0);
        assertThat(ibkrLike.commission(100, 50, 1)).as("0.50 is below the 1.00 minimum").isEqualTo(1.0);
        assertThat(ibkrLike.commission(1000, 50, 1)).isEqualTo(5.0);
        assertThat(CommissionModel.perUnit(2.25).commission(3, 3000, 50)).isEqualTo(6.75);
    }

    @Test
    void aPercentOfNotionalCommissionUsesQuantityPriceAndPointValue() {
        // 10 × 400 × 1 = 4,000 notional × 5 bp = 2.00
        assertThat(CommissionModel.percentOfNotional(0.0005).commission(10, 400, 1)).isEqualTo(2.0);
        // 2 ES at 3000: 2 × 3000 × 50 = 300,000 × 1 bp = 30.00
        assertThat(CommissionModel.percentOfNotional(0.0001).commission(2, 3000, 50)).isCloseTo(30.0, within(1e-9));
        assertThat(CommissionModel.NONE.commission(5, 100, 50)).isZero();
    }

    @Test
    void negativeOrNonFiniteCommissionRatesAreRefused() {
        assertThatThrownBy(() -> CommissionModel.perUnit(-1))
                .hasMessage("commission perUnit must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> CommissionModel.perUnit(1, Double.NaN))
                .hasMessage("commission minimumPerFill must be a finite number >= 0, got NaN");
        assertThatThrownBy(() -> CommissionModel.percentOfNotional(Double.POSITIVE_INFINITY))
                .hasMessage("commission rate must be a finite number >= 0, got Infinity");
    }
}
