package io.github.rltrading.broker.nt8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.broker.nt8.protocol.ErrorCode;
import io.github.rltrading.broker.nt8.protocol.MessageType;
import io.github.rltrading.broker.nt8.protocol.Protocol;
import io.github.rltrading.broker.nt8.protocol.ProtocolException;
import io.github.rltrading.core.market.Bar;
import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.core.market.Timeframe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java end of the NinjaTrader 8 bridge: a TCP server (127.0.0.1:8888 by default) that
 * NinjaScript strategies connect to, speaking protocol v1 ({@code docs/nt8-protocol.md}). Each
 * connection says in its {@code hello} which instrument it trades; the bridge routes its bars to
 * the {@link Nt8Feed} and its orders, executions and positions to the {@link Nt8Broker} of that
 * instrument, so a {@link io.github.rltrading.core.TradingSession} runs on NinjaTrader unchanged.
 *
 * <pre>{@code
 * try (Nt8Bridge bridge = Nt8Bridge.builder().port(8888).build().start()) {
 *     Nt8Feed feed = bridge.feed(ContractSpecs.ES, Timeframe.M1);
 *     Nt8Broker broker = bridge.broker(ContractSpecs.ES);
 *     TradingSession.builder().instrument(ContractSpecs.ES).feed(feed).broker(broker)...build().run();
 * }
 * }</pre>
 *
 * <p>Malformed JSON, unknown types, lines over the limit, messages before {@code hello} and late
 * replies get an {@code error} message; the connection and the server go on. A peer that stays
 * silent past the idle timeout, or stops reading what it is sent, is disconnected. A new
 * {@code hello} for an instrument replaces the older connection (a strategy that reconnects).
 */
