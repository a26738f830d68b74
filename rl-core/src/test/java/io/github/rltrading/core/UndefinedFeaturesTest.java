package io.github.rltrading.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.spi.FeatureSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A policy never sees a feature row with an undefined (NaN) value, as an agent never does in training. */
class UndefinedFeaturesTest {

    /** The bar index, and a second feature undefined on bars 3, 4 and 7. */
    static final class Gappy implements FeatureSet {
        @Override
        public List<String> names() {
            return List.of("index", "sometimes");
        }

        @Override
        public int warmUpBars() {
            return 0;
        }

        @Override
        public void compute(BarSeries series, int index, float[] out, int offset) {
            out[offset] = index;
            out[offset + 1] = index == 3 || index == 4 || index == 7 ? Float.NaN : 1f;
        }
    }

    @Test
    void rowsWithAnUndefinedFeatureGetNoDecisionAndKeepThePosition() {
        List<Integer> seen = new ArrayList<>();
        SessionFixtures.NextOpenBroker broker = new SessionFixtures.NextOpenBroker();
        SessionResult result;
        try (TradingSession session = TradingSession.builder().instrument(ContractSpecs.ES)
                .feed(new SessionFixtures.ListFeed(ContractSpecs.ES, SessionFixtures.risingBars("ES", 10)))
                .features(new Gappy())
                .policy(o -> {
                    seen.add((int) o.features()[0]);
                    return io.github.rltrading.core.decision.Decision.target(seen.size() % 2 == 0 ? 1 : -1, 1, "flip", "t");
                })
                .broker(broker).startingCash(100_000).maxPosition(1).build()) {
            result = session.run();
        }
        assertThat(seen).containsExactly(0, 1, 2, 5, 6, 8, 9);
        assertThat(result.decisions()).isEqualTo(7);
        assertThat(result.errors()).isZero();
    }
}
