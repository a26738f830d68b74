package io.github.rltrading.learning.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class RetrainRequestTest {

    private static final Instant T0 = Instant.parse("2025-01-06T14:00:00Z");

    @Test
    void filesAreSortedWithoutDuplicates() {
        RetrainRequest r = new RetrainRequest("", List.of(Path.of("/x/b.txt"), Path.of("/x/a.txt"), Path.of("/x/b.txt")),
                "export", T0);
        assertThat(r.files()).containsExactly(Path.of("/x/a.txt"), Path.of("/x/b.txt"));
    }

    @Test
    void unusableFieldsAreRefusedWithTheFix() {
        assertThatThrownBy(() -> new RetrainRequest("ES", List.of(), " ", T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retrain request reason is blank; say why the retrain is asked for, e.g. \"3 export files changed\"");
        List<Path> withNull = Arrays.asList(Path.of("/x/a.txt"), null);
        assertThatThrownBy(() -> new RetrainRequest("ES", withNull, "export", T0)).isInstanceOf(NullPointerException.class)
                .hasMessage("retrain request files contain null: [/x/a.txt, null]; give only existing paths");
        RetrainRequest es = new RetrainRequest("ES", List.of(), "a", T0);
        RetrainRequest nq = new RetrainRequest("NQ", List.of(), "b", T0);
        assertThatThrownBy(() -> es.mergedWith(nq)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot merge retrain requests for different instruments \"ES\" and \"NQ\"; queue them apart");
    }

    @Property
    void aMergeCarriesTheUnionOfFilesEveryReasonOnceAndTheEarliestTime(
            @ForAll @Size(max = 6) List<@AlphaChars @StringLength(min = 1, max = 3) String> first,
            @ForAll @Size(max = 6) List<@AlphaChars @StringLength(min = 1, max = 3) String> second,
            @ForAll boolean secondEarlier) {
        RetrainRequest a = new RetrainRequest("ES", paths(first), "reason a", secondEarlier ? T0.plusSeconds(5) : T0);
        RetrainRequest b = new RetrainRequest("ES", paths(second), "reason b", secondEarlier ? T0 : T0.plusSeconds(5));

        RetrainRequest merged = a.mergedWith(b);

        Set<Path> union = new TreeSet<>(paths(first));
        union.addAll(paths(second));
        assertThat(merged.files()).containsExactlyElementsOf(union);
        assertThat(merged.reason()).isEqualTo("reason a; reason b");
        assertThat(merged.requestedAt()).isEqualTo(T0);
        assertThat(merged.mergedWith(b)).as("merging the same request again changes nothing").isEqualTo(merged);
    }

    private static List<Path> paths(List<String> names) {
        List<Path> paths = new ArrayList<>();
        for (String n : names) {
            paths.add(Path.of("/exports", n + ".txt"));
        }
        return paths;
    }
}
