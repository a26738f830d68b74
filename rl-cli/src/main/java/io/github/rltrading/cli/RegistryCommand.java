package io.github.rltrading.cli;

import io.github.rltrading.learning.registry.AuditEntry;
import io.github.rltrading.learning.registry.ModelRegistry;
import io.github.rltrading.learning.registry.ModelVersion;
import io.github.rltrading.learning.registry.Registration;
import io.github.rltrading.learning.store.LearningDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code rl registry}: the model registry ({@link ModelRegistry}): list and show versions, register a
 * saved model, promote one to production, roll back, and read the audit log. Changes are made as
 * {@code cli:<user name>} and recorded in the audit log with their reason.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "The model registry: versions, production per instrument, promotion, rollback and the audit log.",
        subcommands = {RegistryCommand.ListVersions.class, RegistryCommand.Show.class, RegistryCommand.Register.class,
                RegistryCommand.Promote.class, RegistryCommand.Rollback.class, RegistryCommand.Audit.class})
final class RegistryCommand extends CliCommand {

    @Override
    int execute() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: list, show, register, promote, rollback or audit");
    }

    /** A subcommand on the registry; registry errors (unknown version, nothing to roll back) are usage errors. */
    abstract static class OnRegistry extends CliCommand {
        @Mixin
        StoreOptions store;

        /** Whether the database must exist already (every subcommand but register). */
        boolean readsExisting() {
            return true;
        }

        abstract void run(ModelRegistry registry, PrintStream out);

        @Override
        final int execute() {
            try (LearningDatabase db = store.open(readsExisting())) {
                ModelRegistry registry = store.registry(db);
                try {
                    run(registry, out());
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new UsageError(e.getMessage(), e);
                }
            }
            return Rl.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List registered versions, newest first; * marks "
            + "production.")
    static final class ListVersions extends OnRegistry {
        @Option(names = "--instrument", paramLabel = "SYMBOL", description = "Only this instrument's versions.")
        String instrument;

        @Override
        void run(ModelRegistry registry, PrintStream o) {
            List<ModelVersion> versions = instrument == null ? registry.versions() : registry.versions(instrument);
            if (versions.isEmpty()) {
                o.println("No model versions in the registry at " + registry.root()
                        + (instrument == null ? "" : " for " + instrument) + "; add one with 'rl registry register DIR --instrument ES'");
                return;
            }
            Map<String, String> production = new TreeMap<>();
            Function<String, String> productionOf = inst -> production.computeIfAbsent(inst,
                    i -> registry.production(i).map(ModelVersion::name).orElse(""));
            o.printf(Locale.ROOT, "  %-22s %-10s %-9s %-24s %-22s %10s  %s%n", "VERSION", "INSTRUMENT", "ALGORITHM", "REGISTERED",
                    "PARENT", "TEST SHARPE", "NOTE");
            for (ModelVersion v : versions) {
                boolean isProduction = productionOf.apply(v.instrument()).equals(v.name());
                o.printf(Locale.ROOT, "%s %-22s %-10s %-9s %-24s %-22s %10s  %s%n", isProduction ? "*" : " ", v.name(), v.instrument(),
                        v.algorithm(), v.registeredAt(), v.parent().isEmpty() ? "-" : v.parent(),
                        TrainCommand.number(v.metric("testSharpe"), "%.3f"), v.note());
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one version: data, hyperparameters, metrics, "
            + "lineage.")
    static final class Show extends OnRegistry {
        @Parameters(index = "0", paramLabel = "VERSION", description = "The version, e.g. v3_20261130_101500.")
        String version;

        @Override
        void run(ModelRegistry registry, PrintStream o) {
            ModelVersion v = registry.get(version);
            boolean isProduction = registry.production(v.instrument()).map(p -> p.name().equals(v.name())).orElse(false);
            o.println("Version:         " + v.name() + (isProduction ? " (production for " + v.instrument() + ")" : ""));
            o.println("Instrument:      " + v.instrument());
            o.println("Registered:      " + v.registeredAt());
            o.println("Algorithm:       " + v.algorithm());
            o.println("Parent:          " + (v.parent().isEmpty() ? "none (trained from scratch)" : v.parent()));
            o.println("Trained on:      " + (v.dataRange().isEmpty() ? "not recorded" : v.dataRange()));
            o.println("Feature set:     " + (v.featureSetHash().isEmpty() ? "not recorded" : v.featureSetHash()));
            o.println("Folder:          " + v.directory().toAbsolutePath());
            o.println("Note:            " + v.note());
            o.println("Hyperparameters: " + v.hyperparameters());
            o.println("Metrics:");
            new TreeMap<>(v.metrics()).forEach((k, val) -> o.printf(Locale.ROOT, "  %-22s %s%n", k, TrainCommand.number(val, "%.6g")));
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Copy a saved model folder (e.g. from 'rl train') into the registry as a new version.")
    static final class Register extends OnRegistry {
        @Parameters(index = "0", paramLabel = "DIR", description = "The saved model's folder (model.json + parameters.bin).")
        Path model;

        @Option(names = "--instrument", paramLabel = "SYMBOL", required = true, description = "The instrument it trades, e.g. ES.")
        String instrument;

        @Option(names = "--parent", paramLabel = "VERSION", description = "The version it was trained from, if any.")
        String parent;

        @Option(names = "--note", paramLabel = "TEXT", defaultValue = "registered from the command line",
                description = "Why it was made. Default: ${DEFAULT-VALUE}.")
        String note;

        @Override
        boolean readsExisting() {
            return false;
        }

        @Override
        void run(ModelRegistry registry, PrintStream o) {
            ModelVersion v = registry.register(instrument, model, new Registration(parent, Map.of(), note));
            o.println("Registered " + model + " as " + v.name() + " for " + v.instrument() + " (" + v.algorithm() + ") in "
                    + v.directory().toAbsolutePath());
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Make a version the production model of an instrument (atomic, audited).")
    static final class Promote extends OnRegistry {
        @Parameters(index = "0", paramLabel = "VERSION", description = "The version to promote.")
        String version;

        @Option(names = "--instrument", paramLabel = "SYMBOL", required = true, description = "The instrument, e.g. ES.")
        String instrument;

        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "promoted from the command line",
                description = "Why, for the audit log. Default: ${DEFAULT-VALUE}.")
        String reason;

        @Override
        void run(ModelRegistry registry, PrintStream o) {
            String before = registry.production(instrument).map(ModelVersion::name).orElse("none");
            ModelVersion v = registry.promote(instrument, version, StoreOptions.actor(), reason);
            o.println("Production model for " + instrument + ": " + before + " -> " + v.name() + " (by " + StoreOptions.actor() + ")");
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Set production back: to the version before the current one, or --to a named version (audited).")
    static final class Rollback extends OnRegistry {
        @Option(names = "--instrument", paramLabel = "SYMBOL", required = true, description = "The instrument, e.g. ES.")
        String instrument;

        @Option(names = "--to", paramLabel = "VERSION", description = "The version to go back to. Default: the one before.")
        String to;

        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "rolled back from the command line",
                description = "Why, for the audit log. Default: ${DEFAULT-VALUE}.")
        String reason;

        @Override
        void run(ModelRegistry registry, PrintStream o) {
            String before = registry.production(instrument).map(ModelVersion::name).orElse("none");
            ModelVersion v = to == null ? registry.rollback(instrument, StoreOptions.actor(), reason)
                    : registry.rollbackTo(instrument, to, StoreOptions.actor(), reason);
            o.println("Production model for " + instrument + ": " + before + " -> " + v.name() + " (rolled back by "
                    + StoreOptions.actor() + ")");
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit log, oldest first: every registration, "
            + "promotion and rollback with who and why.")
    static final class Audit extends OnRegistry {
        @Option(names = "--instrument", paramLabel = "SYMBOL", description = "Only this instrument's entries.")
        String instrument;

        @Override
        void run(ModelRegistry registry, PrintStream o) {
            List<AuditEntry> entries = registry.audit(instrument == null ? "" : instrument);
            if (entries.isEmpty()) {
                o.println("The audit log is empty");
                return;
            }
            for (AuditEntry e : entries) {
                o.printf(Locale.ROOT, "#%d %s %-8s %-6s %-22s previous %-22s by %s: %s%n", e.id(), e.time(), e.action(), e.instrument(),
                        e.version(), e.previous().isEmpty() ? "-" : e.previous(), e.actor(), e.reason());
            }
        }
    }
}
