package io.github.rltrading.broker.nt8;

import io.github.rltrading.core.config.ConfigValidator;
import java.util.HashMap;
import java.util.Map;

/**
 * One {@link Nt8Bridge} per address for the components made from configuration: the {@code nt8}
 * broker and the {@code nt8} feeds of a session all talk to the same strategy connection, so they
 * must share one server. Reference counted; the last component to close closes the bridge.
 */
final class SharedBridges {

    private record Entry(Nt8Bridge bridge, Nt8Bridge.Settings settings, int users) {}

    private static final Map<String, Entry> BRIDGES = new HashMap<>();

    private SharedBridges() {}

    /** The bridge settings of a broker or feed section; problems are recorded in {@code v}. */
    static Nt8Bridge.Builder settings(ConfigValidator v) {
        Nt8Bridge.Builder b = Nt8Bridge.builder();
        b.host(v.string("host", "127.0.0.1"));
        b.port(v.intValue("port", 8888, 0, 65_535));
        String token = v.string("token", null);
        if (token != null) {
            b.token(token);
        }
        b.heartbeatInterval(v.positiveDuration("heartbeat-interval", java.time.Duration.ofSeconds(5)));
        b.idleTimeout(v.positiveDuration("idle-timeout", java.time.Duration.ofSeconds(20)));
        b.requestTimeout(v.positiveDuration("request-timeout", java.time.Duration.ofSeconds(5)));
        b.maxLineBytes(v.intValue("max-line-bytes", 1 << 20, 1024, Integer.MAX_VALUE));
        return b;
    }

    /** The running bridge for these settings' address, started on first use. */
    static synchronized Nt8Bridge acquire(Nt8Bridge.Builder builder) {
        Nt8Bridge fresh = builder.build();
        Nt8Bridge.Settings s = fresh.settings();
        String key = s.host() + ":" + s.port();
        Entry e = BRIDGES.get(key);
        if (e != null && !e.bridge().isClosed()) {
            if (!e.settings().equals(s)) {
                throw new IllegalArgumentException("the NinjaTrader bridge on " + key + " is already running with other settings ("
                        + e.settings() + "); give the broker and feed sections the same host, port, token and timeouts");
            }
            BRIDGES.put(key, new Entry(e.bridge(), s, e.users() + 1));
            return e.bridge();
        }
        fresh.start();
        BRIDGES.put(key, new Entry(fresh, s, 1));
        return fresh;
    }

    /** One user of {@code bridge} is done; the last closes it. */
    static synchronized void release(Nt8Bridge bridge) {
        Nt8Bridge.Settings s = bridge.settings();
        String key = s.host() + ":" + s.port();
        Entry e = BRIDGES.get(key);
        if (e == null || e.bridge() != bridge) {
            return;
        }
        if (e.users() <= 1) {
            BRIDGES.remove(key);
            bridge.close();
        } else {
            BRIDGES.put(key, new Entry(bridge, s, e.users() - 1));
        }
    }

    /** An action to run once when a broker or feed made from configuration closes. */
    static final class OnClose {
        private final java.util.concurrent.atomic.AtomicReference<Runnable> hook = new java.util.concurrent.atomic.AtomicReference<>();

        void set(Runnable value) {
            hook.set(value);
        }

        void run() {
            Runnable h = hook.getAndSet(null);
            if (h != null) {
                h.run();
            }
        }
    }
}
