package io.github.rltrading.learning.hpo;

import io.github.rltrading.learning.store.LearningDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Studies and trials in the learning database, so a search resumes after a crash and every trial
 * stays on record (parameters, sampler seed, state, value, intermediate values, times, error).
 *
 * <p>Tables (component {@code hpo}, version 1), in SQL that SQLite and PostgreSQL both accept:
 * <pre>
 * hpo_study(name PK, direction, space_json, sampler, seed, created)
 * hpo_trial(study, number, state, params_json, value, intermediate_json, sampler_seed,
 *           started, finished, error; PK (study, number))
 * </pre>
 * Times are ISO-8601 UTC text; a trial row is written when its parameters are sampled (RUNNING)
 * and rewritten when it ends, each in its own durable transaction.
 *
 * <pre>{@code
 * try (LearningDatabase db = LearningDatabase.open(Path.of("learning.db"))) {
 *     StudyStorage storage = DatabaseStudyStorage.open(db);
 *     Study study = Study.builder("ppo-es", space).storage(storage).build();
 *     ...
 * }
 * }</pre>
 */
public final class DatabaseStudyStorage implements StudyStorage {

    private static final String[] VERSION_1 = {
        "CREATE TABLE hpo_study ("
                + "name VARCHAR(200) NOT NULL PRIMARY KEY, "
                + "direction VARCHAR(16) NOT NULL, "
                + "space_json TEXT NOT NULL, "
                + "sampler TEXT NOT NULL, "
                + "seed BIGINT NOT NULL, "
                + "created VARCHAR(40) NOT NULL)",
        "CREATE TABLE hpo_trial ("
                + "study VARCHAR(200) NOT NULL REFERENCES hpo_study(name), "
                + "number INTEGER NOT NULL, "
                + "state VARCHAR(16) NOT NULL, "
                + "params_json TEXT NOT NULL, "
                + "value DOUBLE PRECISION, "
                + "intermediate_json TEXT NOT NULL, "
                + "sampler_seed BIGINT NOT NULL, "
                + "started VARCHAR(40) NOT NULL, "
                + "finished VARCHAR(40), "
                + "error TEXT, "
                + "PRIMARY KEY (study, number))"
    };

    private final LearningDatabase db;

    private DatabaseStudyStorage(LearningDatabase db) {
        this.db = db;
    }

    /** Storage in {@code db}, creating or upgrading the hpo tables if needed. */
    public static DatabaseStudyStorage open(LearningDatabase db) {
        Objects.requireNonNull(db, "db");
        db.migrate("hpo", VERSION_1);
        return new DatabaseStudyStorage(db);
    }

    @Override
    public Optional<StudyRecord> findStudy(String name) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT direction, space_json, sampler, seed, created FROM hpo_study WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StudyRecord(name, Direction.valueOf(rs.getString(1)),
                            HpoJson.spaceFromJson(rs.getString(2)), rs.getString(3), rs.getLong(4), Instant.parse(rs.getString(5))));
                }
            }
        });
    }

    @Override
    public void createStudy(StudyRecord study) {
        db.transaction(c -> {
            try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM hpo_study WHERE name = ?")) {
                check.setString(1, study.name());
                try (ResultSet rs = check.executeQuery()) {
                    if (rs.next()) {
                        throw new IllegalStateException("study \"" + study.name() + "\" already exists in " + db.label()
                                + "; open it instead of creating it");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO hpo_study (name, direction, space_json, sampler, seed, created) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, study.name());
                ps.setString(2, study.direction().name());
                ps.setString(3, HpoJson.spaceToJson(study.space()));
                ps.setString(4, study.sampler());
                ps.setLong(5, study.seed());
                ps.setString(6, study.created().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<TrialRecord> loadTrials(String name) {
        return db.transaction(c -> {
            SearchSpace space;
            try (PreparedStatement ps = c.prepareStatement("SELECT space_json FROM hpo_study WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return List.of();
                    }
                    space = HpoJson.spaceFromJson(rs.getString(1));
                }
            }
            List<TrialRecord> trials = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT number, state, params_json, value, intermediate_json, sampler_seed, started, finished, error "
                            + "FROM hpo_trial WHERE study = ? ORDER BY number")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double value = rs.getDouble(4);
                        if (rs.wasNull()) {
                            value = Double.NaN;
                        }
                        String finished = rs.getString(8);
                        trials.add(new TrialRecord(rs.getInt(1), TrialState.valueOf(rs.getString(2)),
                                HpoJson.paramsFromJson(rs.getString(3), space), value,
                                HpoJson.intermediateFromJson(rs.getString(5)), rs.getLong(6), Instant.parse(rs.getString(7)),
                                finished == null ? null : Instant.parse(finished), rs.getString(9)));
                    }
                }
            }
            return trials;
        });
    }

    @Override
    public void saveTrial(String name, TrialRecord trial) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO hpo_trial (study, number, state, params_json, value, intermediate_json, sampler_seed, "
                            + "started, finished, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (study, number) DO UPDATE SET state = excluded.state, "
                            + "params_json = excluded.params_json, value = excluded.value, "
                            + "intermediate_json = excluded.intermediate_json, sampler_seed = excluded.sampler_seed, "
                            + "started = excluded.started, finished = excluded.finished, error = excluded.error")) {
                ps.setString(1, name);
                ps.setInt(2, trial.number());
                ps.setString(3, trial.state().name());
                ps.setString(4, HpoJson.paramsToJson(trial.params()));
                if (Double.isNaN(trial.value())) {
                    ps.setNull(5, Types.DOUBLE);
                } else {
                    ps.setDouble(5, trial.value());
                }
                ps.setString(6, HpoJson.intermediateToJson(trial.intermediateValues()));
                ps.setLong(7, trial.samplerSeed());
                ps.setString(8, trial.started().toString());
                ps.setString(9, trial.finished() == null ? null : trial.finished().toString());
                ps.setString(10, trial.error());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new SQLException("saving trial " + trial.number() + " of study \"" + name + "\": " + e.getMessage(), e);
            }
            return null;
        });
    }
}
