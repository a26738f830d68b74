package io.github.rltrading.core.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecisionTest {

    private static final Instant T = Instant.parse("2020-01-02T15:00:00Z");

    @Test
    void aTargetOutsideMinusOneToOneIsRefusedNamingTheSource() {
        assertThatThrownBy(() -> Decision.target(1.5, 0.5, "", "ppo-v3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decision from 'ppo-v3': targetPosition must be in [-1, 1], got 1.5");
        assertThatThrownBy(() -> Decision.target(-1.0001, 0.5, "", "ppo-v3"))
                .hasMessage("decision from 'ppo-v3': targetPosition must be in [-1, 1], got -1.0001");
        assertThatThrownBy(() -> new Decision(Action.discrete(0), Double.NaN, 0.5, "", null))
                .hasMessage("decision from '': targetPosition must be in [-1, 1], got NaN");
    }

    @Test
    void aConfidenceOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> Decision.target(0.5, Double.NaN, "", "ppo-v3"))
                .hasMessage("decision from 'ppo-v3': confidence must be in [0, 1], got NaN");
        assertThatThrownBy(() -> Decision.target(0.5, 1.01, "", "ppo-v3"))
                .hasMessage("decision from 'ppo-v3': confidence must be in [0, 1], got 1.01");
        assertThatThrownBy(() -> Decision.target(0.5, -0.1, "", "ppo-v3"))
                .hasMessage("decision from 'ppo-v3': confidence must be in [0, 1], got -0.1");
    }

    @Test
    void theBoundsThemselvesAreAllowed() {
        assertThat(Decision.target(-1, 0, "", "x").targetPosition()).isEqualTo(-1.0);
        assertThat(Decision.target(1, 1, "", "x").confidence()).isEqualTo(1.0);
    }

    @Test
    void aDecisionNeedsAnActionAndDefaultsItsTexts() {
        assertThatThrownBy(() -> new Decision(null, 0, 1, "", "")).isInstanceOf(NullPointerException.class)
                .hasMessage("action");
        Decision d = new Decision(Action.discrete(2), 0.5, 0.9, null, null);
        assertThat(d.rationale()).isEmpty();
        assertThat(d.source()).isEmpty();
    }

    @Test
    void aTargetDecisionCarriesTheTargetAsItsRawAction() {
        Decision d = Decision.target(0.5, 0.7, "trend", "ppo-v3");
        assertThat(d.action()).isEqualTo(Action.continuous(0.5f));
        assertThat(Decision.flat("no data", "fallback"))
                .isEqualTo(new Decision(Action.continuous(0f), 0.0, 1.0, "no data", "fallback"));
    }

    @Test
    void anotherTargetAppendsWhyToTheRationaleAndKeepsTheRest() {
        Decision d = Decision.target(0.5, 0.7, "trend", "ppo-v3").withTarget(0.25, "reasoner halved");
        assertThat(d.targetPosition()).isEqualTo(0.25);
        assertThat(d.rationale()).isEqualTo("trend; reasoner halved");
        assertThat(d.action()).isEqualTo(Action.continuous(0.5f));
        assertThat(d.confidence()).isEqualTo(0.7);
        assertThat(d.source()).isEqualTo("ppo-v3");
        assertThat(Decision.target(0.5, 0.7, "", "x").withTarget(0, "gate").rationale()).isEqualTo("gate");
        assertThatThrownBy(() -> d.withTarget(2, "oops"))
                .hasMessage("decision from 'ppo-v3': targetPosition must be in [-1, 1], got 2.0");
    }

    @Test
    void continuousActionsAreFiniteCopiedAndCompareByContent() {
        assertThatThrownBy(() -> Action.continuous(Float.NaN))
                .hasMessage("continuous action element 0 is not finite: NaN");
        assertThatThrownBy(() -> Action.continuous(0f, Float.POSITIVE_INFINITY))
                .hasMessage("continuous action element 1 is not finite: Infinity");
        float[] values = {0.1f, 0.2f};
        Action.Continuous a = Action.continuous(values);
        values[0] = 9f;
        assertThat(a.get(0)).as("copied on the way in").isEqualTo(0.1f);
        a.values()[1] = 9f;
        assertThat(a.get(1)).as("copied on the way out").isEqualTo(0.2f);
        assertThat(a).isEqualTo(Action.continuous(0.1f, 0.2f)).hasSameHashCodeAs(Action.continuous(0.1f, 0.2f));
        assertThat(a).hasToString("Continuous[0.1, 0.2]");
    }

    @Test
    void observationsCompareByContentAndBoundThePosition() {
        Observation a = new Observation(T, new float[] {1, 2}, 0.5);
        assertThat(a).isEqualTo(new Observation(T, new float[] {1, 2}, 0.5))
                .hasSameHashCodeAs(new Observation(T, new float[] {1, 2}, 0.5));
        assertThat(a).isNotEqualTo(new Observation(T, new float[] {1, 3}, 0.5));
        assertThat(a.size()).isEqualTo(2);
        assertThat(a).hasToString("Observation[time=2020-01-02T15:00:00Z, position=0.5, features=2]");
        assertThatThrownBy(() -> new Observation(T, new float[0], 2))
                .hasMessage("observation at 2020-01-02T15:00:00Z: position must be in [-1, 1], got 2.0");
        assertThatThrownBy(() -> new Observation(T, new float[0], Double.NaN))
                .hasMessage("observation at 2020-01-02T15:00:00Z: position must be in [-1, 1], got NaN");
    }
}
