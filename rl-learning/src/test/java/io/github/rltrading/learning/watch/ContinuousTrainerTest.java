package io.github.rltrading.learning.watch;

import io.github.rltrading.learning.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rltrading.learning.watch.TrainingStatus.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContinuousTrainerTest {

    private static final Instant T0 = Instant.parse("2025-01-06T14:00:00Z");
    private static final Duration DEBOUNCE = Duration.ofSeconds(30);

    @TempDir
    Path exports;
    @TempDir
    Path state;

    private final MutableClock clock = new MutableClock(T0);
    private final ControlledJob job = new ControlledJob();
    private final List<ContinuousTrainer> trainers = new ArrayList<>();

    @AfterEach
    void closeTrainers() {
        job.release();
        trainers.forEach(t -> t.close(Duration.ofSeconds(5)));
    }

    private ContinuousTrainer.Builder options() {
        return ContinuousTrainer.builder().directory(exports).job(job).clock(clock).instrument("ES");
    }

    private ContinuousTrainer trainer(ContinuousTrainer.Builder options) {
        ContinuousTrainer t = options.build();
        trainers.add(t);
        return t;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(exports.resolve(name), content);
    }

    private void at(Duration sinceStart) {
        Duration now = Duration.between(T0, clock.instant());
        assertThat(sinceStart).as("the test clock only moves forward").isGreaterThanOrEqualTo(now);
        clock.advance(sinceStart.minus(now));
    }

    private static Duration s(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static void awaitRuns(ContinuousTrainer trainer, long runs) {
        Waits.until(runs + " runs have finished", () -> trainer.status().runs() >= runs);
        assertThat(trainer.status().runs()).isEqualTo(runs);
    }

    // (1)
    @Test
    void threeChangesTenSecondsApartThenThirtyQuietSecondsMakeExactlyOneRequestWithTheThreeFiles() throws IOException {
        ContinuousTrainer trainer = trainer(options());
        Path a = write("ES 03-25.Last.txt", "a");
        assertThat(trainer.fileChanged(a)).isTrue();
        at(s(10));
        assertThat(trainer.poll()).isEmpty();
        Path b = write("NQ.csv", "bb");
        trainer.fileChanged(b);
        at(s(20));
        assertThat(trainer.poll()).isEmpty();
        Path c = write("CL.txt", "ccc");
        trainer.fileChanged(c);

        TrainingStatus debouncing = trainer.status();
        assertThat(debouncing.state()).isEqualTo(State.DEBOUNCING);
        assertThat(debouncing.pendingFiles()).containsExactly(c, a, b);
        assertThat(debouncing.lastChangeAt()).isEqualTo(T0.plus(s(20)));
        assertThat(debouncing.debounceFiresAt()).isEqualTo(T0.plus(s(50)));

        at(s(49.999));
        assertThat(trainer.poll()).isEmpty();
        at(s(50));
        Optional<RetrainRequest> fired = trainer.poll();

        assertThat(fired).isPresent();
        RetrainRequest request = fired.get();
        assertThat(request.files()).containsExactly(c, a, b);
        assertThat(request.instrument()).isEqualTo("ES");
        assertThat(request.requestedAt()).isEqualTo(T0.plus(s(50)));
        assertThat(request.reason()).isEqualTo("3 export files changed in " + exports.toAbsolutePath().normalize());
        awaitRuns(trainer, 1);
        assertThat(job.started).containsExactly(request);
        at(s(500));
        assertThat(trainer.poll()).as("nothing changed since the request").isEmpty();
        assertThat(trainer.status().state()).isEqualTo(State.IDLE);
        assertThat(job.started).hasSize(1);
    }

    // (2)
    @Test
    void aChangeAt29SecondsRestartsTheWindow() throws IOException {
        ContinuousTrainer trainer = trainer(options());
        Path a = write("a.txt", "1");
        trainer.fileChanged(a);
        at(s(29));
        assertThat(trainer.poll()).isEmpty();
        Files.writeString(a, "12"); // the same file growing counts as a change too
        trainer.fileChanged(a);
        at(s(30));
        assertThat(trainer.poll()).as("the window restarted at 29 s").isEmpty();
        assertThat(trainer.status().debounceFiresAt()).isEqualTo(T0.plus(s(59)));
        at(s(58.999));
        assertThat(trainer.poll()).isEmpty();
        at(s(59));
        assertThat(trainer.poll()).map(RetrainRequest::files).contains(List.of(a));
    }

    // (3)
    @Test
    void aRequestDuringARunIsQueuedAndTwoRequestsDuringOneRunCoalesce() throws IOException {
        ContinuousTrainer trainer = trainer(options());
        job.hold();
        Path a = write("a.txt", "a");
        trainer.fileChanged(a);
        at(s(30));
        RetrainRequest first = trainer.poll().orElseThrow();
        Waits.until("the first run has started", () -> job.started.size() == 1);
        assertThat(trainer.status().state()).isEqualTo(State.RUNNING);
        assertThat(trainer.status().currentRun().request()).isEqualTo(first);
        assertThat(trainer.status().currentRun().startedAt()).isEqualTo(T0.plus(s(30)));

        Path b = write("b.txt", "b");
        trainer.fileChanged(b);
        assertThat(trainer.status().state()).as("running; b is debouncing meanwhile").isEqualTo(State.RUNNING);
        assertThat(trainer.status().pendingFiles()).containsExactly(b);
        at(s(60));
        RetrainRequest second = trainer.poll().orElseThrow();
        assertThat(trainer.status().state()).isEqualTo(State.RUNNING_WITH_QUEUED);
        Path c = write("c.csv", "c");
        trainer.fileChanged(c);
        at(s(90));
        RetrainRequest third = trainer.poll().orElseThrow();

        TrainingStatus queued = trainer.status();
        assertThat(queued.state()).isEqualTo(State.RUNNING_WITH_QUEUED);
        assertThat(queued.queued()).hasSize(1);
        RetrainRequest coalesced = queued.queued().get(0);
        assertThat(coalesced.files()).containsExactly(b, c);
        assertThat(coalesced.reason()).isEqualTo(second.reason()); // both said "1 export file changed in <dir>"
        assertThat(coalesced.requestedAt()).isEqualTo(second.requestedAt());
        assertThat(third.requestedAt()).isAfter(second.requestedAt());
        assertThat(job.started).as("the running retrain is not disturbed").containsExactly(first);

        at(s(100));
        job.release();
        awaitRuns(trainer, 2);
        assertThat(job.started).containsExactly(first, coalesced);
        assertThat(job.maxConcurrent()).isEqualTo(1);
        TrainingStatus done = trainer.status();
        assertThat(done.state()).isEqualTo(State.IDLE);
        assertThat(done.lastRun().request()).isEqualTo(coalesced);
        assertThat(done.lastRun().startedAt()).isEqualTo(T0.plus(s(100)));
    }

    // (4)
    @Test
    void aFailingJobIsRecordedAndTheNextRequestStillRuns() throws IOException {
        ContinuousTrainer trainer = trainer(options());
        job.answer(r -> {
            throw new IllegalStateException("no production model for ES");
        });
        trainer.fileChanged(write("a.txt", "a"));
        at(s(30));
        trainer.poll();
        awaitRuns(trainer, 1);
        TrainingStatus failed = trainer.status();
        assertThat(failed.failures()).isEqualTo(1);
        assertThat(failed.lastRun().success()).isFalse();
        assertThat(failed.lastRun().summary()).isEqualTo("IllegalStateException: no production model for ES");
        assertThat(failed.lastRun().finishedAt()).isEqualTo(T0.plus(s(30)));
        assertThat(failed.describe()).contains("FAILED", "no production model for ES");

        job.answer(r -> RetrainOutcome.succeeded("v2 trained"));
        Path b = write("b.txt", "b");
        trainer.fileChanged(b);
        at(s(70));
        trainer.poll();
        awaitRuns(trainer, 2);
        TrainingStatus after = trainer.status();
        assertThat(after.failures()).isEqualTo(1);
        assertThat(after.lastRun().success()).isTrue();
        assertThat(after.lastRun().summary()).isEqualTo("v2 trained");
        assertThat(after.lastRun().request().files()).containsExactly(b);
    }

    // (5)
    @Test
    void ignoredFilesDoNotTrigger() throws IOException {
        ContinuousTrainer trainer = trainer(options());
        for (String ignored : List.of(".hidden.csv", "~lock.txt", "ES.csv.tmp", "ES.txt.part", "notes.json", "README")) {
            assertThat(trainer.fileChanged(write(ignored, "x"))).as(ignored).isFalse();
        }
        Files.createDirectory(exports.resolve("archive.csv"));
        assertThat(trainer.fileChanged(exports.resolve("archive.csv"))).as("a folder").isFalse();
        assertThat(trainer.fileChanged(exports.resolve("gone.csv"))).as("a file that is not there").isFalse();
        assertThat(trainer.status().state()).isEqualTo(State.IDLE);
        at(s(300));
        assertThat(trainer.poll()).isEmpty();

        Path upper = write("ES.TXT", "x");
        assertThat(trainer.fileChanged(Path.of("ES.TXT"))).as("relative to the directory, extension in capitals").isTrue();
        at(s(330));
        assertThat(trainer.poll()).map(RetrainRequest::files).contains(List.of(upper));
    }

    // (6)
    @Test
    void theRealWatchServiceNoticesAFileWrittenInTheDirectory() throws IOException {
        ContinuousTrainer trainer = trainer(options());
        trainer.start();
        assertThat(trainer.status().watching()).isTrue();
        write(".hidden.csv", "x");
        write("ES.csv.tmp", "x");
        write("notes.json", "x");
        Path export = write("ES 03-25.Last.txt", "20250106 140000;6000;6001;5999;6000;12\n");
        Files.writeString(export, "20250106 140100;6000;6002;5998;6001;9\n", StandardOpenOption.APPEND);

        Waits.until("the watcher has seen the whole export file", () -> {
            trainer.poll();
            return trainer.status().pendingFiles().contains(export) && sizeSeen(trainer, export);
        });
        assertThat(trainer.status().pendingFiles()).containsExactly(export);
        assertThat(job.started).isEmpty();
        at(s(30));
        Waits.until("the debounce has fired", () -> {
            trainer.poll(); // the watcher's thread may fire first; either way there is one request
            return !job.started.isEmpty();
        });
        awaitRuns(trainer, 1);
        assertThat(job.started).hasSize(1);
        assertThat(job.started.get(0).files()).containsExactly(export);
    }

    /**
     * Whether the watcher's last sighting of the file is its final size. Only asked once the
     * WatchService has reported the file (see the caller), so it does not stand in for the
     * WatchService; it keeps a late event of the append from restarting the window after the test
     * has moved the clock. rescan() of an unchanged directory records nothing.
     */
    private boolean sizeSeen(ContinuousTrainer trainer, Path file) {
        return trainer.rescan() == 0;
    }

    // (7)
    @Test
    void onRestartFilesWrittenWhileDownArePickedUpOnceWithCatchUp() throws IOException {
        Path first = write("first.txt", "1");
        ContinuousTrainer a = trainer(options().stateDirectory(state).catchUpOnStart(true));
        a.start();
        assertThat(a.status().pendingFiles()).as("no marker yet: every export file present counts").containsExactly(first);
        at(s(30));
        a.poll();
        awaitRuns(a, 1);
        a.close();
        try (Stream<Path> stateFiles = Files.list(state)) {
            assertThat(stateFiles.toList()).singleElement()
                    .satisfies(marker -> assertThat(marker.getFileName().toString()).startsWith("processed-exports-"));
        }

        Path second = write("second.txt", "2"); // while down
        Files.writeString(first, "more", StandardOpenOption.APPEND); // changed while down
        write("third.txt.part", "3");
        ContinuousTrainer b = trainer(options().stateDirectory(state).catchUpOnStart(true));
        b.start();
        assertThat(b.status().pendingFiles()).containsExactly(first, second);
        assertThat(b.status().lastChangeAt()).isEqualTo(T0.plus(s(30)));
        at(s(60));
        RetrainRequest caughtUp = b.poll().orElseThrow();
        assertThat(caughtUp.files()).containsExactly(first, second);
        assertThat(caughtUp.reason()).endsWith("(2 found on start, not processed before)");
        awaitRuns(b, 1);
        b.close();

        ContinuousTrainer c = trainer(options().stateDirectory(state).catchUpOnStart(true));
        c.start();
        assertThat(c.status().pendingFiles()).as("already processed: not picked up twice").isEmpty();
        at(s(120));
        assertThat(c.poll()).isEmpty();
        assertThat(job.started).extracting(RetrainRequest::files).containsExactly(List.of(first), List.of(first, second));
    }

    @Test
    void withoutCatchUpFilesWrittenWhileDownAreNotPickedUp() throws IOException {
        write("old.txt", "1");
        ContinuousTrainer trainer = trainer(options().stateDirectory(state));
        trainer.start();
        assertThat(trainer.status().pendingFiles()).isEmpty();
        at(s(60));
        assertThat(trainer.poll()).isEmpty();
    }

    @Test
    void aFailedRunIsNotMarkedProcessedSoACatchUpStartTriesItsFilesAgain() throws IOException {
        Path export = write("ES.txt", "1");
        job.answer(r -> RetrainOutcome.failed("not enough bars"));
        ContinuousTrainer a = trainer(options().stateDirectory(state).catchUpOnStart(true));
        a.start();
        at(s(30));
        a.poll();
        awaitRuns(a, 1);
        a.close();

        ContinuousTrainer b = trainer(options().stateDirectory(state).catchUpOnStart(true));
        b.start();
        assertThat(b.status().pendingFiles()).containsExactly(export);
    }

    @Test
    void closeWaitsForTheRunningRetrainUpToItsTimeoutAndStartsNoQueuedOne() throws IOException {
        ContinuousTrainer trainer = trainer(options());
        job.hold();
        trainer.fileChanged(write("a.txt", "a"));
        at(s(30));
        trainer.poll();
        Waits.until("the run has started", () -> job.started.size() == 1);
        trainer.fileChanged(write("b.txt", "b"));
        at(s(60));
        trainer.poll();
        trainer.fileChanged(write("c.txt", "c")); // debouncing when closed: dropped
        assertThat(trainer.status().queued()).hasSize(1);

        assertThat(trainer.close(Duration.ofMillis(50))).as("the run is still held").isFalse();
        TrainingStatus closing = trainer.status();
        assertThat(closing.state()).isEqualTo(State.RUNNING);
        assertThat(closing.queued()).isEmpty();
        assertThat(closing.pendingFiles()).isEmpty();
        assertThat(closing.watching()).isFalse();

        job.release();
        awaitRuns(trainer, 1);
        assertThat(trainer.status().currentRun()).isNull();
        assertThat(job.started).hasSize(1);
        assertThat(trainer.close(Duration.ZERO)).isTrue();
    }

    @Test
    void afterCloseNothingIsAccepted() throws IOException {
        ContinuousTrainer trainer = trainer(options());
        trainer.close();
        Path a = write("a.txt", "a");
        assertThatThrownBy(() -> trainer.fileChanged(a)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the watcher of " + exports.toAbsolutePath().normalize()
                        + " is closed; build a new one to watch again");
        assertThatThrownBy(() -> trainer.submit(new RetrainRequest("ES", List.of(), "by hand", T0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the retrain queue is closed; the request \"by hand\" was not accepted (submit before close, "
                        + "or build a new queue)");
        assertThat(trainer.poll()).isEmpty();
    }

    @Test
    void aRequestSubmittedByHandSharesTheQueue() throws IOException {
        ContinuousTrainer trainer = trainer(options());
        job.hold();
        RetrainRequest drift = new RetrainRequest("ES", List.of(), "drift: PSI 0.31 > 0.25", T0);
        trainer.submit(drift);
        Waits.until("the drift run has started", () -> job.started.size() == 1);
        trainer.fileChanged(write("a.txt", "a"));
        at(s(30));
        RetrainRequest files = trainer.poll().orElseThrow();
        assertThat(trainer.status().queued()).containsExactly(files);
        job.release();
        awaitRuns(trainer, 2);
        assertThat(job.started).containsExactly(drift, files);
    }

    @Test
    void aDeletedFileLeavesThePendingSet() throws IOException {
        ContinuousTrainer trainer = trainer(options());
        Path a = write("a.txt", "a");
        Path b = write("b.txt", "b");
        trainer.fileChanged(a);
        trainer.fileChanged(b);
        Files.delete(a);
        assertThat(trainer.fileChanged(a)).isFalse();
        assertThat(trainer.status().pendingFiles()).containsExactly(b);
        Files.delete(b);
        assertThat(trainer.rescan()).isZero();
        assertThat(trainer.status().state()).isEqualTo(State.IDLE);
    }

    @Test
    void aFileOutsideTheDirectoryIsRefusedWithTheReason() {
        ContinuousTrainer trainer = trainer(options());
        Path outside = exports.resolve("sub").resolve("a.txt");
        assertThatThrownBy(() -> trainer.fileChanged(outside)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file " + outside + " is not directly in the watched directory "
                        + exports.toAbsolutePath().normalize() + " (subfolders are not watched); move it there, or watch "
                        + "its folder");
    }

    @Test
    void startingOnAMissingDirectorySaysSo() {
        Path missing = exports.resolve("not-there");
        ContinuousTrainer trainer = trainer(options().directory(missing));
        assertThatThrownBy(trainer::start).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("export directory " + missing.toAbsolutePath().normalize()
                        + " does not exist or is not a folder; create it, or give the folder NinjaTrader exports to");
    }

    @Test
    void aCorruptMarkerIsRefusedAtStartWithTheFix() throws IOException {
        Path marker = state.resolve(ProcessedExports.fileName(exports.toAbsolutePath().normalize()));
        Files.writeString(marker, "{ not json");
        ContinuousTrainer trainer = trainer(options().stateDirectory(state).catchUpOnStart(true));
        assertThatThrownBy(trainer::start).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("processed-exports marker " + marker + " cannot be read: ")
                .hasMessageContaining("; delete it (every export file in " + exports.toAbsolutePath().normalize()
                        + " then counts as new once) or restore it from a backup");
    }

    @Test
    void theBuilderListsEveryUnusableOption() {
        assertThatThrownBy(() -> ContinuousTrainer.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("continuous training options are not usable: directory is not set; give the folder the export "
                        + "files arrive in, e.g. directory(Path.of(\"C:/Users/me/Documents/NinjaTrader 8/export\")); job is "
                        + "not set; give the retrain to run, e.g. job(request -> retrain(request))");
        assertThatThrownBy(() -> options().debounce(Duration.ZERO).extensions("csv", "", "tmp").catchUpOnStart(true)
                .closeTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("continuous training options are not usable: debounce is PT0S; give a positive quiet period, "
                        + "e.g. Duration.ofSeconds(30); extension \"\" is blank; give extensions such as \"txt\" or \"csv\"; "
                        + "extension \"tmp\" names partial files, which are always ignored; watch the extension of the "
                        + "finished file instead, e.g. \"csv\"; catchUpOnStart is true but stateDirectory is not set; give "
                        + "a state directory to keep the processed-exports marker in, or turn catch-up off; closeTimeout "
                        + "is PT-1S; give zero or more, e.g. Duration.ofMinutes(1)");
    }

    @Test
    void configuredExtensionsReplaceTheDefaults() throws IOException {
        ContinuousTrainer trainer = trainer(options().extensions(".CSV"));
        assertThat(trainer.fileChanged(write("a.txt", "a"))).isFalse();
        assertThat(trainer.fileChanged(write("a.csv", "a"))).isTrue();
    }
}
