package io.github.rltrading.learning.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite database file shared by the experience store, the model registry and hyperparameter
 * studies.
 *
 * <p>Why one connection behind a lock: SQLite lets one writer at a time in any case, and a single
 * connection keeps every commit ordered and visible to the next reader at once. Work runs in
 * {@link #transaction}; reads are cheap enough not to need a pool for this database's load (a row
 * per decision, a few rows per training run).
 *
 * <p>Durability: {@code journal_mode=WAL} with {@code synchronous=FULL}, so a transaction that
 * {@link #transaction} returned from is on disk, and a process killed in the middle of one leaves
 * the database as it was before that transaction.
 */
public final class LearningDatabase implements AutoCloseable {

    /** SQL run inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String label;
    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;

    private LearningDatabase(String label, Path file, Connection connection) {
        this.label = label;
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed, with its parent folders) the database at {@code file}. */
    public static LearningDatabase open(Path file) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new LearningStoreException("cannot create the folder of the learning database " + absolute + ": " + e.getMessage()
                    + "; choose a writable path", e);
        }
        if (Files.isDirectory(absolute)) {
            throw new LearningStoreException("learning database path " + absolute + " is a folder; give a file such as "
                    + absolute.resolve("learning.db"));
        }
        return connect(absolute.toString(), absolute, "jdbc:sqlite:" + absolute);
    }

    /** A private in-memory database, gone when closed: for tests and one-off studies. */
    public static LearningDatabase inMemory() {
        return connect("in-memory database", null, "jdbc:sqlite::memory:");
    }

    private static LearningDatabase connect(String label, Path file, String url) {
        try {
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                if (file != null) {
                    s.execute("PRAGMA journal_mode=WAL");
                }
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=10000");
            }
            c.setAutoCommit(false);
            LearningDatabase db = new LearningDatabase(label, file, c);
            db.transaction(conn -> {
                try (Statement s = conn.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS schema_version (component VARCHAR(64) PRIMARY KEY, version INTEGER NOT NULL)");
                }
                return null;
            });
            return db;
        } catch (SQLException e) {
            throw new LearningStoreException("cannot open the learning database " + label + ": " + e.getMessage()
                    + (file == null ? "" : "; if another program holds it, close that program, or give another file"), e);
        }
    }

    /** The database file, or null for an in-memory database. */
    public Path file() {
        return file;
    }

    /** The file's path, or "in-memory database": for messages. */
    public String label() {
        return label;
    }

    /**
     * Runs {@code work} in one transaction: committed (durably) if it returns, rolled back if it
     * throws. Calls from several threads run one after another; a nested call joins the outer
     * transaction.
     */
    public <T> T transaction(Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new LearningStoreException("learning database " + label + " is closed");
            }
            if (lock.getHoldCount() > 1) {
                return work.run(connection);
            }
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                if (e instanceof LearningStoreException lse) {
                    throw lse;
                }
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw new LearningStoreException("learning database " + label + ": " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new LearningStoreException("learning database " + label + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Brings one component's tables to {@code version}: each step {@code i} (0-based) of
     * {@code steps} is the DDL that takes the schema from version {@code i} to {@code i + 1}; steps
     * already applied are skipped. A database from a newer library (a higher version) is refused.
     */
    public void migrate(String component, String[]... steps) {
        transaction(c -> {
            int current = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM schema_version WHERE component = ?")) {
                ps.setString(1, component);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        current = rs.getInt(1);
                    }
                }
            }
            if (current > steps.length) {
                throw new LearningStoreException("learning database " + label + " has " + component + " tables at version " + current
                        + " but this library knows up to " + steps.length + "; use the newer library that wrote it");
            }
            for (int v = current; v < steps.length; v++) {
                try (Statement s = c.createStatement()) {
                    for (String ddl : steps[v]) {
                        s.execute(ddl);
                    }
                }
            }
            if (current < steps.length) {
                try (PreparedStatement ps = c.prepareStatement(current == 0
                        ? "INSERT INTO schema_version (version, component) VALUES (?, ?)"
                        : "UPDATE schema_version SET version = ? WHERE component = ?")) {
                    ps.setInt(1, steps.length);
                    ps.setString(2, component);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            connection.close();
        } catch (SQLException e) {
            throw new LearningStoreException("closing learning database " + label + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