public final class Nt8Bridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Nt8Bridge.class);

    /** The bridge's settings (see {@link Builder}). */
    public record Settings(String host, int port, String token, Duration heartbeatInterval, Duration idleTimeout,
                           Duration requestTimeout, int maxLineBytes, int outboundQueue, int maxConnections) {}

    /** Counters for monitoring and tests. */
    public record Stats(long connectionsAccepted, int connectionsOpen, long messagesIn, long errorsSent,
                        long barsDropped) {}

    private final Settings settings;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Map<String, Connection> bySymbol = new ConcurrentHashMap<>();
    private final Object helloLock = new Object();
    private final Map<String, Nt8Broker> brokers = new ConcurrentHashMap<>();
    private final Map<String, Nt8Feed> feeds = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong messagesIn = new AtomicLong();
    private final AtomicLong errorsSent = new AtomicLong();
    private final AtomicLong barsDropped = new AtomicLong();
    private volatile ServerSocket server;
    private volatile boolean closed;
    private Thread acceptor;

    private Nt8Bridge(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds and starts accepting connections; returns this.
     *
     * @throws UncheckedIOException when the address cannot be bound (the message names it)
     */
    public synchronized Nt8Bridge start() {
        if (server != null) {
            return this;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), 128);
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException("NinjaTrader bridge cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage() + " (is another bridge or program using the port? set broker.port)", e);
        }
        acceptor = Thread.ofPlatform().daemon().name("nt8-accept-" + port()).start(this::acceptLoop);
        LOG.info("NinjaTrader bridge listening on {}:{}", settings.host(), port());
        return this;
    }

    /** The port actually bound (useful with port 0 in tests). */
    public int port() {
        ServerSocket s = server;
        return s == null ? settings.port() : s.getLocalPort();
    }

    public Settings settings() {
        return settings;
    }

    public Stats stats() {
        return new Stats(accepted.get(), connections.size(), messagesIn.get(), errorsSent.get(), barsDropped.get());
    }

    /** The broker for an instrument on this bridge (one per symbol; the same object when asked again). */
    public Nt8Broker broker(Instrument instrument) {
        return brokers.computeIfAbsent(key(instrument.symbol()), s -> new Nt8Broker(this, instrument));
    }

    /**
     * The feed of an instrument's bars of one timeframe (the strategy's primary series, or one it
     * added); the same object when asked again.
     */
    public Nt8Feed feed(Instrument instrument, Timeframe timeframe) {
        return feeds.computeIfAbsent(key(instrument.symbol()) + "|" + timeframe, k -> new Nt8Feed(this, instrument, timeframe));
    }

    /** The broker of a symbol if a session asked for one; null otherwise. */
    Nt8Broker brokerIfPresent(String symbol) {
        return brokers.get(key(symbol));
    }

    /** The feed of a symbol's shortest timeframe if a session asked for one; null otherwise. */
    Nt8Feed primaryFeedIfPresent(String symbol) {
        return primaryFeed(key(symbol));
    }

    /** Whether a strategy for this symbol is connected now. */
    public boolean isConnected(String symbol) {
        Connection c = bySymbol.get(key(symbol));
        return c != null && c.isOpen();
    }

    Connection connection(String symbol) {
        Connection c = bySymbol.get(key(symbol));
        return c != null && c.isOpen() ? c : null;
    }

    void release(Nt8Broker broker) {
        brokers.remove(key(broker.instrument().symbol()), broker);
    }

    void release(Nt8Feed feed) {
        feeds.remove(key(feed.instrument().symbol()) + "|" + feed.timeframe(), feed);
    }

    void countIn() {
        messagesIn.incrementAndGet();
    }

    void countError() {
        errorsSent.incrementAndGet();
    }

    static String key(String symbol) {
        return symbol.toUpperCase(Locale.ROOT);
    }

    /**
     * The SDK symbol of a NinjaTrader instrument name: its root, upper case ({@code "ES 12-26"} →
     * {@code ES}, {@code "MES 03-27"} → {@code MES}, {@code "SPY"} → {@code SPY}).
     */
    public static String symbolOf(String ninjaTraderInstrument) {
        String t = ninjaTraderInstrument.trim();
        int space = t.indexOf(' ');
        return key(space < 0 ? t : t.substring(0, space));
    }

    private void acceptLoop() {
        long ids = 0;
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketException e) {
                if (!closed) {
                    LOG.error("NinjaTrader bridge stopped accepting: {}", e.toString());
                }
                return;
            } catch (IOException e) {
                LOG.warn("NinjaTrader bridge accept failed: {}", e.toString());
                continue;
            }
            accepted.incrementAndGet();
            try {
                socket.setTcpNoDelay(true);
                socket.setKeepAlive(true);
            } catch (SocketException e) {
                LOG.debug("socket options: {}", e.toString());
            }
            Connection c = new Connection("c" + (++ids), socket, this, settings);
            if (connections.size() >= settings.maxConnections()) {
                connections.add(c);
                c.start();
                c.close(ErrorCode.SHUTDOWN, "the bridge already has " + settings.maxConnections() + " connections (broker.maxConnections)");
                continue;
            }
            connections.add(c);
            c.start();
        }
    }

    void onClosed(Connection c) {
        connections.remove(c);
        String symbol = c.symbol();
        if (symbol != null && bySymbol.remove(symbol, c)) {
            Nt8Broker b = brokers.get(symbol);
            if (b != null) {
                b.onDisconnected(c);
            }
            LOG.warn("NinjaTrader strategy for {} disconnected: {}", symbol, c.closeReason());
        }
    }

    /** Handles one message on the connection's reader thread. */
    void handle(Connection c, ObjectNode m) throws ProtocolException {
        JsonNode typeNode = m.get("type");
        String typeName = typeNode == null || typeNode.isNull() ? null : typeNode.asText();
        MessageType type = MessageType.fromWire(typeName).orElseThrow(() -> new ProtocolException(ErrorCode.UNKNOWN_TYPE,
                typeName == null ? "a message needs a \"type\"" : "unknown message type '" + typeName + "'", Protocol.id(m)));
        JsonNode v = m.get("v");
        if (v == null || !v.canConvertToInt() || v.asInt() != Protocol.VERSION) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION, type.wireName() + ".v must be " + Protocol.VERSION
                    + ", got " + (v == null ? "nothing" : v.toString()), Protocol.id(m));
        }
        if (c.symbol() == null && type != MessageType.HELLO) {
            throw new ProtocolException(ErrorCode.HELLO_REQUIRED, "send hello first; got " + type.wireName(), Protocol.id(m));
        }
        String id = Protocol.id(m);
        switch (type) {
            case HELLO -> hello(c, m);
            case HEARTBEAT -> {
                CompletableFuture<ObjectNode> reply = c.takePending(id);
                if (reply != null) {
                    reply.complete(m);
                } else if (id != null) {
                    ObjectNode echo = Protocol.message(MessageType.HEARTBEAT);
                    echo.put("id", id);
                    c.send(echo);
                }
            }
            case BAR -> bar(c, m);
            case ACTION_REQUEST -> {
                Protocol.text(m, "id");
                Nt8Feed feed = primaryFeed(c.symbol());
                if (feed == null) {
                    throw new ProtocolException(ErrorCode.NO_SESSION, "no session trades " + c.symbol() + " on this bridge", id);
                }
                feed.onActionRequest(c, id, Protocol.time(m, "barEnd"));
            }
            case ORDER_UPDATE, EXECUTION, POSITION, ACCOUNT, SYNC_DONE -> {
                Nt8Broker broker = brokers.get(c.symbol());
                CompletableFuture<ObjectNode> reply = c.takePending(id);
                try {
                    if (broker != null && type != MessageType.SYNC_DONE) {
                        broker.onMessage(type, m, reply != null);
                    }
                } finally {
                    if (reply != null) {
                        reply.complete(m);
                    }
                }
                if (reply == null && id != null) {
                    throw new ProtocolException(ErrorCode.UNKNOWN_REQUEST, type.wireName() + " answers request '" + id
                            + "', which is not waiting (a late or out-of-order reply); its content was applied", id);
                }
                if (broker == null && type != MessageType.SYNC_DONE && type != MessageType.ACCOUNT) {
                    throw new ProtocolException(ErrorCode.NO_SESSION, "no session trades " + c.symbol() + " on this bridge; "
                            + type.wireName() + " ignored", id);
                }
            }
            case ERROR -> {
                LOG.warn("NinjaTrader strategy {} reports an error: {}", c.symbol(), m);
                CompletableFuture<ObjectNode> reply = c.takePending(id);
                if (reply != null) {
                    reply.completeExceptionally(new ProtocolException(ErrorCode.BAD_MESSAGE,
                            "the strategy answered with an error: " + Protocol.text(m, "message", m.toString()), id));
                }
            }
            case WELCOME, ACTION_RESPONSE, ORDER, CANCEL, SYNC_REQUEST -> throw new ProtocolException(ErrorCode.BAD_MESSAGE,
                    type.wireName() + " is sent by the server, not by the strategy", id);
        }
    }

    private void hello(Connection c, ObjectNode m) throws ProtocolException {
        String id = Protocol.id(m);
        if (c.symbol() != null) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "hello was already received on this connection", id);
        }
        if (settings.token() != null && !settings.token().isEmpty()) {
            String token = Protocol.text(m, "token", "");
            if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), settings.token().getBytes(StandardCharsets.UTF_8))) {
                c.close(ErrorCode.NOT_AUTHORIZED, "hello.token does not match the bridge's token (broker.token)");
                return;
            }
        }
        String instrument = Protocol.text(m, "instrument");
        String symbol = symbolOf(instrument);
        String account = Protocol.text(m, "account", "");
        c.greeted(symbol);
        ObjectNode welcome = Protocol.message(MessageType.WELCOME);
        if (id != null) {
            welcome.put("id", id);
        }
        welcome.put("connection", c.id());
        welcome.put("symbol", symbol);
        welcome.put("server", "rl-broker-nt8");
        welcome.put("heartbeatMs", settings.heartbeatInterval().toMillis());
        welcome.put("idleTimeoutMs", settings.idleTimeout().toMillis());
        welcome.put("requestTimeoutMs", settings.requestTimeout().toMillis());
        welcome.put("maxLineBytes", settings.maxLineBytes());
        welcome.put("session", brokers.containsKey(symbol) || primaryFeed(symbol) != null);
        Connection old;
        // Welcome is queued before the connection is registered, so nothing another thread sends
        // (a broker's sync_request) can overtake it; one hello at a time, so a client that has seen
        // its welcome and connects again is always registered after this one, and replaces it.
        synchronized (helloLock) {
            c.send(welcome);
            old = bySymbol.put(symbol, c);
        }
        LOG.info("NinjaTrader strategy connected: {} ({}) account '{}' as {}", instrument, symbol, account, c.id());
        if (old != null && old != c) {
            old.close(ErrorCode.REPLACED, "a newer connection (" + c.id() + ") for " + symbol + " replaced this one");
        }
        Nt8Broker broker = brokers.get(symbol);
        if (broker != null) {
            broker.onConnected(c);
        }
    }

    private Nt8Feed primaryFeed(String symbol) {
        Nt8Feed best = null;
        for (Nt8Feed f : feeds.values()) {
            if (key(f.instrument().symbol()).equals(symbol)
                    && (best == null || f.timeframe().millis() < best.timeframe().millis())) {
                best = f;
            }
        }
        return best;
    }

    private void bar(Connection c, ObjectNode m) throws ProtocolException {
        Timeframe tf;
        String tfText = Protocol.text(m, "timeframe");
        try {
            tf = Timeframe.parse(tfText);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "bar.timeframe: " + e.getMessage(), Protocol.id(m));
        }
        Bar bar;
        try {
            bar = new Bar(c.symbol(), tf, Protocol.time(m, "end"), Protocol.number(m, "open"), Protocol.number(m, "high"),
                    Protocol.number(m, "low"), Protocol.number(m, "close"), Protocol.number(m, "volume"));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, e.getMessage(), Protocol.id(m));
        }
        boolean historical = m.path("historical").asBoolean(false);
        Nt8Feed feed = feeds.get(c.symbol() + "|" + tf);
        if (feed == null) {
            barsDropped.incrementAndGet();
            return; // a series nobody subscribed to: counted, not an error
        }
        feed.offer(bar, historical, Protocol.id(m));
    }

    /** Stops accepting, closes every connection (telling each why) and ends the threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            LOG.debug("closing server socket: {}", e.toString());
        }
        List<Connection> open = new ArrayList<>(connections);
        for (Connection c : open) {
            c.close(ErrorCode.SHUTDOWN, "the bridge is shutting down");
        }
        for (Connection c : open) {
            try {
                c.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Nt8Feed f : new ArrayList<>(feeds.values())) {
            f.bridgeClosed();
        }
        for (Nt8Broker b : new ArrayList<>(brokers.values())) {
            b.bridgeClosed();
        }
        if (acceptor != null) {
            try {
                acceptor.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info("NinjaTrader bridge on port {} closed", port());
    }

    public boolean isClosed() {
        return closed;
    }

    /** Builder; every setting has a default that suits one NinjaTrader on the same machine. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = Protocol.DEFAULT_PORT;
        private String token;
        private Duration heartbeatInterval = Duration.ofSeconds(5);
        private Duration idleTimeout = Duration.ofSeconds(20);
        private Duration requestTimeout = Duration.ofSeconds(5);
        private int maxLineBytes = Protocol.DEFAULT_MAX_LINE_BYTES;
        private int outboundQueue = 10_000;
        private int maxConnections = 256;

        private Builder() {}

        /** Address to bind; default 127.0.0.1 (this machine only). Binding elsewhere needs a token. */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** TCP port; default 8888, 0 for any free port. */
        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("broker.port must be 0..65535, got " + value);
            }
            this.port = value;
            return this;
        }

        /** Shared secret the strategy must send in {@code hello.token}; none by default. */
        public Builder token(String value) {
            this.token = value;
            return this;
        }

        /** How often the server sends a heartbeat when it has sent nothing else; default 5 s. */
        public Builder heartbeatInterval(Duration value) {
            this.heartbeatInterval = positive(value, "heartbeatInterval");
            return this;
        }

        /** A connection that sends nothing (not even a heartbeat) for this long is closed; default 20 s. */
        public Builder idleTimeout(Duration value) {
            this.idleTimeout = positive(value, "idleTimeout");
            return this;
        }

        /** How long the server waits for a reply (order, cancel, sync); default 5 s. */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        /** Longest line accepted; longer ones are skipped with an error. Default 1 MiB. */
        public Builder maxLineBytes(int value) {
            if (value < 1024) {
                throw new IllegalArgumentException("broker.maxLineBytes must be >= 1024, got " + value);
            }
            this.maxLineBytes = value;
            return this;
        }

        /** Messages queued for one connection before it is dropped as not reading; default 10,000. */
        public Builder outboundQueue(int value) {
            if (value < 16) {
                throw new IllegalArgumentException("broker.outboundQueue must be >= 16, got " + value);
            }
            this.outboundQueue = value;
            return this;
        }

        /** Connections served at once; more are refused with an error. Default 256. */
        public Builder maxConnections(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("broker.maxConnections must be >= 1, got " + value);
            }
            this.maxConnections = value;
            return this;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("broker." + name + " must be positive, got " + d);
            }
            return d;
        }

        public Nt8Bridge build() {
            if (!(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1")) && (token == null || token.isEmpty())) {
                throw new IllegalArgumentException("broker.host is " + host + ", reachable from other machines: set broker.token"
                        + " (a shared secret the strategy sends in hello) or bind 127.0.0.1");
            }
            if (idleTimeout.compareTo(heartbeatInterval) <= 0) {
                throw new IllegalArgumentException("broker.idleTimeout (" + idleTimeout + ") must be longer than broker.heartbeatInterval ("
                        + heartbeatInterval + ")");
            }
            return new Nt8Bridge(new Settings(host, port, token, heartbeatInterval, idleTimeout, requestTimeout, maxLineBytes,
                    outboundQueue, maxConnections));
        }
    }
}
