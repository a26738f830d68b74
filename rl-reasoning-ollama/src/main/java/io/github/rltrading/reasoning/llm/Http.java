package io.github.rltrading.reasoning.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * HTTP helpers for the chat clients: sending with failures named, and reading a body line by line
 * with a byte cap and a deadline, so a runaway reply (a 10 MB
 * answer, a server that never stops streaming) fails fast instead of filling memory or time.
 */
final class Http {

    private Http() {}

    /**
     * Feeds each line to {@code onLine} until it returns false or the body ends.
     *
     * @throws LlmException when more than {@code maxBytes} arrive or the deadline passes
     */
    static void lines(InputStream in, long maxBytes, long deadlineNanos, String what, Predicate<String> onLine) {
        byte[] buf = new byte[8192];
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(256);
        long total = 0;
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw new LlmException(what + ": the reply is larger than " + maxBytes + " bytes; stopped reading "
                            + "(cap the output with num_predict / max_tokens, or raise max-reply-bytes)");
                }
                if (System.nanoTime() > deadlineNanos) {
                    throw new LlmException(what + ": the reply did not finish before the deadline");
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        if (!onLine.test(line.toString(StandardCharsets.UTF_8))) {
                            return;
                        }
                        line.reset();
                    } else {
                        line.write(buf[i]);
                    }
                }
            }
            if (line.size() > 0) {
                onLine.test(line.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new LlmException(what + ": the connection failed while reading the reply (" + e + ")", e);
        } catch (UncheckedIOException e) {
            throw new LlmException(what + ": the connection failed while reading the reply (" + e.getCause() + ")", e);
        }
    }

    /**
     * Sends {@code request}, turning the failures of a blocking HTTP call into {@link LlmException}s
     * that name the endpoint; {@code unreachableHint} is appended when the server cannot be reached.
     */
    static java.net.http.HttpResponse<InputStream> send(java.net.http.HttpClient http, java.net.http.HttpRequest request,
                                                        String what, String unreachableHint) {
        try {
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new LlmException(what + ": no answer within " + request.timeout().orElse(null)
                    + " (a CPU-only model or a long answer; see docs/reasoning.md on latency)", e);
        } catch (IOException e) {
            throw new LlmException(what + ": cannot reach the server (" + e + ")" + unreachableHint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(what + ": interrupted", e);
        }
    }

    /** The whole body as text, capped. */
    static String text(InputStream in, long maxBytes, long deadlineNanos, String what) {
        StringBuilder sb = new StringBuilder();
        lines(in, maxBytes, deadlineNanos, what, l -> {
            sb.append(l).append('\n');
            return true;
        });
        return sb.toString();
    }
}
