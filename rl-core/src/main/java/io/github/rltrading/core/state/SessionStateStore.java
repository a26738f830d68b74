package io.github.rltrading.core.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.rltrading.core.SessionHook;
import io.github.rltrading.core.TradingSession;
import io.github.rltrading.core.decision.Decision;
import io.github.rltrading.core.spi.RiskGate;
import io.github.rltrading.core.trading.Order;
import io.github.rltrading.core.trading.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a live session's state to one JSON file every few seconds (atomically: a crash leaves the
 * old file or the new one, never half of one) and restores it when the next process starts:
 *
 * <pre>{@code
 * SessionStateStore store = SessionStateStore.builder(Path.of("runs/live/state.json")).build();
 * Optional<SessionStateStore.Snapshot> saved = store.load();
 * TradingSession.Builder b = TradingSession.fromConfig(config, plugins).hook(store);
 * saved.ifPresent(s -> b.startingCash(s.equity()));     // the account goes on where it stopped
 * b.build().run();                                        // gates restored at start, saved as it runs
 * }</pre>
 *
 * <p>As a {@link SessionHook} it restores the risk gates' state once the session has started, then
 * saves on the loop thread (where the gates may be read) after a poll when the interval has passed,
 * and once more at the end. The open instructions it saved are compared, on start, with the
 * broker's open orders: any the broker no longer works are reported (they ended while the process
 * was down).
 */
public final class SessionStateStore implements SessionHook {

    private static final Logger LOG = LoggerFactory.getLogger(SessionStateStore.class);
    /** The file format's version; a file of another version is refused with a message. */
    public static final int VERSION = 1;

    /** What is saved. */
    public record Snapshot(int version, Instant savedAt, String sessionId, String symbol, double equity, double position,
                           Map<String, Map<String, Object>> riskGates, LastDecision lastDecision,
                           List<Instruction> openInstructions) {
        public Snapshot {
            riskGates = riskGates == null ? Map.of() : Map.copyOf(riskGates);
            openInstructions = openInstructions == null ? List.of() : List.copyOf(openInstructions);
        }
    }

    /** The last decision: on which bar, the target (a fraction of the maximum position), and why. */
    public record LastDecision(Instant barEnd, double targetPosition, double confidence, String source, String rationale) {}

    /** An order working at the broker when the state was saved. */
    public record Instruction(String clientOrderId, String side, double quantity, String type, double limitPrice,
                              double stopPrice, String state, double filledQuantity) {}

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final Duration interval;
    private final Clock clock;
    private Snapshot restoreFrom;
    private boolean restoreLoaded;
    private long lastSaveNanos = System.nanoTime();
    private long saves;
    private final List<String> restoreReport = new ArrayList<>();

    private SessionStateStore(Builder b) {
        this.file = b.file;
        this.interval = b.interval;
        this.clock = b.clock;
    }

    public static Builder builder(Path file) {
        return new Builder(file);
    }

    public Path file() {
        return file;
    }

    /** Times the state was written by this store. */
    public synchronized long saves() {
        return saves;
    }

    /** What the last restore did, line by line (gates restored, instructions that ended while down). */
    public synchronized List<String> restoreReport() {
        return List.copyOf(restoreReport);
    }

