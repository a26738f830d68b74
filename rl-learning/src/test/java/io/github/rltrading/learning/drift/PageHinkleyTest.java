package io.github.rltrading.learning.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PageHinkleyTest {

    /** δ and λ for a reward with standard deviation 1: a false alarm per excursion has odds e^(−2·0.25·25). */
    static final PageHinkley.Config UNIT_REWARD = PageHinkley.Config.defaults().withDelta(0.25).withLambda(25);

    @Test
    void aDropOfOneSdInTheMeanIsFoundWithinAHundredSteps() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            PageHinkley ph = new PageHinkley(UNIT_REWARD);
            for (int t = 0; t < 2_000; t++) {
                assertThat(ph.update(random.nextGaussian())).as("seed %d, stationary step %d", seed, t).isEmpty();
            }
            int steps = 0;
            Optional<PageHinkley.Alarm> alarm = Optional.empty();
            while (alarm.isEmpty() && steps < 100) {
                alarm = ph.update(-1 + random.nextGaussian());
                steps++;
            }
            assertThat(alarm).as("seed %d: no alarm within 100 steps of the drop", seed).isPresent();
            assertThat(alarm.get().direction()).isEqualTo(PageHinkley.Direction.DECREASE);
            assertThat(alarm.get().statistic()).isGreaterThan(alarm.get().threshold());
            assertThat(alarm.get().observations()).isEqualTo(2_000 + steps);
        }
    }

    @Test
    void aStationaryStreamRaisesNoAlarm() {
        SplittableRandom random = new SplittableRandom(42);
        PageHinkley ph = new PageHinkley(UNIT_REWARD.withDirection(PageHinkley.Direction.BOTH));
        for (int t = 0; t < 20_000; t++) {
            assertThat(ph.update(0.3 + random.nextGaussian())).as("step %d", t).isEmpty();
        }
        assertThat(ph.count()).isEqualTo(20_000);
    }

    @Test
    void anIncreaseIsIgnoredByDefaultAndFoundWhenWatched() {
        PageHinkley down = new PageHinkley(UNIT_REWARD);
        PageHinkley up = new PageHinkley(UNIT_REWARD.withDirection(PageHinkley.Direction.INCREASE));
        Optional<PageHinkley.Alarm> upAlarm = Optional.empty();
        for (int t = 0; t < 500; t++) {
            double x = t < 100 ? 0 : 2;
            assertThat(down.update(x)).isEmpty();
            upAlarm = upAlarm.isPresent() ? upAlarm : up.update(x);
        }
        assertThat(upAlarm).get().extracting(PageHinkley.Alarm::direction).isEqualTo(PageHinkley.Direction.INCREASE);
    }

    @Test
    void itResetsAfterAnAlarmSoOneDropIsReportedOnce() {
        PageHinkley ph = new PageHinkley(UNIT_REWARD);
        int alarms = 0;
        for (int t = 0; t < 100; t++) {
            ph.update(0);
        }
        for (int t = 0; t < 1_000; t++) {
            if (ph.update(-2).isPresent()) {
                alarms++;
                assertThat(ph.count()).isZero();
            }
        }
        // after the reset the new level is the mean: it stays flat, so no second alarm
        assertThat(alarms).isEqualTo(1);
    }

    @Test
    void noAlarmBeforeMinInstances() {
        PageHinkley ph = new PageHinkley(UNIT_REWARD.withMinInstances(50));
        Optional<PageHinkley.Alarm> alarm = Optional.empty();
        ph.update(1_000);
        int t = 1;
        while (alarm.isEmpty()) {
            alarm = ph.update(-1_000);
            t++;
        }
        assertThat(t).isEqualTo(50);
        assertThat(alarm.get().observations()).isEqualTo(50);
    }

    @Test
    void forgettingBoundsTheSumSoASmallSteadyDropIsNotFound() {
        // a noiseless drop of 1: without forgetting it adds up past λ = 25; with α = 0.9 the sum stays
        // below 1 / (1 − 0.9) = 10
        PageHinkley none = new PageHinkley(UNIT_REWARD.withDelta(0));
        PageHinkley forgetting = new PageHinkley(UNIT_REWARD.withDelta(0).withAlpha(0.9));
        boolean noneAlarmed = false;
        boolean forgettingAlarmed = false;
        for (int t = 0; t < 1_000; t++) {
            double x = t < 200 ? 0 : -1;
            noneAlarmed |= none.update(x).isPresent();
            forgettingAlarmed |= forgetting.update(x).isPresent();
        }
        assertThat(noneAlarmed).isTrue();
        assertThat(forgettingAlarmed).isFalse();
    }

    @Test
    void badSettingsAndValuesAreRefusedWithTheFix() {
        PageHinkley.Config d = PageHinkley.Config.defaults();
        assertThatThrownBy(() -> d.withDelta(-1)).hasMessage(
                "Page-Hinkley delta must be a finite number >= 0, got -1.0; it is the change in the mean to tolerate, "
                        + "in the series' units");
        assertThatThrownBy(() -> d.withLambda(0)).hasMessage(
                "Page-Hinkley lambda must be a finite number > 0, got 0.0; it is the alarm threshold, in the series' units");
        assertThatThrownBy(() -> d.withAlpha(1.5))
                .hasMessage("Page-Hinkley alpha must be in (0, 1], got 1.5; use 1 for no forgetting");
        assertThatThrownBy(() -> d.withMinInstances(0)).hasMessage("Page-Hinkley minInstances must be at least 1, got 0");
        PageHinkley ph = new PageHinkley(d);
        ph.update(1);
        assertThatThrownBy(() -> ph.update(Double.NaN))
                .hasMessage("Page-Hinkley value must be a finite number, got NaN after 1 values");
    }
}
