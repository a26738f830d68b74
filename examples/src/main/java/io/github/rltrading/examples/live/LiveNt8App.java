package io.github.rltrading.examples.live;

import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.SessionHook;
import io.github.rltrading.core.SessionResult;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigLoader;
import io.github.rltrading.core.config.ConfigLoader.Format;
import io.github.rltrading.core.state.SessionStateStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The live NinjaTrader 8 reference app. Waits for RlBridgeStrategy to connect, then trades the
 * session of {@code live-nt8.yaml} (or {@code --config}) until stopped (Ctrl-C), saving its state
 * every few seconds and restoring it on the next start:
 *
 * <pre>
 * bin/live-nt8                                   # MES, EMA-cross rules, port 8888
 * bin/live-nt8 --model runs/20261130-101500/model   # a trained PPO model instead of the rules
 * bin/live-nt8 --reasoner ollama                 # ask DeepSeek-R1 (Ollama) about mid-confidence trades
 * bin/live-nt8 --config my-live.yaml --port 9000 --state runs/my/state.json
 * </pre>
 */
public final class LiveNt8App {

    /** Parsed command line. */
    public record Options(Path config, Integer port, Path state, String model, String reasoner, Integer maxBars,
                          Duration statusEvery) {}

    private final Options options;
    private final PrintStream out;
    private volatile TradingSession session;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private SessionStateStore store;

