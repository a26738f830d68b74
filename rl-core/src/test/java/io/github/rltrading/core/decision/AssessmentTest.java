package io.github.rltrading.core.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssessmentTest {

    @Test
    void theFactoriesSetTheNumbersTheirVerdictImplies() {
        Assessment approve = Assessment.approve(0.9, "trend intact", "rules");
        assertThat(approve.verdict()).isEqualTo(Assessment.Verdict.APPROVE);
        assertThat(approve.sizeMultiplier()).isEqualTo(1.0);
        assertThat(approve.riskScore()).isZero();
        assertThat(approve.reasons()).containsExactly("trend intact");

        Assessment reject = Assessment.reject(0.8, "news in 2 minutes", "ollama:deepseek-r1:8b");
        assertThat(reject.verdict()).isEqualTo(Assessment.Verdict.REJECT);
        assertThat(reject.sizeMultiplier()).isZero();
        assertThat(reject.riskScore()).isEqualTo(1.0);
        assertThat(reject.source()).isEqualTo("ollama:deepseek-r1:8b");

        Assessment modify = Assessment.modify(0.7, 0.5, "volatile", "rules");
        assertThat(modify.verdict()).isEqualTo(Assessment.Verdict.MODIFY);
        assertThat(modify.sizeMultiplier()).isEqualTo(0.5);
        assertThat(modify.alternative()).isEmpty();
    }

    @Test
    void aSizeMultiplierAboveOneIsRefused() {
        assertThatThrownBy(() -> Assessment.modify(0.8, 1.5, "x", "rules"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("assessment sizeMultiplier must be in [0, 1], got 1.5");
    }

    @Test
    void aConfidenceOrRiskScoreOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> Assessment.approve(Double.NaN, "x", "rules"))
                .hasMessage("assessment confidence must be in [0, 1], got NaN");
        assertThatThrownBy(() -> new Assessment(Assessment.Verdict.MODIFY, 0.5, -0.5, 0.5, List.of(), "", ""))
                .hasMessage("assessment riskScore must be in [0, 1], got -0.5");
        assertThatThrownBy(() -> new Assessment(null, 0.5, 0.5, 0.5, List.of(), "", ""))
                .isInstanceOf(NullPointerException.class).hasMessage("verdict");
    }

    @Test
    void missingTextsDefaultToEmptyAndReasonsAreCopied() {
        Assessment a = new Assessment(Assessment.Verdict.APPROVE, 1, 0, 1, null, null, null);
        assertThat(a.reasons()).isEmpty();
        assertThat(a.alternative()).isEmpty();
        assertThat(a.source()).isEmpty();
        List<String> reasons = new ArrayList<>(List.of("a"));
        Assessment b = new Assessment(Assessment.Verdict.APPROVE, 1, 0, 1, reasons, "", "");
        reasons.add("b");
        assertThat(b.reasons()).containsExactly("a");
        assertThatThrownBy(() -> b.reasons().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aReflectionDefaultsEveryMissingPart() {
        Reflection r = new Reflection(null, null, null, null, List.of("size down"), null, "rules");
        assertThat(r.lessons()).containsExactly("size down");
        assertThat(r.tradeId()).isEmpty();
        assertThat(r.whatWorked()).isEmpty();
        assertThat(r.warningSignsMissed()).isEmpty();
        assertThat(r.conditionsEffect()).isEmpty();
        assertThat(r.suggestedAdaptation()).isEmpty();
        assertThat(r.source()).isEqualTo("rules");
    }
}
