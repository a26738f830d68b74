package io.github.rltrading.learning.hpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    private static final SearchSpace SPACE = SearchSpace.builder()
            .logUniform("lr", 1e-5, 1e-1)
            .uniform("gamma", 0.9, 0.999)
            .integer("batch", 32, 512, true)
            .integer("layers", 1, 4)
            .categorical("activation", List.of("tanh", "relu"))
            .build();

    @Test
    void keepsParametersInTheOrderTheyWereAdded() {
        assertThat(SPACE.parameters().keySet()).containsExactly("lr", "gamma", "batch", "layers", "activation");
        assertThat(SPACE.parameters().get("batch")).isEqualTo(new Distribution.IntRange(32, 512, true));
        assertThat(SPACE.toString()).isEqualTo("SearchSpace{lr=logUniform[1.0E-5, 0.1], gamma=uniform[0.9, 0.999], "
                + "batch=integer[32, 512] log, layers=integer[1, 4], activation=categorical[tanh, relu]}");
    }

    @Test
    void invalidBoundsAreRefusedNamingTheParameterAndTheFix() {
        assertThatThrownBy(() -> SearchSpace.builder().uniform("x", 1, 0))
                .hasMessage("search space parameter \"x\": uniform needs low < high, got low=1.0, high=0.0; swap the bounds");
        assertThatThrownBy(() -> SearchSpace.builder().uniform("x", 2, 2))
                .hasMessage("search space parameter \"x\": uniform needs low < high, got low=2.0, high=2.0; "
                        + "a parameter with one possible value is a constant, leave it out of the search space");
        assertThatThrownBy(() -> SearchSpace.builder().uniform("x", Double.NaN, 2))
                .hasMessage("search space parameter \"x\": uniform bounds must be finite numbers, got low=NaN, high=2.0");
        assertThatThrownBy(() -> SearchSpace.builder().logUniform("lr", 0, 1))
                .hasMessage("search space parameter \"lr\": logUniform low must be above 0 (its logarithm is taken), got 0.0; "
                        + "use uniform for ranges that include 0 or negative values");
        assertThatThrownBy(() -> SearchSpace.builder().integer("n", 5, 5))
                .hasMessage("search space parameter \"n\": integer range needs low < high, got low=5, high=5; "
                        + "a parameter with one possible value is a constant, leave it out of the search space");
        assertThatThrownBy(() -> SearchSpace.builder().integer("n", 0, 64, true))
                .hasMessage("search space parameter \"n\": log-scale integer range needs low >= 1, got 0; "
                        + "use a linear integer range for values below 1");
        assertThatThrownBy(() -> SearchSpace.builder().categorical("a", List.of()))
                .hasMessage("search space parameter \"a\": categorical needs at least one choice, got none");
        assertThatThrownBy(() -> SearchSpace.builder().categorical("a", List.of("x", "y", "x")))
                .hasMessage("search space parameter \"a\": categorical choice \"x\" appears twice in [x, y, x]; list each choice once");
    }

    @Test
    void namesMustBeUniqueAndTheSpaceNotEmpty() {
        assertThatThrownBy(() -> SearchSpace.builder().uniform("x", 0, 1).integer("x", 0, 3))
                .hasMessage("search space parameter \"x\" is added twice (first as uniform[0.0, 1.0]); give each parameter one distribution");
        assertThatThrownBy(() -> SearchSpace.builder().uniform(" ", 0, 1))
                .hasMessage("search space parameter name must not be blank, got \" \"");
        assertThatThrownBy(() -> SearchSpace.builder().build())
                .hasMessage("search space has no parameters; add at least one (uniform, logUniform, integer or categorical)");
    }

    @Test
    void requireValidChecksPresenceTypeAndRange() {
        SPACE.requireValid(Map.of("lr", 1e-3, "gamma", 0.95, "batch", 64, "layers", 2, "activation", "relu"));
        assertThatThrownBy(() -> SPACE.requireValid(Map.of("lr", 1e-3, "gamma", 0.95, "batch", 64, "layers", 2, "activation", "gelu")))
                .hasMessage("parameter \"activation\" = gelu (String) is not in categorical[tanh, relu]");
        assertThatThrownBy(() -> SPACE.requireValid(Map.of("lr", 1e-3, "gamma", 0.95, "batch", 64.0, "layers", 2, "activation", "relu")))
                .hasMessage("parameter \"batch\" = 64.0 (Double) is not in integer[32, 512] log");
        assertThatThrownBy(() -> SPACE.requireValid(Map.of("lr", 1e-3)))
                .hasMessageStartingWith("parameter \"gamma\" is missing; the space has [lr, gamma, batch, layers, activation]");
    }

    @Test
    void firstDifferenceNamesTheParameter() {
        SearchSpace other = SearchSpace.builder().uniform("gamma", 0.9, 0.999).logUniform("lr", 1e-5, 1e-2)
                .integer("batch", 32, 512, true).integer("layers", 1, 4).categorical("activation", List.of("tanh", "relu")).build();
        assertThat(SPACE.firstDifference(other, "A", "B")).contains(
                "parameter \"lr\" is logUniform[1.0E-5, 0.1] in A but logUniform[1.0E-5, 0.01] in B");
        SearchSpace reordered = SearchSpace.builder().categorical("activation", List.of("tanh", "relu")).integer("layers", 1, 4)
                .integer("batch", 32, 512, true).uniform("gamma", 0.9, 0.999).logUniform("lr", 1e-5, 1e-1).build();
        assertThat(SPACE.firstDifference(reordered, "A", "B")).isEmpty();
        SearchSpace smaller = SearchSpace.builder().uniform("gamma", 0.9, 0.999).build();
        assertThat(smaller.firstDifference(SPACE, "A", "B")).contains("parameter \"lr\" is logUniform[1.0E-5, 0.1] in B but missing from A");
    }
}
