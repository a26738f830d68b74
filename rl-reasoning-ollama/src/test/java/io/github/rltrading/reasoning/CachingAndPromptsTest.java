package io.github.rltrading.reasoning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.core.PluginKind;
import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.decision.Assessment;
import io.github.rltrading.core.decision.ReasoningRequest;
import io.github.rltrading.core.spi.Reasoner;
import io.github.rltrading.reasoning.rules.RulesReasoner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingAndPromptsTest {

    @Test
    void similarStatesHitTheCacheUntilTheEntryExpires() {
        AtomicInteger calls = new AtomicInteger();
        Reasoner counting = r -> {
            calls.incrementAndGet();
            return Assessment.approve(0.8, "fine", "count");
        };
        CachingReasoner cache = new CachingReasoner(counting, 2, Duration.ofMinutes(5), 100);
        var bars = Requests.bars(400, 0.5);
        ReasoningRequest a = Requests.request(bars, 0, 1, Map.of("rsi14", 68.2, "atr14", 2.25));
        ReasoningRequest similar = Requests.request(bars, 0, 1, Map.of("rsi14", 68.4, "atr14", 2.24)); // 68 and 2.2 at 2 digits
        ReasoningRequest different = Requests.request(bars, 0, 1, Map.of("rsi14", 71.0, "atr14", 2.25));
        ReasoningRequest shortInstead = Requests.request(bars, 0, -1, Map.of("rsi14", 68.2, "atr14", 2.25));
        cache.assess(a);
        cache.assess(similar);
        assertThat(calls.get()).isEqualTo(1);
        cache.assess(different);
        cache.assess(shortInstead);
        assertThat(calls.get()).isEqualTo(3);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.hitRate()).isEqualTo(0.25);
        ReasoningRequest later = Requests.request(Requests.bars(406, 0.5), 0, 1, Map.of("rsi14", 68.2, "atr14", 2.25));
        cache.assess(later); // 6 minutes later: expired
        assertThat(calls.get()).isEqualTo(4);
        // The session's no-wait path: a hit answers at once, a miss says null and never calls the delegate.
        assertThat(cache.assessNow(later)).isNotNull();
        assertThat(cache.assessNow(Requests.request(bars, 0, 1, Map.of("rsi14", 12.0, "atr14", 9.0)))).isNull();
        assertThat(calls.get()).isEqualTo(4);
    }

    @Test
    void promptTemplatesCanBeOverriddenAndAMissingValueIsCaught(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pre-trade.txt"), "Trade {{symbol}} at {{price}}? {{not_a_value}}");
        Prompts p = Prompts.overriddenFrom(dir);
        assertThat(p.template("risk")).isEqualTo(Prompts.defaults().template("risk"));
        assertThatThrownBy(() -> p.render("pre-trade", MarketBrief.of(Requests.request(), "")))
                .hasMessageStartingWith("prompt template 'pre-trade' uses {{not_a_value}}, which has no value; available: [symbol,");
        String builtIn = Prompts.defaults().render("pre-trade", MarketBrief.of(Requests.request(), "trending_up (confidence 0.70)"));
        assertThat(builtIn).contains("Instrument: ES (1m bars)", "Market regime: trending_up (confidence 0.70)")
                .doesNotContain("{{");
    }

    @Test
    void theReasonersAreFoundByNameAndRulesIsTheDefault() {
        Plugins plugins = Plugins.load();
        assertThat(plugins.create(PluginKind.REASONER, Config.empty())).isInstanceOf(RulesReasoner.class);
        assertThatThrownBy(() -> plugins.create(PluginKind.REASONER, Config.of(Map.of("reasoner", "ollama",
                "ollama", Map.of("base-url", "http://127.0.0.1:9", "timeout", "200ms")))))
                .hasMessageContaining("reasoner \"ollama\" could not be created")
                .hasMessageContaining("cannot reach the server");
    }
}
