package io.github.rltrading.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContractSpecsTest {

    private static void assertSpec(Instrument i, String symbol, double tick, double pointValue, double tickValue) {
        assertThat(i.symbol()).isEqualTo(symbol);
        assertThat(i.assetClass()).isEqualTo(AssetClass.FUTURE);
        assertThat(i.tickSize()).isEqualTo(tick);
        assertThat(i.pointValue()).isEqualTo(pointValue);
        assertThat(i.tickValue()).isEqualTo(tickValue);
        assertThat(i.currency()).isEqualTo("USD");
        assertThat(i.leverageFactor()).isEqualTo(1.0);
    }

    @Test
    void es() {
        assertSpec(ContractSpecs.ES, "ES", 0.25, 50.0, 12.50);
    }

    @Test
    void mes() {
        assertSpec(ContractSpecs.MES, "MES", 0.25, 5.0, 1.25);
    }

    @Test
    void nq() {
        assertSpec(ContractSpecs.NQ, "NQ", 0.25, 20.0, 5.00);
    }

    @Test
    void mnq() {
        assertSpec(ContractSpecs.MNQ, "MNQ", 0.25, 2.0, 0.50);
    }

    @Test
    void rty() {
        assertSpec(ContractSpecs.RTY, "RTY", 0.10, 50.0, 5.00);
    }

    @Test
    void m2k() {
        assertSpec(ContractSpecs.M2K, "M2K", 0.10, 5.0, 0.50);
    }

    @Test
    void ym() {
        assertSpec(ContractSpecs.YM, "YM", 1.0, 5.0, 5.00);
    }

    @Test
    void mym() {
        assertSpec(ContractSpecs.MYM, "MYM", 1.0, 0.5, 0.50);
    }

    @Test
    void builtInsAreFoundByRootSymbolIncludingNinjaTraderNames() {
        assertThat(ContractSpecs.bySymbol("es")).contains(ContractSpecs.ES);
        assertThat(ContractSpecs.bySymbol("ES 03-20")).contains(ContractSpecs.ES);
        assertThat(ContractSpecs.bySymbol("ES ##-##")).contains(ContractSpecs.ES);
        assertThat(ContractSpecs.bySymbol(" mnq ")).contains(ContractSpecs.MNQ);
        assertThat(ContractSpecs.bySymbol("CL")).isEmpty();
        assertThat(ContractSpecs.bySymbol(null)).isEmpty();
        assertThat(ContractSpecs.ALL).hasSize(8);
    }

    @Test
    void theTickGridRoundsAndChecksPrices() {
        assertThat(ContractSpecs.ES.isOnTickGrid(3230.75)).isTrue();
        assertThat(ContractSpecs.ES.isOnTickGrid(3230.10)).isFalse();
        assertThat(ContractSpecs.RTY.isOnTickGrid(1650.3)).isTrue();
        assertThat(ContractSpecs.ES.roundToTick(3230.13)).isEqualTo(3230.25);
    }

    @Test
    void aLeveragedEtfAndAVariantOfABuiltIn() {
        Instrument upro = Instrument.builder("UPRO", AssetClass.ETF).leverageFactor(3).build();
        assertThat(upro.tickSize()).isEqualTo(0.01);
        assertThat(upro.pointValue()).isEqualTo(1.0);
        assertThat(upro.leverageFactor()).isEqualTo(3.0);
        assertThat(upro.assetClass().settlesNotional()).isTrue();
        Instrument es = ContractSpecs.ES.withCommission(CommissionModel.perUnit(2.25)).withMarginPerContract(14_000);
        assertThat(es.commission().commission(2, 3000, 50)).isEqualTo(4.50);
        assertThat(es.marginPerContract()).isEqualTo(14_000.0);
        assertThat(es.toBuilder().build()).isEqualTo(es);
    }

    @Test
    void invalidInstrumentsAreRefusedNamingTheFieldAndValue() {
        assertThatThrownBy(() -> Instrument.builder("XYZ", AssetClass.STOCK).tickSize(0).build())
                .hasMessage("instrument XYZ: tickSize must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> Instrument.builder("XYZ", AssetClass.STOCK).currency("usd").build())
                .hasMessage("instrument XYZ: currency must be an ISO 4217 code such as USD, got 'usd'");
        assertThatThrownBy(() -> Instrument.builder(" ", AssetClass.STOCK).build())
                .hasMessage("instrument symbol must not be blank");
        assertThatThrownBy(() -> CommissionModel.perUnit(-1))
                .hasMessage("commission perUnit must be a finite number >= 0, got -1.0");
    }

    @Test
    void commissionModels() {
        assertThat(CommissionModel.perUnit(0.005, 1.0).commission(100, 50, 1)).isEqualTo(1.0);   // minimum applies
        assertThat(CommissionModel.perUnit(0.005, 1.0).commission(1000, 50, 1)).isEqualTo(5.0);
        assertThat(CommissionModel.percentOfNotional(0.0005).commission(10, 400, 1)).isEqualTo(2.0);
        assertThat(CommissionModel.NONE.commission(5, 100, 50)).isZero();
    }
}
