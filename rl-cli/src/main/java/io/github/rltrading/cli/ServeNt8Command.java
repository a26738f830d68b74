package io.github.rltrading.cli;

import io.github.rltrading.broker.nt8.Nt8Broker;
import io.github.rltrading.core.ComponentState;
import io.github.rltrading.core.PluginException;
import io.github.rltrading.core.Plugins;
import io.github.rltrading.core.SessionConfig;
import io.github.rltrading.core.SessionHook;
import io.github.rltrading.core.SessionResult;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.config.Config;
import io.github.rltrading.core.config.ConfigLoader;
import io.github.rltrading.core.spi.FeatureSet;
import io.github.rltrading.core.state.SessionStateStore;
import io.github.rltrading.env.features.MarketFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rl serve-nt8}: the live NinjaTrader 8 session, composed from configuration through
 * {@link TradingSession#fromConfig} and the plug-ins (the NinjaTrader feed and broker share one
 * bridge), with its state kept across restarts; trades until Ctrl-C, {@code --max-bars} or
 * {@code --max-runtime}.
 */
@Command(name = "serve-nt8", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trade live through NinjaTrader 8: start the bridge, wait for RlBridgeStrategy to connect "
                + "(docs/nt8-setup.md), and trade the session of --config until Ctrl-C, --max-bars or --max-runtime.",
                "The session state (risk gates, last decision, open instructions, equity) is saved every 5 s and restored on "
                        + "the next start."})
final class ServeNt8Command extends CliCommand {

    private static final List<String> MODEL_POLICIES = List.of("ppo", "sac", "dqn");

