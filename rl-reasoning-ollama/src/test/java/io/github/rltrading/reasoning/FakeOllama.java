package io.github.rltrading.reasoning;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A local HTTP server inside the tests that speaks Ollama's API ({@code /api/chat} streamed as
 * NDJSON, {@code /api/tags}) and OpenAI's ({@code /v1/chat/completions}), with a behaviour each test
 * sets: normal, slow, errors, broken streams, huge replies.
 */
final class FakeOllama implements AutoCloseable {

    /** What the server does with one exchange. */
    @FunctionalInterface
    interface Behaviour {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private volatile Behaviour chat = ex -> send(ex, 500, "{\"error\":\"no behaviour set\"}");
    private volatile Behaviour tags = ex -> send(ex, 200, "{\"models\":[{\"name\":\"deepseek-r1:8b\",\"model\":\"deepseek-r1:8b\"}]}");
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    FakeOllama() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/chat", ex -> run(chat, ex));
        server.createContext("/v1/chat/completions", ex -> run(chat, ex));
        server.createContext("/api/tags", ex -> run(tags, ex));
        server.start();
    }

    private void run(Behaviour b, HttpExchange ex) throws IOException {
        requests.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            b.handle(ex);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (a timeout in the test): nothing to do
        } finally {
            ex.close();
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeOllama onChat(Behaviour b) {
        this.chat = b;
        return this;
    }

    FakeOllama onTags(Behaviour b) {
        this.tags = b;
        return this;
    }

    /** Sends a whole body with a status. */
    static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Streams NDJSON lines (chunked), pausing {@code pauseMillis} between them. */
    static void stream(HttpExchange ex, List<String> lines, long pauseMillis) throws IOException, InterruptedException {
        ex.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        }
    }

    /** A fixture from {@code src/test/resources/ollama/}. */
    static List<String> fixture(String name) throws IOException {
        try (var in = FakeOllama.class.getResourceAsStream("/ollama/" + name)) {
            if (in == null) {
                throw new IOException("missing test fixture /ollama/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