    /**
     * The saved state, or empty when there is no file yet. Remembers it for {@link #started}.
     *
     * @throws IllegalStateException when the file is unreadable or of another version, naming the
     *                               file and what to do
     */
    public synchronized Optional<Snapshot> load() {
        restoreLoaded = true;
        if (!Files.exists(file)) {
            restoreFrom = null;
            return Optional.empty();
        }
        Snapshot s;
        try {
            s = JSON.readValue(file.toFile(), Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("session state " + file + " is not valid (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + "); fix it, or move it away to start without the saved state", e);
        } catch (IOException e) {
            throw new UncheckedIOException("session state " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (s.version() != VERSION) {
            throw new IllegalStateException("session state " + file + " has version " + s.version() + ", this SDK reads "
                    + VERSION + "; move it away to start without the saved state");
        }
        restoreFrom = s;
        return Optional.of(s);
    }

    /** Builds the snapshot of a session now. Call on its loop thread (or after it ended). */
    public Snapshot capture(TradingSession session) {
        String symbol = session.history().symbol();
        Position p = session.portfolio().position(symbol);
        Map<String, Map<String, Object>> gates = new LinkedHashMap<>();
        for (RiskGate g : session.riskGates()) {
            Map<String, Object> state = g.saveState();
            if (state != null && !state.isEmpty()) {
                gates.put(g.name(), state);
            }
        }
        LastDecision last = session.lastDecision().map(d -> lastDecision(d, session.lastDecisionBar())).orElse(null);
        List<Instruction> open = new ArrayList<>();
        for (Order o : session.broker().openOrders()) {
            var r = o.request();
            open.add(new Instruction(o.clientOrderId(), r.side().name(), r.quantity(), r.type().name(), r.limitPrice(),
                    r.stopPrice(), o.state().name(), o.filledQuantity()));
        }
        return new Snapshot(VERSION, clock.instant(), session.sessionId(), symbol, session.portfolio().equity(),
                p == null ? 0.0 : p.quantity(), gates, last, open);
    }

    private static LastDecision lastDecision(Decision d, Instant bar) {
        return new LastDecision(bar, d.targetPosition(), d.confidence(), d.source(), d.rationale());
    }

    /** Writes the session's state now, atomically. */
    public void save(TradingSession session) {
        write(capture(session));
    }

    /** Writes a snapshot atomically (temporary file, fsync, rename). */
    public synchronized void write(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(snapshot);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            saves++;
            lastSaveNanos = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException("session state " + file + " cannot be written: " + e.getMessage()
                    + " (check the directory's permissions and free space)", e);
        }
    }

    /** Restores the gates' state saved by the last process (loading the file if {@link #load} was not called). */
    @Override
    public synchronized void started(TradingSession session) {
        if (!restoreLoaded) {
            load();
        }
        restoreReport.clear();
        Snapshot s = restoreFrom;
        if (s == null) {
            restoreReport.add("no saved state at " + file + "; starting fresh");
        } else {
            if (!s.symbol().equalsIgnoreCase(session.history().symbol())) {
                restoreReport.add("saved state is for " + s.symbol() + ", this session trades " + session.history().symbol()
                        + "; not restored");
            } else {
                for (RiskGate g : session.riskGates()) {
                    Map<String, Object> state = s.riskGates().get(g.name());
                    if (state != null) {
                        g.restoreState(state);
                        restoreReport.add("risk gate " + g.name() + " restored: " + state);
                    }
                }
                if (s.lastDecision() != null) {
                    restoreReport.add("last decision before the restart: target " + s.lastDecision().targetPosition() + " on the bar"
                            + " ending " + s.lastDecision().barEnd() + " by " + s.lastDecision().source());
                }
                List<String> working = session.broker().openOrders().stream().map(Order::clientOrderId).toList();
                for (Instruction i : s.openInstructions()) {
                    if (!working.contains(i.clientOrderId())) {
                        restoreReport.add("instruction " + i.clientOrderId() + " (" + i.side() + " " + i.quantity() + " " + i.type()
                                + ") was working when the state was saved and is not working now: it ended while the process was down");
                    }
                }
            }
        }
        for (String line : restoreReport) {
            LOG.info("session state: {}", line);
        }
        lastSaveNanos = System.nanoTime();
    }

    @Override
    public void afterPoll(TradingSession session) {
        boolean due;
        synchronized (this) {
            due = System.nanoTime() - lastSaveNanos >= interval.toNanos();
        }
        if (due) {
            save(session);
        }
    }

    @Override
    public void finishing(TradingSession session) {
        save(session);
    }

    /** Builder: the file, and how often to save (default 5 s). */
    public static final class Builder {
        private final Path file;
        private Duration interval = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        /** How often to save while running; default 5 s. */
        public Builder interval(Duration value) {
            Objects.requireNonNull(value, "interval");
            if (value.isNegative()) {
                throw new IllegalArgumentException("state.interval must not be negative, got " + value);
            }
            this.interval = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public SessionStateStore build() {
            return new SessionStateStore(this);
        }
    }
}
