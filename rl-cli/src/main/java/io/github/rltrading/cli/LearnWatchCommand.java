package io.github.rltrading.cli;

import io.github.rltrading.core.market.Instrument;
import io.github.rltrading.env.data.LoadOptions;
import io.github.rltrading.learning.experience.ExperienceStore;
import io.github.rltrading.learning.registry.ModelRegistry;
import io.github.rltrading.learning.store.LearningDatabase;
import io.github.rltrading.learning.training.ContinuousLearner;
import io.github.rltrading.learning.training.ExportRetrainJob;
import io.github.rltrading.learning.watch.ContinuousTrainer;
import io.github.rltrading.learning.watch.TrainingStatus;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rl learn watch}: continuous training. Watches a NinjaTrader export folder
 * ({@link ContinuousTrainer}) and, once new or changed export files have stopped changing for the
 * debounce period, retrains on them ({@link ExportRetrainJob}: warm start from production, the
 * search, the promotion rule), printing the status as it changes.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Continuous training: watch an export folder and retrain when new or changed export files (.txt, .csv) "
                + "have been quiet for --debounce; every retrain warm-starts from production and promotes only by the rule.",
                "Files already processed (recorded under --state) are skipped; files that arrived while it was not running are "
                        + "trained on at start. Runs until Ctrl-C, or with --once until those files are done."})
final class LearnWatchCommand extends CliCommand {

    @Mixin
    StoreOptions store;

    @Option(names = "--instrument", paramLabel = "SYMBOL", defaultValue = "ES",
            description = "The instrument the exports hold. Default: ${DEFAULT-VALUE}.")
    String instrument;

    @Option(names = "--dir", paramLabel = "EXPORTS", required = true,
            description = "The folder NinjaTrader exports to (only it, not its subfolders).")
    Path dir;

    @Option(names = "--debounce", paramLabel = "DURATION", defaultValue = "30s", converter = Converters.DurationConverter.class,
            description = "How long the folder must be quiet after the last change before a retrain. Default: ${DEFAULT-VALUE}.")
    Duration debounce;

    @Option(names = "--once", description = "Train on the files not processed yet, then exit (0 when the retrain succeeded).")
    boolean once;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = "runs/learning/state",
            description = "Where the processed-exports marker is kept. Default: ${DEFAULT-VALUE}.")
    Path state;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", converter = Converters.ZoneConverter.class,
            description = "Time zone of the exports' times (NinjaTrader writes local time), e.g. America/New_York. "
                    + "Default: ${DEFAULT-VALUE}.")
    ZoneId zone = ZoneOffset.UTC;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the search. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    LearnCommand.Search search;

    @Option(names = "--status-every", paramLabel = "DURATION", defaultValue = "60s", converter = Converters.DurationConverter.class,
            description = "Print the status at least this often (and whenever it changes). Default: ${DEFAULT-VALUE}.")
    Duration statusEvery;

    @Override
    int execute() throws InterruptedException {
        search.validate();
        if (!Files.isDirectory(dir)) {
            throw new UsageError("--dir " + dir + ": no such folder; give the folder NinjaTrader exports to (Tools > Historical "
                    + "Data > Export writes to Documents/NinjaTrader 8/export)");
        }
        if (debounce.isZero() || debounce.isNegative() || statusEvery.isZero() || statusEvery.isNegative()) {
            throw new UsageError("--debounce " + debounce + " --status-every " + statusEvery + ": give positive durations, e.g. 30s");
        }
        PrintStream o = out();
        Instrument inst = MarketInput.instrument(instrument);
        try (LearningDatabase db = store.open(false)) {
            ExperienceStore experiences = ExperienceStore.open(db);
            ModelRegistry registry = store.registry(db);
            ContinuousLearner learner = search.learner(inst, experiences, registry, db, seed, o)
                    // Continuous training hands the learner the export files' bars; nothing else asks for data.
                    .data(() -> {
                        throw new IllegalStateException("continuous training retrains on the export files only");
                    })
                    .build();
            ExportRetrainJob job = new ExportRetrainJob(learner, inst,
                    LoadOptions.builder().zone(zone).instrument(inst).lenient(true).build());
            CountDownLatch done = new CountDownLatch(1);
            try (ContinuousTrainer trainer = ContinuousTrainer.builder().directory(dir).instrument(inst.symbol()).job(job)
                    .debounce(debounce).stateDirectory(state).catchUpOnStart(true).closeTimeout(Duration.ofMinutes(10)).build()) {
                Thread hook = new Thread(() -> {
                    trainer.close(Duration.ofMinutes(10));
                    done.countDown();
                }, "rl-learn-watch-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    trainer.start();
                } catch (UncheckedIOException e) {
                    throw new UsageError("--dir " + dir + ": " + e.getMessage(), e);
                }
                o.printf("Watching %s for %s exports (debounce %s, state in %s)%n", trainer.directory(), inst.symbol(),
                        Converters.text(debounce), state);
                TrainingStatus last = watch(trainer, done, o);
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook closes the trainer
                }
                if (once && last.runs() == 0) {
                    o.println("Nothing to train on: every export file in " + dir + " was processed before");
                }
                return last.failures() > 0 ? Rl.FAILED : Rl.OK;
            }
        }
    }

    /** Prints the status when it changes (or every --status-every) until stopped, or with --once until idle. */
    private TrainingStatus watch(ContinuousTrainer trainer, CountDownLatch done, PrintStream o) throws InterruptedException {
        String shown = "";
        long lastPrint = System.nanoTime();
        TrainingStatus status = trainer.status();
        while (true) {
            trainer.poll();
            status = trainer.status();
            String text = status.describe();
            if (!text.equals(shown) || System.nanoTime() - lastPrint >= statusEvery.toNanos()) {
                o.print(text);
                o.flush();
                shown = text;
                lastPrint = System.nanoTime();
            }
            boolean idle = status.state() == TrainingStatus.State.IDLE;
            if (once && idle) {
                return status;
            }
            if (done.await(200, TimeUnit.MILLISECONDS)) {
                return trainer.status();
            }
        }
    }
}
