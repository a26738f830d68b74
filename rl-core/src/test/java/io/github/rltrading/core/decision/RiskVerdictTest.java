package io.github.rltrading.core.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskVerdictTest {

    @Test
    void aReduceWithoutAFiniteQuantityIsRefusedNamingTheGate() {
        assertThatThrownBy(() -> RiskVerdict.reduce("max-position", Double.NaN, "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("risk gate max-position: a REDUCE needs a finite approvedQuantity, got NaN");
        assertThatThrownBy(() -> RiskVerdict.reduce("max-position", Double.NEGATIVE_INFINITY, "x", Map.of()))
                .hasMessage("risk gate max-position: a REDUCE needs a finite approvedQuantity, got -Infinity");
    }

    @Test
    void anApprovalMeansAsProposed() {
        RiskVerdict v = RiskVerdict.approve("max-position");
        assertThat(v.outcome()).isEqualTo(RiskVerdict.Outcome.APPROVE);
        assertThat(v.approvedQuantity()).isNaN();
        assertThat(v.reason()).isEmpty();
        assertThat(v.numbers()).isEmpty();
        assertThat(v.isReject()).isFalse();
    }

    @Test
    void aReduceCarriesTheAllowedTargetAndItsNumbers() {
        RiskVerdict v = RiskVerdict.reduce("max-position", 2, "limit is 2 contracts", Map.of("limit", 2.0, "requested", 5.0));
        assertThat(v.outcome()).isEqualTo(RiskVerdict.Outcome.REDUCE);
        assertThat(v.approvedQuantity()).isEqualTo(2.0);
        assertThat(v.numbers()).containsEntry("limit", 2.0).containsEntry("requested", 5.0);
        assertThat(v.isReject()).isFalse();
    }

    @Test
    void onlyARejectIsAReject() {
        RiskVerdict v = RiskVerdict.reject("kill-switch", "on since 14:02Z", Map.of("since", 1.0));
        assertThat(v.isReject()).isTrue();
        assertThat(v.approvedQuantity()).isNaN();
        assertThat(v.reason()).isEqualTo("on since 14:02Z");
    }

    @Test
    void numbersAreCopiedAndMissingPartsDefaultOrAreNamed() {
        Map<String, Double> numbers = new HashMap<>(Map.of("limit", 2.0));
        RiskVerdict v = RiskVerdict.reduce("g", 1, null, numbers);
        numbers.put("late", 3.0);
        assertThat(v.numbers()).containsOnlyKeys("limit");
        assertThat(v.reason()).isEmpty();
        assertThat(new RiskVerdict("g", RiskVerdict.Outcome.REJECT, Double.NaN, "r", null).numbers()).isEmpty();
        assertThatThrownBy(() -> RiskVerdict.approve(null)).isInstanceOf(NullPointerException.class).hasMessage("gate");
        assertThatThrownBy(() -> new RiskVerdict("g", null, 0, "", Map.of())).hasMessage("outcome");
    }
}
