package io.github.rltrading.learning.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rltrading.learning.store.LearningDatabase;
import io.github.rltrading.learning.store.LearningStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned models with a production pointer per instrument.
 *
 * <p>Registering copies the model folder (it must hold a {@code model.json}, as every saved agent
 * does) into {@code root/<version>} under a temporary name and renames it, then indexes it; a crash
 * in between leaves at worst an unindexed folder, which {@link #open} removes. Versions are never
 * changed after.
 *
 * <p>Promotion and rollback change the pointer and append the audit entry in one transaction, so a
 * reader sees either the old production model with its history or the new one with its entry.
 * Listeners ({@link #onProductionChange}) hear of changes made through this object; another process
 * (the CLI promoting while a session runs) is seen by {@link ProductionPolicy}'s polling.
 */
public final class ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String VERSION_COLUMNS = "name, number, instrument, registered_ms, algorithm, hyperparameters, "
            + "data_range, feature_set_hash, metrics_json, parent, note";

    private final LearningDatabase db;
    private final Path root;
    private final Clock clock;
    private final List<Consumer<ModelVersion>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong changes = new AtomicLong();

    private ModelRegistry(LearningDatabase db, Path root, Clock clock) {
        this.db = db;
        this.root = root;
        this.clock = clock;
    }

    public static ModelRegistry open(LearningDatabase db, Path root) {
        return open(db, root, Clock.systemUTC());
    }

    /** The registry indexed in {@code db} with its model folders under {@code root}. */
    public static ModelRegistry open(LearningDatabase db, Path root, Clock clock) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(clock, "clock");
        db.migrate("registry", new String[] {
            "CREATE TABLE model_version (name VARCHAR(64) PRIMARY KEY, number INTEGER NOT NULL UNIQUE, instrument VARCHAR(64) NOT NULL, "
                    + "registered_ms BIGINT NOT NULL, algorithm VARCHAR(32) NOT NULL, hyperparameters TEXT NOT NULL, "
                    + "data_range TEXT NOT NULL, feature_set_hash VARCHAR(128) NOT NULL, metrics_json TEXT NOT NULL, "
                    + "parent VARCHAR(64) NOT NULL, note TEXT NOT NULL)",
            "CREATE TABLE model_production (instrument VARCHAR(64) PRIMARY KEY, version VARCHAR(64) NOT NULL "
                    + "REFERENCES model_version (name), since_ms BIGINT NOT NULL)",
            "CREATE TABLE model_audit (id INTEGER PRIMARY KEY, time_ms BIGINT NOT NULL, action VARCHAR(16) NOT NULL, "
                    + "instrument VARCHAR(64) NOT NULL, version VARCHAR(64) NOT NULL, previous VARCHAR(64) NOT NULL, "
                    + "actor VARCHAR(128) NOT NULL, reason TEXT NOT NULL)"
        }, new String[] {
            "CREATE TABLE model_candidate (instrument VARCHAR(64) PRIMARY KEY, version VARCHAR(64) NOT NULL "
                    + "REFERENCES model_version (name), since_ms BIGINT NOT NULL, shadow_bars INTEGER NOT NULL)"
        });
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the model registry folder " + root + ": " + e.getMessage(), e);
        }
        ModelRegistry registry = new ModelRegistry(db, root, clock);
        registry.removeUnindexedFolders();
        return registry;
    }

    public Path root() {
        return root;
    }

    /**
     * Copies the saved model in {@code modelDir} into the registry as a new version for
     * {@code instrument}. The algorithm, hyperparameters, data range, feature-set hash and metrics
     * come from its {@code model.json}; {@code registration} adds the parent, more metrics and a note.
     */
    public ModelVersion register(String instrument, Path modelDir, Registration registration) {
        requireInstrument(instrument);
        Objects.requireNonNull(registration, "registration");
        JsonNode manifest = readManifest(modelDir);
        if (!registration.parent().isEmpty()) {
            get(registration.parent());
        }
        Map<String, Double> metrics = new TreeMap<>();
        manifest.path("metrics").properties().forEach(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        metrics.putAll(registration.metrics());
        Instant now = clock.instant();
        return db.transaction(c -> {
            int number = 1;
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(number) FROM model_version"); ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    number = rs.getInt(1) + 1;
                }
            }
            String name = "v" + number + "_" + STAMP.format(now);
            Path target = root.resolve(name);
            copyIn(modelDir, target);
            ModelVersion v = new ModelVersion(name, number, instrument, now, manifest.path("algorithm").asText(""),
                    manifest.path("config").toString(), manifest.path("trainingRange").asText(""),
                    manifest.path("featureSet").path("hash").asText(""), metrics, registration.parent(), registration.note(), target);
            try {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO model_version (" + VERSION_COLUMNS
                        + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                    ps.setString(1, v.name());
                    ps.setInt(2, v.number());
                    ps.setString(3, v.instrument());
                    ps.setLong(4, now.toEpochMilli());
                    ps.setString(5, v.algorithm());
                    ps.setString(6, v.hyperparameters());
                    ps.setString(7, v.dataRange());
                    ps.setString(8, v.featureSetHash());
                    ps.setString(9, JSON.writeValueAsString(new TreeMap<>(v.metrics())));
                    ps.setString(10, v.parent());
                    ps.setString(11, v.note());
                    ps.executeUpdate();
                }
                audit(c, now, AuditEntry.Action.REGISTER, instrument, name, "", "registry", registration.note());
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                deleteQuietly(target);
                if (e instanceof SQLException se) {
                    throw se;
                }
                throw new LearningStoreException("cannot index model " + name + ": " + e.getMessage(), e);
            }
            LOG.info("Registered model {} for {} ({}, parent {})", name, instrument, v.algorithm(),
                    v.parent().isEmpty() ? "none" : v.parent());
            return v;
        });
    }

    /** The version named {@code name}, if registered. */
    public Optional<ModelVersion> find(String name) {
        List<ModelVersion> found = versions("SELECT " + VERSION_COLUMNS + " FROM model_version WHERE name = ?", name);
        return found.stream().findFirst();
    }

    /** The version named {@code name}; an unknown name is refused with the known ones listed. */
    public ModelVersion get(String name) {
        return find(name).orElseThrow(() -> {
            List<String> known = versions("SELECT " + VERSION_COLUMNS + " FROM model_version ORDER BY number DESC LIMIT 10", null)
                    .stream().map(ModelVersion::name).toList();
            return new IllegalArgumentException("no model version '" + name + "' in the registry at " + root
                    + (known.isEmpty() ? "; it holds no models yet" : "; the newest are " + known));
        });
    }

    /** An instrument's versions, newest first. */
    public List<ModelVersion> versions(String instrument) {
        return versions("SELECT " + VERSION_COLUMNS + " FROM model_version WHERE instrument = ? ORDER BY number DESC", instrument);
    }

    /** Every version, newest first. */
    public List<ModelVersion> versions() {
        return versions("SELECT " + VERSION_COLUMNS + " FROM model_version ORDER BY number DESC", null);
    }

    /** The instrument's production version, if one was promoted. */
    public Optional<ModelVersion> production(String instrument) {
        return versions("SELECT " + prefixed() + " FROM model_version v JOIN model_production p ON p.version = v.name "
                + "WHERE p.instrument = ?", instrument).stream().findFirst();
    }

    /**
     * Makes {@code version} the instrument's production model, atomically, with an audit entry.
     * Listeners hear of it after the commit.
     */
    public ModelVersion promote(String instrument, String version, String actor, String reason) {
        return movePointer(AuditEntry.Action.PROMOTE, instrument, version, actor, reason);
    }

    /** Sets production back to {@code version}, any earlier registered version, with an audit entry. */
    public ModelVersion rollbackTo(String instrument, String version, String actor, String reason) {
        return movePointer(AuditEntry.Action.ROLLBACK, instrument, version, actor, reason);
    }

    /**
     * Sets production back to the version that was in production before the current one was
     * promoted. Repeated calls walk further back through the promotions.
     */
    public ModelVersion rollback(String instrument, String actor, String reason) {
        ModelVersion current = production(instrument).orElseThrow(() -> new IllegalStateException(
                "no production model for " + instrument + " to roll back from; promote one first"));
        String previous = db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT previous FROM model_audit WHERE instrument = ? AND version = ? "
                    + "AND action = 'PROMOTE' ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, instrument);
                ps.setString(2, current.name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "";
                }
            }
        });
        if (previous.isEmpty()) {
            throw new IllegalStateException("production model " + current.name() + " for " + instrument
                    + " was the first promoted, there is nothing earlier to roll back to; name a version with rollbackTo");
        }
        return rollbackTo(instrument, previous, actor, reason);
    }

    private ModelVersion movePointer(AuditEntry.Action action, String instrument, String version, String actor, String reason) {
        requireInstrument(instrument);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        ModelVersion target = get(version);
        Instant now = clock.instant();
        String previous = db.transaction(c -> {
            String before = "";
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM model_production WHERE instrument = ?")) {
                ps.setString(1, instrument);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        before = rs.getString(1);
                    }
                }
            }
            if (before.equals(version)) {
                throw new IllegalStateException(version + " is already the production model for " + instrument);
            }
            try (PreparedStatement ps = c.prepareStatement(before.isEmpty()
                    ? "INSERT INTO model_production (version, since_ms, instrument) VALUES (?, ?, ?)"
                    : "UPDATE model_production SET version = ?, since_ms = ? WHERE instrument = ?")) {
                ps.setString(1, version);
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, instrument);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM model_candidate WHERE instrument = ? AND version = ?")) {
                ps.setString(1, instrument);
                ps.setString(2, version);
                ps.executeUpdate();
            }
            audit(c, now, action, instrument, version, before, actor, reason);
            return before;
        });
        changes.incrementAndGet();
        LOG.info("{} {}: production model {} -> {} by {} ({})", action, instrument, previous.isEmpty() ? "none" : previous, version,
                actor, reason);
        for (Consumer<ModelVersion> l : listeners) {
            try {
                l.accept(target);
            } catch (RuntimeException e) {
                LOG.warn("A production-change listener failed for {}: {}", version, e.toString());
            }
        }
        return target;
    }

    /**
     * A challenger waiting to be promoted: it runs in shadow beside production for
     * {@code shadowBars} live bars first ({@link ProductionPolicy} does this).
     *
     * @param version    the candidate
     * @param since      when it was nominated
     * @param shadowBars bars it must shadow production for
     */
    public record Candidate(ModelVersion version, Instant since, int shadowBars) {}

    /**
     * Makes {@code version} the instrument's candidate (replacing any other), to shadow production
     * for {@code shadowBars} bars before it is promoted or rejected.
     */
    public void nominate(String instrument, String version, int shadowBars, String actor, String reason) {
        requireInstrument(instrument);
        if (shadowBars < 1) {
            throw new IllegalArgumentException("shadowBars must be at least 1, got " + shadowBars);
        }
        get(version);
        Instant now = clock.instant();
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM model_candidate WHERE instrument = ?")) {
                ps.setString(1, instrument);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO model_candidate (instrument, version, since_ms, shadow_bars) "
                    + "VALUES (?, ?, ?, ?)")) {
                ps.setString(1, instrument);
                ps.setString(2, version);
                ps.setLong(3, now.toEpochMilli());
                ps.setInt(4, shadowBars);
                ps.executeUpdate();
            }
            audit(c, now, AuditEntry.Action.CANDIDATE, instrument, version, production(instrument).map(ModelVersion::name).orElse(""),
                    actor, reason);
            return null;
        });
        LOG.info("Candidate for {}: {} shadows production for {} bars ({})", instrument, version, shadowBars, reason);
    }

    /** The instrument's candidate, if one is waiting. */
    public Optional<Candidate> candidate(String instrument) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT version, since_ms, shadow_bars FROM model_candidate WHERE instrument = ?")) {
                ps.setString(1, instrument);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Candidate>empty();
                    }
                    String name = rs.getString(1);
                    long since = rs.getLong(2);
                    int bars = rs.getInt(3);
                    return Optional.of(new Candidate(get(name), Instant.ofEpochMilli(since), bars));
                }
            }
        });
    }

    /** Withdraws the instrument's candidate without promoting it, with an audit entry. */
    public void rejectCandidate(String instrument, String actor, String reason) {
        Candidate candidate = candidate(instrument).orElseThrow(() -> new IllegalStateException(
                "no candidate model for " + instrument + " to reject"));
        Instant now = clock.instant();
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM model_candidate WHERE instrument = ?")) {
                ps.setString(1, instrument);
                ps.executeUpdate();
            }
            audit(c, now, AuditEntry.Action.REJECT, instrument, candidate.version().name(),
                    production(instrument).map(ModelVersion::name).orElse(""), actor, reason);
            return null;
        });
        LOG.info("Candidate {} for {} rejected by {}: {}", candidate.version().name(), instrument, actor, reason);
    }

    /** Called with the new production version after each promotion or rollback made through this object. */
    public void onProductionChange(Consumer<ModelVersion> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Counts pointer changes made through this object: a cheap way to notice one. */
    public long changeCount() {
        return changes.get();
    }

    /** The audit log of an instrument, oldest first; "" for every instrument. */
    public List<AuditEntry> audit(String instrument) {
        return db.transaction(c -> {
            List<AuditEntry> out = new ArrayList<>();
            String where = instrument.isEmpty() ? "" : " WHERE instrument = ?";
            try (PreparedStatement ps = c.prepareStatement("SELECT id, time_ms, action, instrument, version, previous, actor, reason "
                    + "FROM model_audit" + where + " ORDER BY id")) {
                if (!instrument.isEmpty()) {
                    ps.setString(1, instrument);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                                AuditEntry.Action.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }

    private static void audit(Connection c, Instant now, AuditEntry.Action action, String instrument, String version, String previous,
            String actor, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO model_audit (time_ms, action, instrument, version, previous, actor, "
                + "reason) VALUES (?,?,?,?,?,?,?)")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, action.name());
            ps.setString(3, instrument);
            ps.setString(4, version);
            ps.setString(5, previous);
            ps.setString(6, actor);
            ps.setString(7, reason);
            ps.executeUpdate();
        }
    }

    private static String prefixed() {
        StringBuilder sb = new StringBuilder();
        for (String col : VERSION_COLUMNS.split(", ")) {
            sb.append(sb.isEmpty() ? "" : ", ").append("v.").append(col);
        }
        return sb.toString();
    }

    private List<ModelVersion> versions(String sql, String arg) {
        return db.transaction(c -> {
            List<ModelVersion> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (arg != null) {
                    ps.setString(1, arg);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    private ModelVersion read(ResultSet rs) throws SQLException {
        Map<String, Double> metrics;
        try {
            metrics = JSON.readValue(rs.getString(9), new TypeReference<LinkedHashMap<String, Double>>() {});
        } catch (JsonProcessingException e) {
            throw new LearningStoreException("metrics of model " + rs.getString(1) + " are not valid JSON", e);
        }
        String name = rs.getString(1);
        return new ModelVersion(name, rs.getInt(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), metrics, rs.getString(10), rs.getString(11), root.resolve(name));
    }

    private static void requireInstrument(String instrument) {
        Objects.requireNonNull(instrument, "instrument");
        if (instrument.isBlank()) {
            throw new IllegalArgumentException("instrument must not be blank; give the symbol, e.g. ES");
        }
    }

    private static JsonNode readManifest(Path modelDir) {
        Path json = modelDir.resolve("model.json");
        if (!Files.isRegularFile(json)) {
            throw new IllegalArgumentException("cannot register " + modelDir + ": it has no model.json; give the folder a model "
                    + "was saved to (agent.save(dir, info))");
        }
        try {
            return JSON.readTree(json.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot register " + modelDir + ": its model.json is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static void copyIn(Path source, Path target) {
        if (Files.exists(target)) {
            throw new LearningStoreException("model folder " + target + " already exists but is not indexed; remove it");
        }
        Path staging = target.resolveSibling(target.getFileName() + ".staging");
        try {
            deleteQuietly(staging);
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(staging.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, staging.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    return FileVisitResult.CONTINUE;
                }
            });
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new UncheckedIOException("cannot copy model " + source + " into the registry at " + target + ": " + e.getMessage(), e);
        }
    }

    /** Folders left by a crash between copying a model in and indexing it. */
    private void removeUnindexedFolders() {
        List<String> known = versions().stream().map(ModelVersion::name).toList();
        try (var entries = Files.list(root)) {
            for (Iterator<Path> it = entries.iterator(); it.hasNext(); ) {
                Path p = it.next();
                String name = p.getFileName().toString();
                if (Files.isDirectory(p) && name.matches("v\\d+_\\d{8}_\\d{6}(\\.staging)?") && !known.contains(name)) {
                    LOG.warn("Removing {}: a model folder that was never indexed (a crash while registering)", p);
                    deleteQuietly(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the model registry folder " + root + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException ignored) {
                    // best effort: what is left is reported by the next open
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
