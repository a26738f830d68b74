package io.github.rltrading.env.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.BarSeries;
import io.github.rltrading.core.market.ContractSpecs;
import io.github.rltrading.core.market.Timeframe;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayFeedTest {

    private static BarSeries threeBars() {
        BarSeries s = new BarSeries("file-name", Timeframe.M1);
        long t = 1_577_975_460_000L;
        s.append(t, 1, 2, 1, 2, 5);
        s.append(t + 60_000, 2, 3, 2, 3, 5);
        s.append(t + 60 * 60_000, 3, 4, 3, 4, 5); // an hour later
        return s;
    }

    @Test
    void asFastAsPossibleReplaysEveryBarUnderTheInstrumentsSymbol() throws InterruptedException {
        ReplayFeed feed = ReplayFeed.of(threeBars(), ContractSpecs.ES);
        assertThat(feed.expectedBars()).as("a session sizes its history for the replay").hasValue(3);
        int n = 0;
        Optional<Bar> bar;
        while ((bar = feed.next(Duration.ZERO)).isPresent()) {
            assertThat(bar.get().symbol()).isEqualTo("ES");
            n++;
            assertThat(feed.expectedBars()).as("bars left").hasValue(3 - n);
        }
        assertThat(n).isEqualTo(3);
        assertThat(feed.isFinished()).isTrue();
    }

    @Test
    void realTimeTimesAFactorPacesBarsAndCapsGaps() throws InterruptedException {
        // 600x: a minute in 100 ms; the hour gap would be 6 s but is capped at 200 ms.
        ReplayFeed feed = ReplayFeed.of(threeBars(), ContractSpecs.ES, 600, Duration.ofMillis(200));
        long t0 = System.nanoTime();
        feed.next(Duration.ofSeconds(5));
        assertThat(feed.next(Duration.ofMillis(10))).as("not due yet").isEmpty();
        assertThat(feed.next(Duration.ofSeconds(5))).isPresent();
        assertThat(feed.next(Duration.ofSeconds(5))).isPresent();
        double ms = (System.nanoTime() - t0) / 1e6;
        assertThat(ms).as("about 100 + 200 ms").isBetween(250.0, 3000.0);
        feed.close();
        assertThat(feed.isFinished()).isTrue();
    }

    @Test
    void speedMustBePositive() {
        assertThatThrownBy(() -> ReplayFeed.of(threeBars(), ContractSpecs.ES, 0, Duration.ZERO))
                .hasMessageContaining("replay speed must be > 0");
    }

    @Test
    void theSimBrokerIsFoundByNameWithItsOptions() {
        var broker = Plugins.load().broker(Config.of(Map.of("broker", Map.of("name", "sim", "slippage-ticks", 2,
                "use-quotes", false))));
        assertThat(broker).isInstanceOf(SimBroker.class);
        assertThat(((SimBroker) broker).model()).isEqualTo(new ExecutionModel(Slippage.fixedTicks(2), false));
        assertThatThrownBy(() -> new SimBrokerProvider().create(Config.of(Map.of("slippage-ticks", -1))))
                .hasMessageContaining("slippage-ticks");
    }
}