    @Option(names = "--config", paramLabel = "FILE",
            description = "Session configuration, YAML or JSON (docs/live-nt8.md). Default: the built-in one (MES, EMA-cross "
                    + "rules, the risk chain, port 8888, files under runs/serve-nt8).")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "The bridge's TCP port (0: any free port). Default: the config's.")
    Integer port;

    @Option(names = "--state", paramLabel = "FILE", defaultValue = "runs/serve-nt8/state.json",
            description = "Where the session state is kept across restarts. Default: ${DEFAULT-VALUE}.")
    Path state;

    @Option(names = "--model", paramLabel = "DIR", description = "Trade a saved model (e.g. from 'rl train') instead of the "
            + "config's policy.")
    Path model;

    @Option(names = "--reasoner", paramLabel = "NAME",
            description = "Consult a reasoner on mid-confidence decisions: rules, ollama or openai. Default: the config's.")
    String reasoner;

    @Option(names = "--max-bars", paramLabel = "N", description = "Stop after N bars (a trial). Default: until stopped.")
    Integer maxBars;

    @Option(names = "--max-runtime", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "Stop after this long, connected or not (e.g. 8h, 30s). Default: until stopped.")
    Duration maxRuntime;

    @Option(names = "--status-every", paramLabel = "DURATION", defaultValue = "60s", converter = Converters.DurationConverter.class,
            description = "Print a status line this often. Default: ${DEFAULT-VALUE}.")
    Duration statusEvery;

    @Override
    int execute() throws InterruptedException {
        validate();
        PrintStream o = out();
        Config cfg = baseConfig();
        if (port != null) {
            cfg = cfg.withSetting("feed", "port", port).withSetting("broker", "port", port);
        }
        if (reasoner != null) {
            cfg = cfg.replacing("reasoner", reasoner);
        }
        Path modelDir = model != null ? model : configuredModel(cfg);
        if (modelDir != null) {
            // The model is loaded here (its window follows from its size); the composition gets a placeholder.
            cfg = cfg.replacing("policy", "ema-cross");
        }
        Plugins plugins = Plugins.load();
        SessionStateStore store = SessionStateStore.builder(state).build();
        Optional<SessionStateStore.Snapshot> saved;
        try {
            saved = store.load();
        } catch (IllegalStateException e) {
            throw new UsageError("--state " + state + ": " + e.getMessage(), e);
        }
        String input = config == null ? "configuration" : "--config " + config;
        SessionConfig settings;
        Models.Loaded loaded = null;
        try {
            settings = SessionConfig.from(cfg, config == null ? "serve-nt8.yaml" : config.toString());
            if (modelDir != null) {
                // Before the composition starts the bridge: a model that does not fit then leaves no port open.
                FeatureSet features = plugins.features(cfg);
                loaded = Models.load(modelDir, features.names().size(), features instanceof MarketFeatures mf ? mf.hash() : "", null);
            }
        } catch (PluginException e) {
            throw UsageError.fromPlugin(input, e);
        } catch (IllegalArgumentException e) {
            throw new UsageError(input + ": " + e.getMessage(), e);
        }
        TradingSession session;
        try {
            TradingSession.Builder b = TradingSession.fromConfig(cfg, plugins).hook(store).hook(new Status(o, store));
            if (loaded != null) {
                b.policy(loaded.policy(settings.maxPosition(), settings.instrument().tickSize()));
            }
            saved.ifPresent(s -> b.startingCash(s.equity()));
            session = b.build();
        } catch (RuntimeException e) {
            if (loaded != null) {
                loaded.close();
            }
            if (e instanceof PluginException pe) {
                throw UsageError.fromPlugin(input, pe);
            }
            throw e instanceof IllegalArgumentException ? new UsageError(input + ": " + e.getMessage(), e) : e;
        }
        int listening = session.broker() instanceof Nt8Broker nt8 ? nt8.bridge().port() : cfg.section("broker").getInt("port", 8888);
        o.printf(Locale.ROOT, "serve-nt8: %s, policy %s, %d risk gate(s); waiting for RlBridgeStrategy on 127.0.0.1:%d"
                + " (docs/nt8-setup.md)%n", settings.instrument().symbol(),
                modelDir != null ? loaded.algorithm() + " model " + modelDir : describePolicy(cfg), session.riskGates().size(), listening);
        saved.ifPresentOrElse(
                s -> o.printf(Locale.ROOT, "serve-nt8: restoring the state saved %s (equity %.2f, position %.0f)%n", s.savedAt(),
                        s.equity(), s.position()),
                () -> o.println("serve-nt8: no saved state at " + state + "; starting fresh"));
        Stopper stopper = new Stopper(session, Thread.currentThread());
        Thread shutdownHook = new Thread(stopper::stop, "rl-serve-nt8-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rl-serve-nt8-max-runtime");
            t.setDaemon(true);
            return t;
        });
        if (maxRuntime != null) {
            timer.schedule(stopper::stop, maxRuntime.toMillis(), TimeUnit.MILLISECONDS);
        }
        try (session) {
            SessionResult result;
            try {
                result = session.run();
            } catch (IllegalStateException e) {
                stopper.finished(); // before the session closes its journal: no interrupt may hit that
                if (stopper.stopped() && session.state() == ComponentState.NEW) {
                    o.println("serve-nt8: stopped before NinjaTrader connected" + (maxRuntime != null ? " (--max-runtime "
                            + Converters.text(maxRuntime) + ")" : ""));
                    return Rl.OK;
                }
                throw e;
            }
            stopper.finished();
            o.printf(Locale.ROOT, "serve-nt8: stopped after %d bar(s); %d trade(s); equity %.2f; journal in %s; state in %s%n",
                    session.history().size(), result.trades().size(), session.portfolio().equity(),
                    cfg.getString("journal.directory", "(none)"), state);
            return Rl.OK;
        } finally {
            stopper.finished();
            timer.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting (Ctrl-C): the hook has run or is running
            }
            if (loaded != null) {
                loaded.close();
            }
        }
    }

    private void validate() {
        if (port != null && (port < 0 || port > 65_535)) {
            throw new UsageError("--port " + port + ": give a TCP port in 0..65535 (0: any free port)");
        }
        if (maxBars != null && maxBars < 1) {
            throw new UsageError("--max-bars " + maxBars + ": give at least 1, or leave it out to run until stopped");
        }
        if (maxRuntime != null && (maxRuntime.isZero() || maxRuntime.isNegative())) {
            throw new UsageError("--max-runtime " + maxRuntime + ": give a positive duration, e.g. 8h");
        }
        if (statusEvery.isZero() || statusEvery.isNegative()) {
            throw new UsageError("--status-every " + statusEvery + ": give a positive duration, e.g. 60s");
        }
    }

    private Config baseConfig() {
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new UsageError("--config " + config + ": no such file; give a YAML or JSON session configuration "
                        + "(docs/live-nt8.md), or leave --config out for the built-in one");
            }
            try {
                return ConfigLoader.load(config);
            } catch (IllegalArgumentException e) {
                throw new UsageError("--config " + config + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = ServeNt8Command.class.getResourceAsStream("serve-nt8.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the built-in serve-nt8.yaml is missing from the class path");
            }
            return ConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), ConfigLoader.Format.YAML,
                    "serve-nt8.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The model folder a configuration names for a model policy ({@code policy: {name: ppo, model: DIR}}
     * or {@code policy: ppo} with {@code ppo: {model: DIR}}), or null. Such a model is loaded here,
     * so that one trained in the trading environment gets its windowed observation.
     */
    private static Path configuredModel(Config cfg) {
        Object p = cfg.get("policy").orElse(null);
        Config section;
        if (p instanceof Map<?, ?> m && MODEL_POLICIES.contains(String.valueOf(m.get("name")))) {
            section = cfg.section("policy");
        } else if (p != null && MODEL_POLICIES.contains(String.valueOf(p))) {
            section = cfg.section(String.valueOf(p));
        } else {
            return null;
        }
        return section.getString("model").map(Path::of).orElse(null);
    }

    private static String describePolicy(Config cfg) {
        Object p = cfg.get("policy").orElse("?");
        return p instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : String.valueOf(p);
    }

    /**
     * Stops the session from another thread (Ctrl-C, --max-runtime). While the session still waits
     * for NinjaTrader to connect (state NEW), the waiting thread is interrupted too, since the wait
     * does not look at the stop flag; once trading, only the flag is set, so that no interrupt can
     * land in the middle of a journal write.
     */
    private static final class Stopper {
        private final TradingSession session;
        private final Thread loop;
        private boolean stopped;
        private boolean finished;

        Stopper(TradingSession session, Thread loop) {
            this.session = session;
            this.loop = loop;
        }

        synchronized void stop() {
            if (finished) {
                return;
            }
            stopped = true;
            session.stop();
            if (session.state() == ComponentState.NEW) {
                loop.interrupt();
            }
        }

        synchronized boolean stopped() {
            return stopped;
        }

        /** The session is over: no more stops, and an interrupt that arrived late is cleared. */
        synchronized void finished() {
            finished = true;
            Thread.interrupted();
        }
    }

    /** Prints what was restored, then a status line every so often; stops after --max-bars. */
    private final class Status implements SessionHook {
        private final PrintStream o;
        private final SessionStateStore store;
        private long lastPrint = System.nanoTime();

        Status(PrintStream o, SessionStateStore store) {
            this.o = o;
            this.store = store;
        }

        @Override
        public void started(TradingSession s) {
            for (String line : store.restoreReport()) {
                o.println("serve-nt8: " + line);
            }
            o.println("serve-nt8: NinjaTrader connected; trading");
        }

        @Override
        public void afterPoll(TradingSession s) {
            if (System.nanoTime() - lastPrint >= statusEvery.toNanos()) {
                lastPrint = System.nanoTime();
                var p = s.portfolio().position(s.history().symbol());
                o.printf(Locale.ROOT, "serve-nt8: %d bar(s), position %s, equity %.2f, last decision %s%n", s.history().size(),
                        p == null ? "0" : String.valueOf(p.quantity()), s.portfolio().equity(),
                        s.lastDecision().map(d -> d.targetPosition() + " (" + d.source() + ": " + d.rationale() + ")").orElse("none"));
            }
            if (maxBars != null && s.history().size() >= maxBars) {
                s.stop();
            }
        }
    }
}
