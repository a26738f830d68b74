package io.github.rltrading.broker.nt8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.broker.nt8.protocol.ErrorCode;
import io.github.rltrading.broker.nt8.protocol.LineReader;
import io.github.rltrading.broker.nt8.protocol.LineTooLongException;
import io.github.rltrading.broker.nt8.protocol.MessageType;
import io.github.rltrading.broker.nt8.protocol.Protocol;
import io.github.rltrading.broker.nt8.protocol.ProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One strategy's TCP connection: a reader virtual thread (bounded lines, idle timeout, heartbeats on
 * read timeouts) and a writer virtual thread draining a bounded queue, so a peer that stops reading
 * is dropped instead of blocking anyone. Messages are handled on the reader thread, in order.
 */
final class Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final byte[] POISON = new byte[0];
    /** How long a closing connection's writer may take to send its last message before the socket is closed. */
    private static final java.time.Duration CLOSE_GRACE = java.time.Duration.ofSeconds(2);

    private final String id;
    private final Socket socket;
    private final Nt8Bridge bridge;
    private final Nt8Bridge.Settings settings;
    private final BlockingQueue<byte[]> outbound;
    private final Map<String, CompletableFuture<ObjectNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile long lastSentNanos = System.nanoTime();
    private volatile String symbol;
    private volatile String closeReason = "";
    private Thread reader;
    private Thread writer;

    Connection(String id, Socket socket, Nt8Bridge bridge, Nt8Bridge.Settings settings) {
        this.id = id;
        this.socket = socket;
        this.bridge = bridge;
        this.settings = settings;
        this.outbound = new ArrayBlockingQueue<>(settings.outboundQueue());
    }

    void start() {
        // Both exist before either runs: the reader may close the connection at its first line,
        // and closing waits for the writer to send the reason.
        writer = Thread.ofVirtual().name("nt8-write-" + id).unstarted(this::writeLoop);
        reader = Thread.ofVirtual().name("nt8-read-" + id).unstarted(this::readLoop);
        writer.start();
        reader.start();
    }

    String id() {
        return id;
    }

    /** The instrument symbol named in {@code hello}; null before it. */
    String symbol() {
        return symbol;
    }

    void greeted(String symbol) {
        this.symbol = symbol;
    }

    boolean isOpen() {
        return !closed.get();
    }

    String closeReason() {
        return closeReason;
    }

    /**
     * Queues a message; false when the connection is closed. A full queue means the peer is not
     * reading: the connection is closed rather than buffering without bound.
     */
    boolean send(ObjectNode message) {
        if (closed.get()) {
            return false;
        }
        if (!outbound.offer(Protocol.encode(message))) {
            close(ErrorCode.SLOW_READER, "the strategy did not read " + settings.outboundQueue() + " queued messages");
            return false;
        }
        return true;
    }

    /** Sends an error message (the connection stays open). */
    void sendError(ErrorCode code, String text, String requestId) {
        // A peer gone wrong can earn an error per line: log the first few, then one in a thousand.
        long n = errors.incrementAndGet();
        if (n <= 10 || n % 1000 == 0) {
            LOG.warn("nt8 connection {} ({}): {} {}{}", id, symbol, code.wireName(), text,
                    n == 10 ? " (further errors on this connection are logged one in 1000)" : n > 10 ? " (" + n + " errors so far)" : "");
        }
        bridge.countError();
        send(Protocol.error(code, text, requestId));
    }

    /**
     * Sends a request with a fresh {@code id}; the future completes with the reply, or fails with a
     * {@link TimeoutException} after {@code timeout}, or when the connection closes.
     */
    CompletableFuture<ObjectNode> request(ObjectNode message, Duration timeout) {
        String requestId = "j" + requestIds.incrementAndGet();
        message.put("id", requestId);
        CompletableFuture<ObjectNode> reply = new CompletableFuture<>();
        pending.put(requestId, reply);
        reply.whenComplete((r, e) -> pending.remove(requestId));
        if (!send(message)) {
            reply.completeExceptionally(new IOException("connection " + id + " is closed: " + closeReason));
            return reply;
        }
        return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The request waiting for a reply with this id, removed; null when none is. */
    CompletableFuture<ObjectNode> takePending(String requestId) {
        return requestId == null ? null : pending.remove(requestId);
    }

    /** Closes after telling the peer why (best effort). Idempotent. */
    void close(ErrorCode code, String text) {
        if (!shutdown(text)) {
            return; // closed already
        }
        LOG.info("nt8 connection {} ({}) closing: {} {}", id, symbol, code.wireName(), text);
        // Jump the queue: the peer should learn why even if the queue is full.
        byte[] last = Protocol.encode(Protocol.error(code, text, null));
        outbound.clear();
        outbound.offer(last);
        outbound.offer(POISON);
        // The writer sends the reason, then closes the socket. A peer that does not read could keep
        // it from ever getting there: close the socket anyway after a grace period, without making
        // the caller (often this connection's reader) wait for it.
        Thread w = writer;
        Thread.ofVirtual().name("nt8-close-" + id).start(() -> {
            try {
                if (w != null) {
                    w.join(CLOSE_GRACE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeSocket();
            }
        });
    }

    /** Closes without a message (peer gone). */
    void closeQuietly(String reason) {
        if (shutdown(reason)) {
            outbound.clear();
            outbound.offer(POISON);
            closeSocket();
        }
    }

    private boolean shutdown(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        closeReason = reason;
        for (CompletableFuture<ObjectNode> p : pending.values()) {
            p.completeExceptionally(new IOException("connection " + id + " closed: " + reason));
        }
        pending.clear();
        bridge.onClosed(this);
        return true;
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Waits for both threads to end (after close). */
    void join(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        for (Thread t : new Thread[] {reader, writer}) {
            if (t != null) {
                long left = until - System.nanoTime();
                if (left > 0) {
                    t.join(Duration.ofNanos(left));
                }
            }
        }
    }

    private void readLoop() {
        try {
            long tick = Math.max(10, Math.min(settings.heartbeatInterval().toMillis(), 1000));
            socket.setSoTimeout((int) tick);
            InputStream in = socket.getInputStream();
            LineReader lines = new LineReader(in, settings.maxLineBytes());
            while (!closed.get()) {
                byte[] line;
                try {
                    line = lines.readLine();
                } catch (SocketTimeoutException e) {
                    onTick();
                    continue;
                } catch (LineTooLongException e) {
                    lastHeardNanos = System.nanoTime();
                    sendError(ErrorCode.LINE_TOO_LONG, e.getMessage(), null);
                    continue;
                }
                if (line == null) {
                    closeQuietly("the strategy closed the connection");
                    return;
                }
                lastHeardNanos = System.nanoTime();
                bridge.countIn();
                if (line.length == 0) {
                    continue; // blank lines are allowed as keep-alives
                }
                handle(line);
                onTick();
            }
        } catch (IOException e) {
            closeQuietly("read failed: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("nt8 connection {}: handler failed", id, e);
            closeQuietly("internal error: " + e);
        }
    }

    private void handle(byte[] line) {
        ObjectNode message;
        try {
            message = Protocol.parse(line);
        } catch (ProtocolException e) {
            sendError(e.code(), e.getMessage(), null);
            return;
        }
        try {
            bridge.handle(this, message);
        } catch (ProtocolException e) {
            sendError(e.code(), e.getMessage(), e.requestId() != null ? e.requestId() : Protocol.id(message));
        }
    }

    private void onTick() {
        long now = System.nanoTime();
        if (now - lastHeardNanos > settings.idleTimeout().toNanos()) {
            close(ErrorCode.IDLE, "nothing heard for more than " + settings.idleTimeout().toMillis() + " ms");
            return;
        }
        if (now - lastSentNanos >= settings.heartbeatInterval().toNanos()) {
            ObjectNode hb = Protocol.message(MessageType.HEARTBEAT);
            hb.put("time", java.time.Instant.now().toString());
            send(hb);
            lastSentNanos = now;
        }
    }

    private void writeLoop() {
        try {
            OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            while (true) {
                byte[] line = outbound.take();
                if (line == POISON) {
                    out.flush();
                    return;
                }
                out.write(line);
                lastSentNanos = System.nanoTime();
                if (outbound.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            closeQuietly("write failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (closed.get()) {
                closeSocket();
            }
        }
    }
}
