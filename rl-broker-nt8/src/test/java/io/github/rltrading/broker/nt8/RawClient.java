package io.github.rltrading.broker.nt8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rltrading.broker.nt8.protocol.LineReader;
import io.github.rltrading.broker.nt8.protocol.Protocol;
import io.github.rltrading.broker.nt8.protocol.ProtocolException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A bare protocol client for robustness tests: writes whatever it is told, reads lines with a timeout. */
final class RawClient implements AutoCloseable {

    final Socket socket;
    private final OutputStream out;
    private final LineReader in;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new LineReader(socket.getInputStream(), 64 << 20);
    }

    RawClient line(String json) throws IOException {
        return bytes((json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    RawClient bytes(byte[] b) throws IOException {
        out.write(b);
        out.flush();
        return this;
    }

    RawClient hello(String instrument) throws IOException {
        return line("{\"type\":\"hello\",\"v\":1,\"id\":\"h\",\"instrument\":\"" + instrument + "\"}");
    }

    /** The next message that is not a server heartbeat without id, or null after {@code timeout} / at the end. */
    ObjectNode next(Duration timeout) throws IOException {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            byte[] line;
            try {
                line = in.readLine();
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (line == null) {
                return null;
            }
            ObjectNode m;
            try {
                m = Protocol.parse(line);
            } catch (ProtocolException e) {
                throw new IOException("server sent a line that is not JSON: " + new String(line, StandardCharsets.UTF_8), e);
            }
            if ("heartbeat".equals(Protocol.text(m, "type", "")) && Protocol.id(m) == null) {
                continue;
            }
            return m;
        }
    }

    /** Sends a ping and waits for its echo: the server is alive and has handled everything before it. */
    boolean ping(String id) throws IOException {
        line("{\"type\":\"heartbeat\",\"v\":1,\"id\":\"" + id + "\"}");
        ObjectNode m = next(Duration.ofSeconds(5));
        while (m != null && !("heartbeat".equals(Protocol.text(m, "type", "")) && id.equals(Protocol.id(m)))) {
            m = next(Duration.ofSeconds(5));
        }
        return m != null;
    }

    /** Whether the server closed the connection (reads until the end, skipping messages). */
    boolean closedByServer(Duration timeout) throws IOException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            socket.setSoTimeout(100);
            try {
                if (in.readLine() == null) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // keep waiting
            } catch (IOException e) {
                return true; // reset
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