    public LiveNt8App(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("live-nt8: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(usage());
            return;
        }
        LiveNt8App app = new LiveNt8App(options, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stopAndWait, "live-nt8-shutdown"));
        try {
            app.run();
        } catch (RuntimeException e) {
            System.err.println("live-nt8: " + e.getMessage());
            System.exit(1);
        }
    }

    static String usage() {
        return String.join("\n",
                "usage: bin/live-nt8 [--config FILE] [--port N] [--state FILE] [--model DIR] [--reasoner ollama|rules]",
                "                    [--max-bars N] [--status-every 60s]",
                "  --config FILE    session configuration (default: the built-in live-nt8.yaml, MES, EMA-cross rules)",
                "  --port N         the bridge's TCP port, the strategy's Port input (default 8888)",
                "  --state FILE     where the session state is kept across restarts (default runs/live-nt8/state.json)",
                "  --model DIR      trade a PPO model trained in the trading environment (bin/quickstart's runs/<time>/model, rl train) instead of the rules",
                "  --reasoner NAME  consult a reasoner on mid-confidence decisions: ollama (DeepSeek-R1) or rules",
                "  --max-bars N     stop after N bars (for trials; default: run until Ctrl-C)",
                "  --status-every D print a status line this often (default 60s)",
                "Setup: docs/nt8-setup.md. Configuration keys: docs/live-nt8.md.");
    }

    /** Parses the command line; null for --help. */
    public static Options parse(String[] args) {
        Path config = null;
        Integer port = null;
        Path state = Path.of("runs", "live-nt8", "state.json");
        String model = null;
        String reasoner = null;
        Integer maxBars = null;
        Duration statusEvery = Duration.ofSeconds(60);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String value = args[++i];
            switch (a) {
                case "--config" -> config = Path.of(value);
                case "--port" -> port = parseInt(a, value, 0, 65_535);
                case "--state" -> state = Path.of(value);
                case "--model" -> model = value;
                case "--reasoner" -> {
                    if (!List.of("ollama", "rules", "openai").contains(value)) {
                        throw new IllegalArgumentException("--reasoner must be ollama, rules or openai, got '" + value + "'");
                    }
                    reasoner = value;
                }
                case "--max-bars" -> maxBars = parseInt(a, value, 1, Integer.MAX_VALUE);
                case "--status-every" -> {
                    Config c = Config.of(Map.of("d", value));
                    statusEvery = c.validator().positiveDuration("d", Duration.ofSeconds(60));
                    c.validator().throwIfInvalid("--status-every");
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new Options(config, port, state, model, reasoner, maxBars, statusEvery);
    }

    private static int parseInt(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number in " + min + ".." + max + ", got '" + value + "'");
        }
    }

    /** The configuration: the file or the built-in one, with the command line's overrides. */
    public Config config() {
        Config base;
        if (options.config() != null) {
            base = ConfigLoader.load(options.config());
        } else {
            try (InputStream in = LiveNt8App.class.getResourceAsStream("/live-nt8.yaml")) {
                if (in == null) {
                    throw new IllegalStateException("the built-in live-nt8.yaml is missing from the class path");
                }
                base = ConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Format.YAML, "live-nt8.yaml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Config config = base;
        if (options.port() != null) {
            config = config.withSetting("feed", "port", options.port()).withSetting("broker", "port", options.port());
        }
        if (options.model() != null) {
            // A model trained in the trading environment (bin/quickstart, rl train, continuous learning): it sees a window of
            // feature rows plus its own state, which trained-ppo rebuilds from the session's observations.
            config = config.replacing("policy", Map.of("name", "trained-ppo", "model", options.model(),
                    "instrument", config.getString("instrument", ""), "max-contracts", config.get("maxPosition").orElse(1)));
        }
        if (options.reasoner() != null) {
            config = config.replacing("reasoner", options.reasoner());
        }
        return config;
    }

    /** Composes the session, waits for the strategy, and trades until stopped. */
    public SessionResult run() {
        Config config = config();
        Plugins plugins = Plugins.load();
        store = SessionStateStore.builder(options.state()).build();
        var saved = store.load();
        TradingSession.Builder b = TradingSession.fromConfig(config, plugins).hook(store).hook(new Status());
        saved.ifPresent(s -> b.startingCash(s.equity()));
        session = b.build();
        int port = config.section("broker").getInt("port", 8888);
        out.printf(Locale.ROOT, "live-nt8: %s, policy %s, %d risk gate(s); waiting for RlBridgeStrategy on 127.0.0.1:%d"
                        + " (docs/nt8-setup.md)%n", config.getString("instrument", "?"), describePolicy(config),
                session.riskGates().size(), port);
        saved.ifPresentOrElse(
                s -> out.printf(Locale.ROOT, "live-nt8: restoring the state saved %s (equity %.2f, position %.0f)%n", s.savedAt(),
                        s.equity(), s.position()),
                () -> out.println("live-nt8: no saved state at " + options.state() + "; starting fresh"));
        SessionResult result;
        try {
            result = session.run();
        } finally {
            finished.countDown();
        }
        out.printf(Locale.ROOT, "live-nt8: stopped after %d bar(s); %d trade(s); equity %.2f; journal in %s; state in %s%n",
                session.history().size(), result.trades().size(), session.portfolio().equity(),
                config.getString("journal.directory", "(none)"), options.state());
        return result;
    }

    private static String describePolicy(Config config) {
        Object p = config.get("policy").orElse("?");
        return p instanceof Map<?, ?> m ? m.get("name") + " " + m.get("model") : String.valueOf(p);
    }

    /** Waits until the session has started (broker connected), at most {@code timeout}. */
    public boolean awaitStarted(Duration timeout) throws InterruptedException {
        return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The running session, or null before {@link #run()} composed it. */
    public TradingSession session() {
        return session;
    }

    /** The state store (after {@link #run()} began). */
    public SessionStateStore stateStore() {
        return store;
    }

    /** Asks the session to stop and waits (up to 30 s) until it has saved its state and ended. */
    public void stopAndWait() {
        TradingSession s = session;
        if (s != null) {
            s.stop();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Prints what was restored, then a status line every so often; stops after --max-bars. */
    private final class Status implements SessionHook {
        private long lastPrint = System.nanoTime();

        @Override
        public void started(TradingSession s) {
            List<String> lines = new ArrayList<>(store.restoreReport());
            for (String line : lines) {
                out.println("live-nt8: " + line);
            }
            out.println("live-nt8: NinjaTrader connected; trading");
            started.countDown();
        }

        @Override
        public void afterPoll(TradingSession s) {
            if (System.nanoTime() - lastPrint >= options.statusEvery().toNanos()) {
                lastPrint = System.nanoTime();
                var p = s.portfolio().position(s.history().symbol());
                out.printf(Locale.ROOT, "live-nt8: %d bar(s), position %s, equity %.2f, last decision %s%n", s.history().size(),
                        p == null ? "0" : String.valueOf(p.quantity()), s.portfolio().equity(),
                        s.lastDecision().map(d -> d.targetPosition() + " (" + d.source() + ": " + d.rationale() + ")").orElse("none"));
            }
            if (options.maxBars() != null && s.history().size() >= options.maxBars()) {
                s.stop();
            }
        }
    }
}
