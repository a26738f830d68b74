package io.github.rltrading.cli;

import io.github.rltrading.learning.experience.ExperienceStore;
import io.github.rltrading.learning.registry.ModelRegistry;
import io.github.rltrading.learning.registry.ModelVersion;
import io.github.rltrading.learning.store.LearningDatabase;
import java.io.PrintStream;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rl learn status}: where learning stands for an instrument: the production model, the stored
 * experiences, and the latest continuous-learning and continuous-training runs (the
 * {@code learning_run} table that {@code ContinuousLearner} writes).
 */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show the production model, the stored experiences and the latest learning runs (continuous learning and "
                + "continuous training) of an instrument.")
final class LearnStatusCommand extends CliCommand {

    @Mixin
    StoreOptions store;

    @Option(names = "--instrument", paramLabel = "SYMBOL", defaultValue = "ES",
            description = "The instrument. Default: ${DEFAULT-VALUE}.")
    String instrument;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Runs to show, newest first. Default: ${DEFAULT-VALUE}.")
    int limit;

    /** One row of {@code learning_run}. */
    record RunRow(long id, String mode, Instant started, Instant finished, String outcome, long newExperiences, String challenger,
            String production, Double challengerSharpe, Double productionSharpe, String reason) {}

    @Override
    int execute() {
        if (limit < 1) {
            throw new UsageError("--limit " + limit + ": give at least 1");
        }
        PrintStream o = out();
        try (LearningDatabase db = store.open(true)) {
            ModelRegistry registry = store.registry(db);
            Optional<ModelVersion> production = registry.production(instrument);
            List<ModelVersion> versions = registry.versions(instrument);
            o.println("Learning database: " + db.label());
            o.printf(Locale.ROOT, "%s: %s; %d version(s) registered%n", instrument, production.map(v -> "production model " + v.name()
                    + " (registered " + v.registeredAt() + ", test Sharpe " + TrainCommand.number(v.metric("testSharpe"), "%.3f")
                    + ")").orElse("no production model"), versions.size());
            ExperienceStore experiences = ExperienceStore.open(db);
            o.println("Experiences: " + LearnCommand.stats(experiences.stats(experiences.partitionOf(instrument))));
            List<RunRow> runs = runs(db);
            if (runs.isEmpty()) {
                o.println("No learning runs recorded for " + instrument + " yet ('rl learn' or 'rl learn watch' records them)");
                return Rl.OK;
            }
            o.println("Learning runs, newest first:");
            for (RunRow r : runs) {
                o.printf(Locale.ROOT, "  #%d %s %-11s %-8s %s%n", r.id(), r.started(), r.mode().toLowerCase(Locale.ROOT), r.outcome(),
                        r.challenger().isEmpty() ? "" : "challenger " + r.challenger() + " (Sharpe " + sharpe(r.challengerSharpe())
                                + ") vs " + (r.production().isEmpty() ? "no production" : r.production() + " (Sharpe "
                                + sharpe(r.productionSharpe()) + ")"));
                if (!r.reason().isEmpty()) {
                    o.println("      " + r.reason());
                }
            }
            return Rl.OK;
        }
    }

    private static String sharpe(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** The newest runs for the instrument; none when no learner has run on this database yet. */
    private List<RunRow> runs(LearningDatabase db) {
        return db.transaction(c -> {
            List<RunRow> out = new ArrayList<>();
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet tables = meta.getTables(null, null, "learning_run", null)) {
                if (!tables.next()) {
                    return out;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, mode, started_ms, finished_ms, outcome, new_experiences, "
                    + "challenger, production, challenger_sharpe, production_sharpe, reason FROM learning_run WHERE instrument = ? "
                    + "ORDER BY id DESC LIMIT ?")) {
                ps.setString(1, instrument);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double cs = rs.getDouble(9);
                        Double challengerSharpe = rs.wasNull() ? null : cs;
                        double ps2 = rs.getDouble(10);
                        Double productionSharpe = rs.wasNull() ? null : ps2;
                        out.add(new RunRow(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8),
                                challengerSharpe, productionSharpe, rs.getString(11)));
                    }
                }
            }
            return out;
        });
    }
}
