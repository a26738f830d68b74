package io.github.rltrading.risk;

import io.github.rltrading.core.PluginKind;
import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.decision.Action;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.decision.Observation;
import io.github.rltrading.core.spi.Policy;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules policy a session falls back on when its model fails to load or throws: {@link #flat()}
 * closes the position; {@link #exitOnly()} keeps it and opens nothing new (stops and targets
 * already working still protect it). Both answer with confidence 1, so no reasoner is consulted.
 *
 * <pre>{@code
 * Policy safe = FallbackPolicy.guard(model, FallbackPolicy.Mode.EXIT_ONLY);
 * }</pre>
 *
 * From a config, {@code policy: fallback} wraps another policy by name:
 *
 * <pre>{@code
 * policy: fallback
 * fallback:
 *   mode: exit-only        # or flat
 *   primary: ppo           # the policy to run while it works
 *   ppo: { model: runs/ppo/model.json }
 * }</pre>
 */
public final class FallbackPolicy implements Policy {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackPolicy.class);

    /** What the fallback does. */
    public enum Mode {
        /** Target flat: close the position now. */
        FLAT,
        /** Keep the position, open nothing new. */
        EXIT_ONLY;

        /** Parses {@code flat} or {@code exit-only}. */
        public static Mode parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "flat" -> FLAT;
                case "exit-only" -> EXIT_ONLY;
                default -> throw new IllegalArgumentException("fallback mode must be flat or exit-only, got '" + text + "'");
            };
        }
    }

    private final Mode mode;
    private final String why;

    private FallbackPolicy(Mode mode, String why) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.why = why;
    }

    /** Always flat. */
    public static FallbackPolicy flat() {
        return new FallbackPolicy(Mode.FLAT, "");
    }

    /** Keeps the position, never adds. */
    public static FallbackPolicy exitOnly() {
        return new FallbackPolicy(Mode.EXIT_ONLY, "");
    }

    public static FallbackPolicy of(Mode mode) {
        return new FallbackPolicy(mode, "");
    }

    /** {@code primary}, falling back on the rules of {@code mode} whenever it throws. */
    public static Policy guard(Policy primary, Mode mode) {
        return primary.withFallback(of(mode));
    }

    /**
     * Creates the {@code primary} policy named in {@code settings} and guards it; if it cannot be
     * created (a missing or corrupt model), logs the error and returns the rules policy alone, whose
     * rationale says so on every decision.
     */
    public static Policy fromConfig(Config settings, Plugins plugins) {
        Mode mode = Mode.parse(settings.getString("mode", "exit-only"));
        String primary = settings.getString("primary").orElseThrow(() -> new IllegalArgumentException(
                "fallback policy: set primary to the name of the policy to guard, e.g. primary: ppo"));
        if ("fallback".equals(primary)) {
            throw new IllegalArgumentException("fallback policy: primary must name another policy, not fallback");
        }
        Config primaryConfig = Config.of(java.util.Map.of("policy", primary)).with(primary, settings.section(primary).toMap());
        try {
            return guard(plugins.create(PluginKind.POLICY, primaryConfig), mode);
        } catch (RuntimeException e) {
            String why = "policy " + primary + " could not be created (" + e.getMessage() + ")";
            LOG.error("fallback policy: {}; trading on the {} rules policy alone", why, mode.name().toLowerCase(Locale.ROOT));
            return new FallbackPolicy(mode, why);
        }
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public Decision decide(Observation observation) {
        double target = mode == Mode.FLAT ? 0.0 : observation.position();
        String rationale = "fallback " + (mode == Mode.FLAT ? "flat" : "exit-only") + (why.isEmpty() ? "" : ": " + why);
        return new Decision(Action.continuous((float) target), target, 1.0, rationale, "fallback");
    }
}
