package io.github.rltrading.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.journal.EventType;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.CommissionModel;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.core.spi.Policy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Changing any bar after time t changes nothing the session did or recorded up to t. */
class NoLookAheadProperties {

    private static final Instrument ES = ContractSpecs.ES.withCommission(CommissionModel.perUnit(2.25));
    private static final Instant T0 = Instant.parse("2020-02-24T14:31:00Z");

    /** Two features: last return and the bar's range, both from bars up to the index only. */
    static final class ReturnAndRange implements FeatureSet {
        @Override
        public List<String> names() {
            return List.of("ret", "range");
        }

        @Override
        public int warmUpBars() {
            return 1;
        }

        @Override
        public void compute(BarSeries s, int i, float[] out, int offset) {
            out[offset] = (float) ((s.close(i) - s.close(i - 1)) / 0.25);
            out[offset + 1] = (float) ((s.high(i) - s.low(i)) / 0.25);
        }
    }

    private static final Policy POLICY = o -> Decision.target(Math.tanh(o.features()[0] / 4.0),
            Math.min(1.0, 0.5 + o.features()[1] / 40.0), "ret", "p");

    @Provide
    Arbitrary<List<Bar>> bars() {
        return Arbitraries.integers().between(-8, 8).list().ofMinSize(4).ofMaxSize(60).map(moves -> {
            List<Bar> out = new ArrayList<>();
            double close = 3000;
            for (int i = 0; i < moves.size(); i++) {
                double open = close;
                close = open + moves.get(i) * 0.25;
                double high = Math.max(open, close) + (i % 3) * 0.25;
                double low = Math.min(open, close) - (i % 2) * 0.25;
                out.add(new Bar("ES", Timeframe.M1, T0.plusSeconds(60L * i), open, high, low, close, 100 + i));
            }
            return out;
        });
    }

    record Run(double[] equity, double[] positions, List<String> journal) {}

    private static Run run(List<Bar> bars, long cutMillis) {
        TradingSessionTest.RecordingJournal journal = new TradingSessionTest.RecordingJournal();
        SessionResult result;
        try (TradingSession s = TradingSession.builder().instrument(ES)
                .feed(new SessionFixtures.ListFeed(ES, bars)).features(new ReturnAndRange()).policy(POLICY)
                .decisionGate(DecisionGate.builder().fastPath(0.8).floor(0.55).build())
                .broker(new SessionFixtures.NextOpenBroker()).maxPosition(3).journal(journal)
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).build()) {
            result = s.run();
        }
        // Journal entries written while processing bars that ended at or before the cut.
        List<String> upToCut = new ArrayList<>();
        for (TradingSessionTest.RecordingJournal.Entry e : journal.entries) {
            if (e.type() == EventType.BAR && Instant.parse(e.data().get("end").asText()).toEpochMilli() > cutMillis) {
                break;
            }
            upToCut.add(e.type() + " " + e.data());
        }
        return new Run(result.equity(), result.positions(), upToCut);
    }

    @Property(tries = 300)
    void barsAfterTheCutNeverChangeWhatHappenedBeforeIt(@ForAll("bars") List<Bar> bars,
                                                        @ForAll @IntRange(min = 0, max = 100) int cutPercent,
                                                        @ForAll @IntRange(min = -20, max = 20) int shiftTicks) {
        int cut = Math.min(bars.size() - 1, bars.size() * cutPercent / 100);
        List<Bar> changed = new ArrayList<>(bars.subList(0, cut + 1));
        for (Bar b : bars.subList(cut + 1, bars.size())) {
            double d = shiftTicks * 0.25;
            changed.add(new Bar("ES", Timeframe.M1, b.end(), b.open() + d, b.high() + d + 0.5, b.low() + d - 0.25,
                    b.close() + d, b.volume() * 2 + 1));
        }
        long cutMillis = bars.get(cut).end().toEpochMilli();
        Run original = run(bars, cutMillis);
        Run perturbed = run(changed, cutMillis);

        assertThat(Arrays.copyOf(perturbed.equity(), cut + 1)).containsExactly(Arrays.copyOf(original.equity(), cut + 1));
        assertThat(Arrays.copyOf(perturbed.positions(), cut + 1))
                .containsExactly(Arrays.copyOf(original.positions(), cut + 1));
        assertThat(perturbed.journal()).isEqualTo(original.journal());
    }
}
