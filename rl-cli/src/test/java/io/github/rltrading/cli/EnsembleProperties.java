package io.github.rltrading.cli;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** The dead band of predict's recommendation. */
class EnsembleProperties {

    @Property
    void flatExactlyInsideTheDeadBandAndSymmetricOutside(@ForAll @DoubleRange(min = -1, max = 1) double target,
            @ForAll @DoubleRange(min = 0, max = 0.99) double deadBand) {
        String r = PredictCommand.recommendation(target, deadBand);
        assertThat(r.equals("flat")).isEqualTo(Math.abs(target) <= deadBand);
        String mirrored = PredictCommand.recommendation(-target, deadBand);
        assertThat(mirrored).isEqualTo(switch (r) {
            case "long" -> "short";
            case "short" -> "long";
            default -> "flat";
        });
    }
}
