package io.github.rltrading.learning.experience;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rltrading.core.trading.Side;
import io.github.rltrading.learning.store.LearningDatabase;
import io.github.rltrading.learning.store.LearningStoreException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Experiences in the learning database, one table partitioned by a column (see
 * {@link Partitioning}).
 *
 * <p>Durability: {@link #append} returns once the row is committed to disk (the database runs WAL
 * with {@code synchronous=FULL}); a process killed while appending loses at most the experience in
 * flight, and SQLite's journal guarantees the file is never left half-written. {@code
 * ExperienceStoreCrashTest} kills a writing JVM with SIGKILL and checks exactly that.
 *
 * <p>States are stored compactly: float32 little-endian, 4 bytes a value (a 200-float observation
 * is 800 bytes). Retention ({@link RetentionPolicy}) runs every {@value #RETENTION_EVERY} appends to
 * a partition and on {@link #applyRetention()}.
 */
public final class ExperienceStore {

    static final int RETENTION_EVERY = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, partition_key, instrument, model_version, time_ms, state, action, reward, "
            + "next_state, done, market_json, policy_confidence, reasoner_confidence, outcome_pnl, outcome_duration_ms, "
            + "outcome_side, reflection";

    private final LearningDatabase db;
    private final Partitioning partitioning;
    private final RetentionPolicy retention;
    private final AtomicLong appendsSinceRetention = new AtomicLong();

    private ExperienceStore(LearningDatabase db, Partitioning partitioning, RetentionPolicy retention) {
        this.db = db;
        this.partitioning = partitioning;
        this.retention = retention;
    }

    /** The store in {@code db}, creating its table if needed; one partition per instrument, default retention. */
    public static ExperienceStore open(LearningDatabase db) {
        return open(db, Partitioning.perInstrument(), RetentionPolicy.defaults());
    }

    public static ExperienceStore open(LearningDatabase db, Partitioning partitioning, RetentionPolicy retention) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(partitioning, "partitioning");
        Objects.requireNonNull(retention, "retention");
        // Portable SQL: in PostgreSQL, id becomes BIGSERIAL and the BLOB columns BYTEA; nothing else changes.
        db.migrate("experience", new String[] {
            "CREATE TABLE experience (id INTEGER PRIMARY KEY, partition_key VARCHAR(64) NOT NULL, instrument VARCHAR(64) NOT NULL, "
                    + "model_version VARCHAR(128) NOT NULL, time_ms BIGINT NOT NULL, state BLOB NOT NULL, action BLOB NOT NULL, "
                    + "reward DOUBLE PRECISION NOT NULL, next_state BLOB NOT NULL, done SMALLINT NOT NULL, market_json TEXT NOT NULL, "
                    + "policy_confidence DOUBLE PRECISION NOT NULL, reasoner_confidence DOUBLE PRECISION, "
                    + "outcome_pnl DOUBLE PRECISION, outcome_duration_ms BIGINT, outcome_side VARCHAR(4), reflection TEXT)",
            "CREATE INDEX experience_partition_id ON experience (partition_key, id)",
            "CREATE INDEX experience_partition_time ON experience (partition_key, time_ms)"
        });
        return new ExperienceStore(db, partitioning, retention);
    }

    public LearningDatabase database() {
        return db;
    }

    /** The partition an instrument's experiences go to. */
    public String partitionOf(String instrument) {
        return partitioning.partitionOf(instrument);
    }

    /** Stores one experience durably and returns it with its id. */
    public Experience append(Experience experience) {
        return appendAll(List.of(experience)).get(0);
    }

    /** Stores several experiences in one transaction (all or none) and returns them with their ids. */
    public List<Experience> appendAll(List<Experience> experiences) {
        List<Experience> stored = db.transaction(c -> {
            List<Experience> out = new ArrayList<>(experiences.size());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO experience (partition_key, instrument, model_version, "
                    + "time_ms, state, action, reward, next_state, done, market_json, policy_confidence, reasoner_confidence, "
                    + "outcome_pnl, outcome_duration_ms, outcome_side, reflection) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (Experience e : experiences) {
                    bind(ps, e);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        if (!keys.next()) {
                            throw new SQLException("no id returned for the inserted experience");
                        }
                        out.add(e.withId(keys.getLong(1)));
                    }
                }
            }
            return out;
        });
        if (appendsSinceRetention.addAndGet(experiences.size()) >= RETENTION_EVERY) {
            appendsSinceRetention.set(0);
            applyRetention();
        }
        return stored;
    }

    private void bind(PreparedStatement ps, Experience e) throws SQLException {
        ps.setString(1, partitioning.partitionOf(e.instrument()));
        ps.setString(2, e.instrument());
        ps.setString(3, e.modelVersion());
        ps.setLong(4, e.time().toEpochMilli());
        ps.setBytes(5, encode(e.state()));
        ps.setBytes(6, encode(e.action()));
        ps.setDouble(7, e.reward());
        ps.setBytes(8, encode(e.nextState()));
        ps.setInt(9, e.done() ? 1 : 0);
        ps.setString(10, json(e.marketConditions()));
        ps.setDouble(11, e.policyConfidence());
        if (e.hasReasoner()) {
            ps.setDouble(12, e.reasonerConfidence());
        } else {
            ps.setNull(12, Types.DOUBLE);
        }
        TradeOutcome o = e.outcome();
        if (o == null) {
            ps.setNull(13, Types.DOUBLE);
            ps.setNull(14, Types.BIGINT);
            ps.setNull(15, Types.VARCHAR);
        } else {
            ps.setDouble(13, o.pnl());
            ps.setLong(14, o.duration().toMillis());
            ps.setString(15, o.side().name());
        }
        ps.setString(16, e.reflection());
    }

    /** Records how the trade of experience {@code id} ended. */
    public void recordOutcome(long id, TradeOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        update(id, "UPDATE experience SET outcome_pnl = ?, outcome_duration_ms = ?, outcome_side = ? WHERE id = ?", ps -> {
            ps.setDouble(1, outcome.pnl());
            ps.setLong(2, outcome.duration().toMillis());
            ps.setString(3, outcome.side().name());
            ps.setLong(4, id);
        });
    }

    /** Stores the reasoner's reflection on experience {@code id}. */
    public void annotate(long id, String reflection) {
        Objects.requireNonNull(reflection, "reflection");
        if (reflection.isBlank()) {
            throw new IllegalArgumentException("reflection for experience " + id + " is blank; give the reasoner's text");
        }
        update(id, "UPDATE experience SET reflection = ? WHERE id = ?", ps -> {
            ps.setString(1, reflection);
            ps.setLong(2, id);
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(long id, String sql, Binder binder) {
        int changed = db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
        if (changed == 0) {
            throw new IllegalArgumentException("no experience with id " + id + " in " + db.label()
                    + " (it may have been removed by the retention policy)");
        }
    }

    /** The experience with this id. */
    public java.util.Optional<Experience> get(long id) {
        List<Experience> found = query("SELECT " + COLUMNS + " FROM experience WHERE id = ?", ps -> ps.setLong(1, id));
        return found.stream().findFirst();
    }

    /** Experiences of {@code partition} with an id above {@code afterId}, oldest first, at most {@code limit}. */
    public List<Experience> after(String partition, long afterId, int limit) {
        return query("SELECT " + COLUMNS + " FROM experience WHERE partition_key = ? AND id > ? ORDER BY id LIMIT ?", ps -> {
            ps.setString(1, partition);
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
        });
    }

    /** The newest {@code limit} experiences of {@code partition}, newest first. */
    public List<Experience> recent(String partition, int limit) {
        return query("SELECT " + COLUMNS + " FROM experience WHERE partition_key = ? ORDER BY id DESC LIMIT ?", ps -> {
            ps.setString(1, partition);
            ps.setInt(2, limit);
        });
    }

    /** Experiences whose trade made at least {@code minPnl}, best first. */
    public List<Experience> highValue(String partition, double minPnl, int limit) {
        return query("SELECT " + COLUMNS + " FROM experience WHERE partition_key = ? AND outcome_pnl >= ? "
                + "ORDER BY outcome_pnl DESC, id LIMIT ?", ps -> {
                    ps.setString(1, partition);
                    ps.setDouble(2, minPnl);
                    ps.setInt(3, limit);
                });
    }

    /** Experiences whose trade lost money, worst first. */
    public List<Experience> failed(String partition, int limit) {
        return query("SELECT " + COLUMNS + " FROM experience WHERE partition_key = ? AND outcome_pnl < 0 "
                + "ORDER BY outcome_pnl, id LIMIT ?", ps -> {
                    ps.setString(1, partition);
                    ps.setInt(2, limit);
                });
    }

    /** Experiences with a reflection, oldest first. */
    public List<Experience> annotated(String partition, int limit) {
        return query("SELECT " + COLUMNS + " FROM experience WHERE partition_key = ? AND reflection IS NOT NULL "
                + "ORDER BY id LIMIT ?", ps -> {
                    ps.setString(1, partition);
                    ps.setInt(2, limit);
                });
    }

    /** Experiences of {@code partition} with an id above {@code afterId}. */
    public long countAfter(String partition, long afterId) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM experience WHERE partition_key = ? AND id > ?")) {
                ps.setString(1, partition);
                ps.setLong(2, afterId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Every partition with at least one experience, sorted. */
    public List<String> partitions() {
        return db.transaction(c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT DISTINCT partition_key FROM experience ORDER BY partition_key")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    public ExperienceStats stats(String partition) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COUNT(outcome_pnl), "
                    + "SUM(CASE WHEN outcome_pnl > 0 THEN 1 ELSE 0 END), COUNT(reflection), AVG(reward), SUM(outcome_pnl), "
                    + "MIN(time_ms), MAX(time_ms), MAX(id) FROM experience WHERE partition_key = ?")) {
                ps.setString(1, partition);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long count = rs.getLong(1);
                    if (count == 0) {
                        return new ExperienceStats(partition, 0, 0, 0, 0, Double.NaN, 0, null, null, 0);
                    }
                    return new ExperienceStats(partition, count, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5),
                            rs.getDouble(6), Instant.ofEpochMilli(rs.getLong(7)), Instant.ofEpochMilli(rs.getLong(8)),
                            rs.getLong(9));
                }
            }
        });
    }

    /** Applies the retention policy to every partition; returns how many experiences were removed. */
    public long applyRetention() {
        return db.transaction(c -> {
            long removed = 0;
            for (String partition : partitions()) {
                removed += retain(c, partition);
            }
            return removed;
        });
    }

    private long retain(Connection c, String partition) throws SQLException {
        long removed = 0;
        if (!retention.maxAge().isZero()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM experience WHERE partition_key = ? AND time_ms < "
                    + "(SELECT MAX(time_ms) FROM experience WHERE partition_key = ?) - ?")) {
                ps.setString(1, partition);
                ps.setString(2, partition);
                ps.setLong(3, retention.maxAge().toMillis());
                removed += ps.executeUpdate();
            }
        }
        String spared = retention.keepAnnotated() ? " AND reflection IS NULL" : "";
        long excess;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM experience WHERE partition_key = ?")) {
            ps.setString(1, partition);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                excess = rs.getLong(1) - retention.capacity();
            }
        }
        if (excess > 0) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM experience WHERE id IN (SELECT id FROM experience "
                    + "WHERE partition_key = ?" + spared + " ORDER BY id LIMIT ?)")) {
                ps.setString(1, partition);
                ps.setLong(2, excess);
                removed += ps.executeUpdate();
            }
        }
        return removed;
    }

    private List<Experience> query(String sql, Binder binder) {
        return db.transaction(c -> {
            List<Experience> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    private Experience read(ResultSet rs) throws SQLException {
        double reasoner = rs.getDouble(13);
        if (rs.wasNull()) {
            reasoner = Double.NaN;
        }
        double pnl = rs.getDouble(14);
        TradeOutcome outcome = rs.wasNull() ? null
                : new TradeOutcome(pnl, Duration.ofMillis(rs.getLong(15)), Side.valueOf(rs.getString(16)));
        return new Experience(rs.getLong(1), rs.getString(3), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)),
                decode(rs.getBytes(6)), decode(rs.getBytes(7)), rs.getDouble(8), decode(rs.getBytes(9)), rs.getInt(10) != 0,
                market(rs.getString(11)), rs.getDouble(12), reasoner, outcome, rs.getString(17));
    }

    /** float32 little-endian, 4 bytes a value. */
    static byte[] encode(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    static float[] decode(byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new LearningStoreException("a stored state has " + bytes.length + " bytes, not a multiple of 4: the row is damaged");
        }
        float[] out = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    private static String json(Map<String, Double> conditions) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(conditions));
        } catch (JsonProcessingException e) {
            throw new LearningStoreException("cannot write market conditions " + conditions + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Double> market(String json) {
        try {
            return JSON.readValue(json, new TypeReference<TreeMap<String, Double>>() {});
        } catch (JsonProcessingException e) {
            throw new LearningStoreException("stored market conditions are not valid JSON: " + json, e);
        }
    }
}
