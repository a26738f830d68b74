package io.github.rltrading.reasoning;

import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigValidator;
import io.github.rltrading.core.spi.Reasoner;
import io.github.rltrading.core.spi.ReasonerProvider;
import io.github.rltrading.reasoning.llm.LlmChat;
import io.github.rltrading.reasoning.llm.OllamaChat;
import io.github.rltrading.reasoning.llm.OpenAiChat;
import io.github.rltrading.reasoning.rules.RulesReasoner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The reasoners found by name: {@code reasoner: ollama}, {@code openai} or {@code rules}. The LLM
 * reasoners check at creation that the server answers and has the model (turn off with
 * {@code check-model: false}), and can cache assessments ({@code cache-ttl}, e.g. {@code 5m}).
 */
public final class ReasonerProviders {

    private ReasonerProviders() {}

    /** {@code ollama}: DeepSeek-R1 (or any model) through Ollama. */
    public static final class Ollama implements ReasonerProvider {
        @Override
        public String name() {
            return "ollama";
        }

        @Override
        public int rank() {
            return -5;
        }

        @Override
        public Reasoner create(Config c) {
            ConfigValidator v = c.validator();
            OllamaChat.Builder b = OllamaChat.builder()
                    .baseUrl(v.string("base-url", OllamaChat.urlFromEnvironment(System.getenv("OLLAMA_HOST"))))
                    .model(v.string("model", "deepseek-r1:8b"))
                    .temperature(v.doubleInRange("temperature", 0.1, 0, 2))
                    .numPredict(v.intValue("num-predict", 512, 16, 1 << 20))
                    .numCtx(v.intValue("num-ctx", 4096, 256, 1 << 22))
                    .keepAlive(v.string("keep-alive", "30m"))
                    .think(v.bool("think", true))
                    .maxReplyBytes(v.longValue("max-reply-bytes", 1 << 20, 1024, 1L << 30));
            if (c.has("seed")) {
                b.seed(v.longValue("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE));
            }
            return finish(b.build(), v, c);
        }
    }

    /** {@code openai}: any OpenAI-compatible chat completions endpoint. */
    public static final class OpenAi implements ReasonerProvider {
        @Override
        public String name() {
            return "openai";
        }

        @Override
        public int rank() {
            return -10;
        }

        @Override
        public Reasoner create(Config c) {
            ConfigValidator v = c.validator();
            String keyEnv = v.string("api-key-env", "OPENAI_API_KEY");
            OpenAiChat.Builder b = OpenAiChat.builder()
                    .baseUrl(v.string("base-url", "https://api.openai.com/v1"))
                    .model(v.string("model", "gpt-4o-mini"))
                    .apiKey(System.getenv(keyEnv))
                    .temperature(v.doubleInRange("temperature", 0.1, 0, 2))
                    .maxTokens(v.intValue("max-tokens", 512, 16, 1 << 20))
                    .maxReplyBytes(v.longValue("max-reply-bytes", 1 << 20, 1024, 1L << 30));
            if (c.has("seed")) {
                b.seed(v.longValue("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE));
            }
            return finish(b.build(), v, c);
        }
    }

    /** {@code rules}: the deterministic reasoner, no LLM needed; the default when none is named. */
    public static final class Rules implements ReasonerProvider {
        @Override
        public String name() {
            return "rules";
        }

        @Override
        public Reasoner create(Config c) {
            return new RulesReasoner();
        }
    }

    private static Reasoner finish(LlmChat chat, ConfigValidator v, Config c) {
        Duration timeout = v.positiveDuration("timeout", Duration.ofSeconds(2));
        Duration regimeEvery = v.duration("regime-every", Duration.ofMinutes(15));
        boolean check = v.bool("check-model", true);
        String promptsDir = v.string("prompts-dir", null);
        Duration cacheTtl = v.duration("cache-ttl", Duration.ZERO);
        int digits = v.intValue("cache-digits", 2, 1, 15);
        v.throwIfInvalid("reasoner " + (chat instanceof OllamaChat ? "ollama" : "openai"));
        if (check) {
            chat.checkReady(Duration.ofSeconds(5));
        }
        Reasoner r = new LlmReasoner(chat, Prompts.overriddenFrom(promptsDir == null ? null : Path.of(promptsDir)),
                timeout, regimeEvery);
        return cacheTtl.isZero() ? r : new CachingReasoner(r, digits, cacheTtl, 10_000);
    }

    /** Every provider's name, for messages. */
    public static List<String> names() {
        return List.of("ollama", "openai", "rules");
    }
}
