package io.github.rltrading.reasoning;

import java.time.Instant;
import java.util.Locale;

/**
 * The market's regime as a reasoner sees it.
 *
 * @param kind        trending up or down, ranging, or volatile
 * @param confidence  in [0, 1]
 * @param explanation why, in a sentence or two
 * @param asOf        the last bar it was judged on
 * @param source      which reasoner and model
 */
public record MarketRegime(Kind kind, double confidence, String explanation, Instant asOf, String source) {

    /** The four regimes. */
    public enum Kind {
        TRENDING_UP, TRENDING_DOWN, RANGING, VOLATILE;

        /** The wire name, e.g. {@code trending_up}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** For prompts: {@code trending_up (confidence 0.72): higher highs ...}. */
    public String describe() {
        return kind.wireName() + String.format(Locale.ROOT, " (confidence %.2f)", confidence)
                + (explanation.isEmpty() ? "" : ": " + explanation);
    }
}
