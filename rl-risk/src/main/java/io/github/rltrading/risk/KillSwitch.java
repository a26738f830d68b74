package io.github.rltrading.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global kill switch: once engaged, nothing that adds risk leaves a risk chain that holds the
 * {@code kill-switch} gate for this file, until someone resets it explicitly. Its state lives in a
 * small JSON file written atomically (a temporary file, fsync, rename), so a restart finds it still
 * on. A state file that cannot be read counts as engaged (fail closed).
 *
 * <pre>{@code
 * KillSwitch kill = KillSwitch.at(Path.of("runs/kill-switch.json"));
 * kill.engage("ops", "broker reports unknown positions");
 * ...
 * kill.reset("ops", "positions reconciled");
 * }</pre>
 *
 * One instance per file in a JVM ({@link #at}), so the host's API and every gate configured with
 * that file see the same switch. Thread-safe.
 */
public final class KillSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(KillSwitch.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, KillSwitch> INSTANCES = new ConcurrentHashMap<>();

    /**
     * The switch's state.
     *
     * @param engaged whether new risk is blocked
     * @param since   when it last changed
     * @param by      who changed it
     * @param reason  why
     */
    public record State(boolean engaged, Instant since, String by, String reason) {}

    private final Path file;
    private final Clock clock;
    private volatile State state;

    private KillSwitch(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.state = load(file, clock);
        if (state.engaged()) {
            LOG.warn("kill switch {} is ENGAGED since {} by {}: {}", file, state.since(), state.by(), state.reason());
        }
    }

    /** The switch stored in {@code file}, shared by everyone in this JVM who names the same file. */
    public static KillSwitch at(Path file) {
        Path key = file.toAbsolutePath().normalize();
        return INSTANCES.computeIfAbsent(key, k -> new KillSwitch(k, Clock.systemUTC()));
    }

    /**
     * A switch for tests and tools that need their own clock, or a fresh read of the file as after a
     * restart; it is not shared through {@link #at}.
     */
    public static KillSwitch open(Path file, Clock clock) {
        return new KillSwitch(file.toAbsolutePath().normalize(), clock);
    }

    private static State load(Path file, Clock clock) {
        if (!Files.exists(file)) {
            return new State(false, clock.instant(), "", "");
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.has("engaged") || !n.get("engaged").isBoolean()) {
                throw new IOException("no boolean field \"engaged\"");
            }
            return new State(n.get("engaged").booleanValue(),
                    n.hasNonNull("since") ? Instant.parse(n.get("since").asText()) : clock.instant(),
                    n.path("by").asText(""), n.path("reason").asText(""));
        } catch (IOException | RuntimeException e) {
            String why = "kill switch state file " + file + " is unreadable (" + e.getMessage()
                    + "); treated as engaged until it is reset";
            LOG.error(why);
            return new State(true, clock.instant(), "kill-switch", why);
        }
    }

    public Path file() {
        return file;
    }

    public State state() {
        return state;
    }

    public boolean isEngaged() {
        return state.engaged();
    }

    /** Engages the switch and persists it before returning. */
    public synchronized void engage(String by, String reason) {
        change(new State(true, clock.instant(), Objects.requireNonNull(by, "by"), Objects.requireNonNull(reason, "reason")));
        LOG.warn("kill switch {} ENGAGED by {}: {}", file, by, reason);
    }

    /** Releases the switch (the only way to); persisted before returning. */
    public synchronized void reset(String by, String reason) {
        change(new State(false, clock.instant(), Objects.requireNonNull(by, "by"), Objects.requireNonNull(reason, "reason")));
        LOG.warn("kill switch {} reset by {}: {}", file, by, reason);
    }

    private void change(State next) {
        ObjectNode n = JSON.createObjectNode()
                .put("engaged", next.engaged())
                .put("since", next.since().toString())
                .put("by", next.by())
                .put("reason", next.reason());
        try {
            Path dir = file.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n)));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (next.engaged()) {
                // Engaging must work even when the disk does not: block in memory, report the failure.
                state = next;
            }
            throw new UncheckedIOException("kill switch " + file + ": could not persist the state "
                    + (next.engaged() ? "(engaged in memory only; it will not survive a restart)" : "(it stays engaged)"), e);
        }
        state = next;
    }
}
