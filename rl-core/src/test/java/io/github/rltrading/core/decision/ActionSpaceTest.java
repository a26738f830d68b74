package io.github.rltrading.core.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ActionSpaceTest {

    @Test
    void aDiscreteSpaceContainsItsChoicesOnly() {
        ActionSpace.Discrete five = ActionSpace.discrete(5);
        assertThat(five.contains(Action.discrete(0))).isTrue();
        assertThat(five.contains(Action.discrete(4))).isTrue();
        assertThat(five.contains(Action.discrete(5))).isFalse();
        assertThat(five.contains(Action.discrete(-1))).isFalse();
        assertThat(five.contains(Action.continuous(1f))).as("a vector is not a choice").isFalse();
        assertThat(five.dimension()).isEqualTo(1);
    }

    @Test
    void aBoxContainsVectorsOfItsLengthWithinItsBoundsInclusive() {
        ActionSpace.Box position = ActionSpace.box(-1f, 1f);
        assertThat(position.contains(Action.continuous(0.4f))).isTrue();
        assertThat(position.contains(Action.continuous(-1f))).isTrue();
        assertThat(position.contains(Action.continuous(1f))).isTrue();
        assertThat(position.contains(Action.continuous(1.2f))).isFalse();
        assertThat(position.contains(Action.continuous(Math.nextDown(-1f)))).isFalse();
        assertThat(position.contains(Action.continuous(0.1f, 0.2f))).as("wrong length").isFalse();
        assertThat(position.contains(Action.continuous())).as("empty").isFalse();
        assertThat(position.contains(Action.discrete(0))).as("a choice is not a vector").isFalse();
    }

    @Test
    void aBoxBoundsEachElementSeparately() {
        ActionSpace.Box box = new ActionSpace.Box(new float[] {-1, 0}, new float[] {1, 10});
        assertThat(box.dimension()).isEqualTo(2);
        assertThat(box.contains(Action.continuous(-1f, 10f))).isTrue();
        assertThat(box.contains(Action.continuous(0f, -0.5f))).isFalse();
        assertThat(box.low(1)).isZero();
        assertThat(box.high(1)).isEqualTo(10f);
        ActionSpace.Box unbounded = ActionSpace.box(3, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
        assertThat(unbounded.dimension()).isEqualTo(3);
        assertThat(unbounded.contains(Action.continuous(-1e30f, 0f, 1e30f))).isTrue();
    }

    @Test
    void invalidSpacesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ActionSpace.discrete(0)).hasMessage("a discrete space needs n >= 1, got 0");
        assertThatThrownBy(() -> new ActionSpace.Box(new float[] {1}, new float[] {0}))
                .hasMessage("box bound 0 is invalid: low=1.0 high=0.0");
        assertThatThrownBy(() -> new ActionSpace.Box(new float[] {0, Float.NaN}, new float[] {1, 1}))
                .hasMessage("box bound 1 is invalid: low=NaN high=1.0");
        assertThatThrownBy(() -> new ActionSpace.Box(new float[] {0}, new float[] {1, 1}))
                .hasMessage("a box needs equally long, non-empty bounds, got 1 and 2");
        assertThatThrownBy(() -> new ActionSpace.Box(new float[0], new float[0]))
                .hasMessage("a box needs equally long, non-empty bounds, got 0 and 0");
    }

    @Test
    void aBoxCopiesItsBoundsAndComparesByContent() {
        float[] low = {-1};
        ActionSpace.Box box = new ActionSpace.Box(low, new float[] {1});
        low[0] = 5;
        box.low()[0] = 5;
        assertThat(box.low(0)).isEqualTo(-1f);
        assertThat(box).isEqualTo(ActionSpace.box(-1f, 1f)).hasSameHashCodeAs(ActionSpace.box(-1f, 1f));
        assertThat(box).hasToString("Box[low=[-1.0], high=[1.0]]");
    }

    @Property
    void aDiscreteSpaceContainsExactlyTheIndicesBelowN(@ForAll @IntRange(min = 1, max = 50) int n,
                                                       @ForAll @IntRange(min = -5, max = 60) int index) {
        assertThat(ActionSpace.discrete(n).contains(Action.discrete(index))).isEqualTo(index >= 0 && index < n);
    }

    @Property
    void aBoxContainsAValueExactlyWhenItLiesBetweenTheBounds(@ForAll @FloatRange(min = -10, max = 10) float a,
                                                             @ForAll @FloatRange(min = -10, max = 10) float b,
                                                             @ForAll @FloatRange(min = -12, max = 12) float x) {
        float low = Math.min(a, b);
        float high = Math.max(a, b);
        assertThat(ActionSpace.box(low, high).contains(Action.continuous(x))).isEqualTo(low <= x && x <= high);
    }
}
