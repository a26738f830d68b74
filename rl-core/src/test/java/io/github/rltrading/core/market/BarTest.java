package io.github.rltrading.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class BarTest {

    private static final Instant T = Instant.parse("2020-03-09T13:31:00Z");
    private static final String WHERE = "bar ES 1m ending 2020-03-09T13:31:00Z: ";

    @Test
    void aBarStartsOneTimeframeBeforeItsEnd() {
        Bar bar = new Bar("ES", Timeframe.M5, T, 3000, 3001, 2999, 3000.5, 10);
        assertThat(bar.start()).isEqualTo(T.minusSeconds(300));
        assertThat(bar.range()).isEqualTo(2.0);
    }

    @Test
    void aFlatBarWithNoVolumeIsValid() {
        Bar bar = new Bar("ES", Timeframe.M1, T, 3000, 3000, 3000, 3000, 0);
        assertThat(bar.range()).isZero();
        assertThat(Bar.ohlcvProblem(3000, 3000, 3000, 3000, 0)).isNull();
    }

    @Test
    void negativePricesAreAllowed() {
        // WTI crude on 2020-04-20
        Bar bar = new Bar("CL", Timeframe.M1, T, -37.63, -10, -40.32, -37.63, 5);
        assertThat(bar.low()).isEqualTo(-40.32);
        assertThat(bar.range()).isCloseTo(30.32, within(1e-9));
    }

    @Test
    void aHighBelowTheOpenOrCloseIsRefused() {
        assertThatThrownBy(() -> new Bar("ES", Timeframe.M1, T, 3000, 2999.75, 2999, 3000.5, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(WHERE + "high 2999.75 is below max(open 3000.0, close 3000.5)");
        assertThatThrownBy(() -> new Bar("ES", Timeframe.M1, T, 3001.5, 3001, 2999, 3000.5, 10))
                .hasMessage(WHERE + "high 3001.0 is below max(open 3001.5, close 3000.5)");
    }

    @Test
    void aLowAboveTheOpenOrCloseIsRefused() {
        assertThatThrownBy(() -> new Bar("ES", Timeframe.M1, T, 3000, 3001, 3000.25, 3000.5, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(WHERE + "low 3000.25 is above min(open 3000.0, close 3000.5)");
    }

    @Test
    void aNegativeOrNonFiniteVolumeIsRefused() {
        assertThatThrownBy(() -> new Bar("ES", Timeframe.M1, T, 3000, 3001, 2999, 3000.5, -1))
                .hasMessage(WHERE + "volume must be a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> new Bar("ES", Timeframe.M1, T, 3000, 3001, 2999, 3000.5, Double.NaN))
                .hasMessage(WHERE + "volume must be a finite number >= 0, got NaN");
        assertThatThrownBy(() -> new Bar("ES", Timeframe.M1, T, 3000, 3001, 2999, 3000.5, Double.POSITIVE_INFINITY))
                .hasMessage(WHERE + "volume must be a finite number >= 0, got Infinity");
    }

    @Test
    void nonFinitePricesAreRefusedListingAllFour() {
        assertThatThrownBy(() -> new Bar("ES", Timeframe.M1, T, Double.NaN, 3001, 2999, 3000.5, 1))
                .hasMessage(WHERE + "prices must be finite numbers, got open=NaN high=3001.0 low=2999.0 close=3000.5");
        assertThatThrownBy(() -> new Bar("ES", Timeframe.M1, T, 3000, Double.POSITIVE_INFINITY, 2999, 3000.5, 1))
                .hasMessage(WHERE + "prices must be finite numbers, got open=3000.0 high=Infinity low=2999.0 close=3000.5");
    }

    @Test
    void missingPartsAreNamed() {
        assertThatThrownBy(() -> new Bar(null, Timeframe.M1, T, 1, 1, 1, 1, 0)).hasMessage("symbol");
        assertThatThrownBy(() -> new Bar("ES", null, T, 1, 1, 1, 1, 0)).hasMessage("timeframe");
        assertThatThrownBy(() -> new Bar("ES", Timeframe.M1, null, 1, 1, 1, 1, 0)).hasMessage("end");
    }

    /** Prices on a quarter grid, some special values, so that every rule's boundary is reached. */
    @Provide
    Arbitrary<Double> prices() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.integers().between(-8, 8).map(i -> i * 0.25)),
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    }

    @Provide
    Arbitrary<Double> volumes() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.integers().between(-2, 100).map(Integer::doubleValue)),
                Tuple.of(1, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY)));
    }

    @Property(tries = 2000)
    void aBarIsAcceptedExactlyWhenItsValuesAreConsistent(@ForAll("prices") double open, @ForAll("prices") double high,
                                                         @ForAll("prices") double low, @ForAll("prices") double close,
                                                         @ForAll("volumes") double volume) {
        boolean finite = Double.isFinite(open) && Double.isFinite(high) && Double.isFinite(low) && Double.isFinite(close);
        boolean consistent = finite && high >= open && high >= close && low <= open && low <= close
                && volume >= 0 && volume < Double.POSITIVE_INFINITY;
        String problem = Bar.ohlcvProblem(open, high, low, close, volume);
        assertThat(problem == null).isEqualTo(consistent);
        if (consistent) {
            Bar bar = new Bar("ES", Timeframe.M1, T, open, high, low, close, volume);
            assertThat(bar.high()).isGreaterThanOrEqualTo(bar.low());
            assertThat(bar.range()).isGreaterThanOrEqualTo(0.0);
        } else {
            assertThatThrownBy(() -> new Bar("ES", Timeframe.M1, T, open, high, low, close, volume))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(WHERE + problem);
        }
    }
}
