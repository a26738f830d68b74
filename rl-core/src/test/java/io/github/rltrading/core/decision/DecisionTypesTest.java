package io.github.rltrading.core.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.market.ContractSpecs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionTypesTest {

    private static final Instant T = Instant.parse("2020-01-02T15:00:00Z");

    private static TradeProposal from(double current, double target) {
        return new TradeProposal(ContractSpecs.ES, T, current, target, 3000, Decision.flat("", "t"));
    }

    @Test
    void whetherAProposalAddsRisk() {
        assertThat(from(0, 1).increasesRisk()).as("flat to long").isTrue();
        assertThat(from(1, 2).increasesRisk()).as("long to longer").isTrue();
        assertThat(from(2, 1).increasesRisk()).as("long to smaller").isFalse();
        assertThat(from(1, -1).increasesRisk()).as("long to short").isTrue();
        assertThat(from(-2, 0).increasesRisk()).as("short to flat").isFalse();
        assertThat(from(-2, -3).increasesRisk()).as("short to shorter").isTrue();
        assertThat(from(2, 1).delta()).isEqualTo(-1.0);
    }

    @Test
    void decisionsAreBoundedAndSayWhoMadeThem() {
        assertThatThrownBy(() -> Decision.target(1.5, 0.5, "", "ppo-v3"))
                .hasMessage("decision from 'ppo-v3': targetPosition must be in [-1, 1], got 1.5");
        assertThatThrownBy(() -> Decision.target(0.5, Double.NaN, "", "ppo-v3"))
                .hasMessage("decision from 'ppo-v3': confidence must be in [0, 1], got NaN");
        Decision d = Decision.target(0.5, 0.7, "trend", "ppo-v3").withTarget(0.25, "reasoner halved");
        assertThat(d.targetPosition()).isEqualTo(0.25);
        assertThat(d.rationale()).isEqualTo("trend; reasoner halved");
        assertThat(d.action()).isEqualTo(Action.continuous(0.5f));
    }

    @Test
    void assessmentsAndVerdictsValidateTheirNumbers() {
        assertThatThrownBy(() -> Assessment.modify(0.8, 1.5, "x", "rules"))
                .hasMessage("assessment sizeMultiplier must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> RiskVerdict.reduce("max-position", Double.NaN, "x", Map.of()))
                .hasMessage("risk gate max-position: a REDUCE needs a finite approvedQuantity, got NaN");
        RiskVerdict v = RiskVerdict.reject("kill-switch", "on", Map.of("since", 1.0));
        assertThat(v.isReject()).isTrue();
        assertThat(new Assessment(Assessment.Verdict.APPROVE, 1, 0, 1, null, null, null).reasons()).isEmpty();
        assertThat(new Reflection(null, null, null, null, List.of("size down"), null, "rules").lessons())
                .containsExactly("size down");
    }

    @Test
    void actionSpacesKnowTheirActions() {
        ActionSpace.Discrete five = ActionSpace.discrete(5);
        assertThat(five.contains(Action.discrete(4))).isTrue();
        assertThat(five.contains(Action.discrete(5))).isFalse();
        assertThat(five.contains(Action.continuous(1f))).isFalse();
        ActionSpace.Box position = ActionSpace.box(-1f, 1f);
        assertThat(position.contains(Action.continuous(0.4f))).isTrue();
        assertThat(position.contains(Action.continuous(1.2f))).isFalse();
        assertThat(position.contains(Action.continuous(0.1f, 0.2f))).isFalse();
        assertThat(ActionSpace.box(3, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY).dimension()).isEqualTo(3);
        assertThatThrownBy(() -> ActionSpace.discrete(0)).hasMessage("a discrete space needs n >= 1, got 0");
        assertThatThrownBy(() -> new ActionSpace.Box(new float[] {1}, new float[] {0}))
                .hasMessage("box bound 0 is invalid: low=1.0 high=0.0");
        assertThatThrownBy(() -> Action.continuous(Float.NaN)).hasMessage("continuous action element 0 is not finite: NaN");
    }

    @Test
    void observationsCompareByContent() {
        Observation a = new Observation(T, new float[] {1, 2}, 0.5);
        assertThat(a).isEqualTo(new Observation(T, new float[] {1, 2}, 0.5)).hasSameHashCodeAs(
                new Observation(T, new float[] {1, 2}, 0.5));
        assertThatThrownBy(() -> new Observation(T, new float[0], 2))
                .hasMessage("observation at 2020-01-02T15:00:00Z: position must be in [-1, 1], got 2.0");
    }
}
