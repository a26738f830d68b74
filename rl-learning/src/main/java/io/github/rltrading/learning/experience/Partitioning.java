package io.github.rltrading.learning.experience;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which partition an instrument's experiences go to. Each partition is learned from separately:
 * by default every instrument is its own (ES and MES learn apart, since a micro contract's traders
 * and fills differ); {@link #grouped} pools chosen symbols, {@link #shared} pools everything.
 */
@FunctionalInterface
public interface Partitioning {

    /** The partition for {@code instrument} (never blank). */
    String partitionOf(String instrument);

    /** One partition per instrument symbol (upper-cased): the default. */
    static Partitioning perInstrument() {
        return instrument -> instrument.toUpperCase(Locale.ROOT);
    }

    /** All instruments in one partition named {@code name}. */
    static Partitioning shared(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a shared partition needs a name, e.g. \"all\"");
        }
        return instrument -> name;
    }

    /**
     * Symbols in {@code groups} go to the partition they map to ({@code MES → ES} pools the micro with
     * the full contract); the others get their own.
     */
    static Partitioning grouped(Map<String, String> groups) {
        Map<String, String> copy = Map.copyOf(groups);
        return instrument -> {
            String upper = instrument.toUpperCase(Locale.ROOT);
            String group = copy.get(upper);
            return group == null ? upper : group.toUpperCase(Locale.ROOT);
        };
    }
}
