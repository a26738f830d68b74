package io.github.rltrading.learning.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ExportFileFilterTest {

    private final ExportFileFilter defaults = ExportFileFilter.of(ExportFileFilter.DEFAULT_EXTENSIONS);

    @Test
    void acceptsTheNamesNinjaTraderWritesAndRefusesTheRest() {
        assertThat(defaults.accepts(Path.of("/e/ES 03-25.Last.txt"))).isTrue();
        assertThat(defaults.accepts(Path.of("/e/NQ.CSV"))).isTrue();
        for (String refused : List.of(".ES.txt", "~$ES.csv", "ES.txt.tmp", "ES.csv.PART", "ES.json", "txt", ".csv", "ES.")) {
            assertThat(defaults.accepts(Path.of("/e", refused))).as(refused).isFalse();
        }
    }

    @Property
    void theExtensionCountsInAnyCaseAndPartialOrHiddenNamesNever(
            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 12) String base, @ForAll boolean csv,
            @ForAll boolean upper) {
        String extension = csv ? "csv" : "txt";
        String name = base + "." + (upper ? extension.toUpperCase(Locale.ROOT) : extension);
        assertThat(defaults.accepts(Path.of(name))).isTrue();
        assertThat(defaults.accepts(Path.of(name + ".tmp"))).isFalse();
        assertThat(defaults.accepts(Path.of(name + ".part"))).isFalse();
        assertThat(defaults.accepts(Path.of("." + name))).isFalse();
        assertThat(defaults.accepts(Path.of("~" + name))).isFalse();
        assertThat(defaults.accepts(Path.of(base + ".json"))).isFalse();
    }

    @Test
    void extensionsAreNormalisedAndUnusableOnesNamed() {
        assertThat(ExportFileFilter.of(List.of(".CSV", " txt ")).extensions()).containsExactly("csv", "txt");
        assertThatThrownBy(() -> ExportFileFilter.of(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extensions are empty; give at least one, e.g. \"txt\" or \"csv\"");
        assertThatThrownBy(() -> ExportFileFilter.of(List.of("tar.gz", "part"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("extension \"tar.gz\" is not a single extension; give the part after the last dot, e.g. \"csv\"; "
                        + "extension \"part\" names partial files, which are always ignored; watch the extension of the "
                        + "finished file instead, e.g. \"csv\"");
    }
}
