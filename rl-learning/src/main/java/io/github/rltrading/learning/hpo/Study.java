package io.github.rltrading.learning.hpo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hyperparameter search: trials of an {@link Objective}, each with parameters a {@link Sampler}
 * drew from a {@link SearchSpace}, stopped early by a {@link Pruner}, recorded in a
 * {@link StudyStorage}.
 *
 * <pre>{@code
 * Study study = Study.builder("ppo-es", space)
 *         .direction(Direction.MAXIMIZE)
 *         .storage(DatabaseStudyStorage.open(db))
 *         .parallelism(2)
 *         .seed(42)
 *         .build();                       // creates the study, or resumes it
 * TrialRecord best = study.optimize(trial -> evaluate(trial.getDouble("learningRate")), 50);
 * }</pre>
 *
 * <p><b>Resume.</b> {@link Builder#build()} opens the study of that name if the storage has one:
 * it must have the same search space and direction (else the build fails naming the difference);
 * its trials are loaded, numbering continues after the last one, and its COMPLETE and PRUNED trials
 * inform the sampler as if the search had never stopped. A trial still RUNNING in storage was cut
 * off by a crash: it is marked FAIL with the error "interrupted" and is not re-run;
 * {@link #optimize}'s {@code nTrials} counts only the new trials of that call. One process runs a
 * study at a time.
 *
 * <p><b>Parallelism and reproducibility.</b> Trials run on the study's own pool of
 * {@code parallelism} threads (default: the available processors; with 1, on the calling thread).
 * Each trial's parameters are drawn with a generator seeded from the study's seed and the trial's
 * number, from the trials finished at that moment, as Optuna does (running trials are not seen).
 * Hence with parallelism 1 and a deterministic objective a seed reproduces the study exactly; with
 * more threads the set of finished trials each draw sees depends on timing, and only the seeds are
 * reproducible.
 *
 * <p><b>Audit.</b> Every trial is stored when its parameters are drawn (RUNNING, with the sampler
 * seed) and again when it ends, and each end is logged (SLF4J, INFO) with the best value so far.
 */
public final class Study {

    private static final Logger LOG = LoggerFactory.getLogger(Study.class);

    /** The error of a trial found RUNNING when the study was opened. */
    public static final String INTERRUPTED = "interrupted: the trial was still RUNNING when the study was opened again "
            + "(the process running it stopped)";

    private final String name;
    private final SearchSpace space;
    private final Sampler sampler;
    private final Pruner pruner;
    private final Direction direction;
    private final StudyStorage storage;
    private final int parallelism;
    private final long seed;
    private final Clock clock;
    private final ConcurrentSkipListMap<Integer, TrialRecord> trials = new ConcurrentSkipListMap<>();
    /** Held while a trial's parameters are drawn and its number taken, so draws see a consistent history. */
    private final Object drawing = new Object();
    private int nextNumber;
    private final AtomicBoolean optimizing = new AtomicBoolean();

    private Study(Builder b, long seed, List<TrialRecord> stored) {
        this.name = b.name;
        this.space = b.space;
        this.sampler = b.sampler;
        this.pruner = b.pruner;
        this.direction = b.direction;
        this.storage = b.storage;
        this.parallelism = b.parallelism;
        this.seed = seed;
        this.clock = b.clock;
        for (TrialRecord t : stored) {
            trials.put(t.number(), t);
        }
        this.nextNumber = trials.isEmpty() ? 0 : trials.lastKey() + 1;
    }

    /** A study called {@code name} searching {@code space}; see {@link Builder} for the options. */
    public static Builder builder(String name, SearchSpace space) {
        return new Builder(name, space);
    }

    public String name() {
        return name;
    }

    public SearchSpace space() {
        return space;
    }

    public Direction direction() {
        return direction;
    }

    /** The seed trials' sampler seeds are derived from. */
    public long seed() {
        return seed;
    }

    public int parallelism() {
        return parallelism;
    }

    /** Every trial so far, resumed ones included, in number order. */
    public List<TrialRecord> trials() {
        return new ArrayList<>(trials.values());
    }

    /** The COMPLETE trial with the best value (the lowest-numbered of equals), if any completed. */
    public Optional<TrialRecord> bestTrial() {
        return trials.values().stream().filter(TrialRecord::isComplete)
                .min(Comparator.<TrialRecord>comparingDouble(t -> direction.toLoss(t.value())).thenComparingInt(TrialRecord::number));
    }

    /**
     * Runs {@code nTrials} new trials and returns the study's best trial (over all its trials,
     * resumed ones included). Trials whose objective throws are recorded as FAIL and the search
     * goes on; a failure to store a trial, or an {@link Error}, stops it: trials already running
     * finish, no new ones start, and the failure is thrown.
     *
     * @throws IllegalStateException if no trial of the study has completed, or the thread was
     *                               interrupted while waiting (running trials are then interrupted too)
     */
    public TrialRecord optimize(Objective objective, int nTrials) {
        Objects.requireNonNull(objective, "objective");
        if (nTrials < 0) {
            throw new IllegalArgumentException("nTrials must be >= 0, got " + nTrials);
        }
        if (!optimizing.compareAndSet(false, true)) {
            throw new IllegalStateException("study \"" + name + "\" is already optimizing on another thread; "
                    + "raise its parallelism instead of calling optimize twice");
        }
        try {
            runTrials(objective, nTrials);
        } finally {
            optimizing.set(false);
        }
        return bestTrial().orElseThrow(() -> new IllegalStateException("no trial of study \"" + name + "\" completed ("
                + trials.size() + " trials" + lastError().map(e -> "; last error: " + e).orElse("")
                + "); check the objective"));
    }

    private Optional<String> lastError() {
        return trials.descendingMap().values().stream().map(TrialRecord::error).filter(Objects::nonNull).findFirst();
    }

    private void runTrials(Objective objective, int nTrials) {
        int threads = Math.min(parallelism, Math.max(1, nTrials));
        if (threads == 1) {
            for (int i = 0; i < nTrials; i++) {
                runTrial(objective);
            }
            return;
        }
        AtomicInteger claimed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory());
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    while (!stop.get() && claimed.getAndIncrement() < nTrials) {
                        try {
                            runTrial(objective);
                        } catch (RuntimeException | Error e) {
                            stop.set(true);
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            Throwable failure = null;
            for (Future<?> f : workers) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    } else {
                        failure.addSuppressed(e.getCause());
                    }
                }
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure instanceof Error err) {
                throw err;
            }
            if (failure != null) {
                throw new IllegalStateException("study \"" + name + "\" stopped: " + failure, failure);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while study \"" + name + "\" was running; its running trials were "
                    + "interrupted too", e);
        } finally {
            pool.shutdown();
        }
    }

    private ThreadFactory threadFactory() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory base = Executors.defaultThreadFactory();
        return r -> {
            Thread t = base.newThread(r);
            t.setName("hpo-" + name + "-" + count.incrementAndGet());
            return t;
        };
    }

    private void runTrial(Objective objective) {
        TrialRecord running;
        synchronized (drawing) {
            int number = nextNumber++;
            long trialSeed = trialSeed(seed, number);
            Map<String, Object> params = sampler.sample(space, finishedTrials(), direction, new SplittableRandom(trialSeed));
            try {
                space.requireValid(params);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("sampler " + sampler.description() + " drew invalid parameters for trial "
                        + number + " of study \"" + name + "\": " + e.getMessage(), e);
            }
            running = TrialRecord.running(number, params, trialSeed, clock.instant());
            storage.saveTrial(name, running);
            trials.put(number, running);
        }
        Trial trial = new Trial(name, running.number(), running.params(), running.samplerSeed(), this::pruneAdvice);
        TrialState state;
        double value = Double.NaN;
        String error = null;
        Error fatal = null;
        try {
            value = objective.evaluate(trial);
            if (Double.isNaN(value)) {
                state = TrialState.FAIL;
                error = "the objective returned NaN";
            } else {
                state = TrialState.COMPLETE;
            }
        } catch (TrialPruned pruned) {
            state = TrialState.PRUNED;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            state = TrialState.FAIL;
            error = describe(e);
            LOG.warn("study {} trial {} failed: {}", name, running.number(), error, e);
        } catch (Error e) {
            state = TrialState.FAIL;
            error = describe(e);
            fatal = e;
        }
        TrialRecord done = running.finish(state, value, trial.intermediateValues(), clock.instant(), error);
        storage.saveTrial(name, done);
        trials.put(done.number(), done);
        logFinished(done);
        if (fatal != null) {
            throw fatal;
        }
    }

    private boolean pruneAdvice(Trial trial) {
        TrialRecord snapshot = trials.get(trial.number());
        TrialRecord current = new TrialRecord(snapshot.number(), TrialState.RUNNING, snapshot.params(), Double.NaN,
                trial.intermediateValues(), snapshot.samplerSeed(), snapshot.started(), null, null);
        return pruner.shouldPrune(current, finishedTrials(), direction);
    }

    private List<TrialRecord> finishedTrials() {
        return trials.values().stream().filter(t -> t.state().isFinished()).toList();
    }

    private void logFinished(TrialRecord t) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long ms = Duration.between(t.started(), t.finished()).toMillis();
        String outcome = switch (t.state()) {
            case COMPLETE -> "value " + t.value();
            case PRUNED -> "pruned at step " + t.lastStep();
            case FAIL -> "failed (" + t.error() + ")";
            case RUNNING -> "running";
        };
        String best = bestTrial().map(b -> "trial " + b.number() + " with " + b.value()).orElse("none yet");
        LOG.info("study {} trial {} finished in {} ms: {}, params {}; best so far: {}", name, t.number(), ms, outcome,
                t.params(), best);
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The sampler seed of trial {@code number}: SplitMix64 of the study seed stepped {@code number + 1} times. */
    static long trialSeed(long studySeed, int number) {
        long z = studySeed + 0x9E3779B97F4A7C15L * (number + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Options of a {@link Study}; only the name and the space are required. */
    public static final class Builder {
        private final String name;
        private final SearchSpace space;
        private Sampler sampler = TpeSampler.defaults();
        private Pruner pruner = MedianPruner.defaults();
        private Direction direction = Direction.MINIMIZE;
        private StudyStorage storage;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private Long seed;
        private Clock clock = Clock.systemUTC();

        private Builder(String name, SearchSpace space) {
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("study name must be 1 to 200 characters and not blank, got "
                        + (name == null ? "null" : "\"" + name + "\""));
            }
            this.name = name;
            this.space = Objects.requireNonNull(space, "space");
        }

        /** How parameters are drawn (default: {@link TpeSampler#defaults()}). */
        public Builder sampler(Sampler value) {
            sampler = Objects.requireNonNull(value, "sampler");
            return this;
        }

        /** When trials stop early (default: {@link MedianPruner#defaults()}; {@link Pruner#none()} to never prune). */
        public Builder pruner(Pruner value) {
            pruner = Objects.requireNonNull(value, "pruner");
            return this;
        }

        /** Minimise (the default) or maximise the objective. */
        public Builder direction(Direction value) {
            direction = Objects.requireNonNull(value, "direction");
            return this;
        }

        /** Where the study is kept (default: a new {@link InMemoryStudyStorage}). */
        public Builder storage(StudyStorage value) {
            storage = Objects.requireNonNull(value, "storage");
            return this;
        }

        /** Trials run at once (default: the available processors); 1 for an exactly reproducible study. */
        public Builder parallelism(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("study parallelism must be >= 1, got " + value);
            }
            parallelism = value;
            return this;
        }

        /**
         * The seed trials derive their sampler seeds from. Default: the stored seed when the study is
         * resumed, else a random one (logged and stored, so the study can be re-run).
         */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** The clock for trial start and end times (default: the system clock, UTC). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Creates the study in its storage, or resumes the stored one of the same name.
         *
         * @throws IllegalArgumentException if a stored study of this name has another search space or direction
         */
        public Study build() {
            if (storage == null) {
                storage = new InMemoryStudyStorage();
            }
            Optional<StudyRecord> existing = storage.findStudy(name);
            long studySeed;
            if (existing.isPresent()) {
                StudyRecord stored = existing.get();
                stored.space().firstDifference(space, "the stored study", "the space given").ifPresent(difference -> {
                    throw new IllegalArgumentException("study \"" + name + "\" cannot be resumed with another search space: "
                            + difference + "; resume it with its stored space or start a study under a new name");
                });
                if (stored.direction() != direction) {
                    throw new IllegalArgumentException("study \"" + name + "\" was created to " + stored.direction()
                            + " but " + direction + " was given; resume it with " + stored.direction()
                            + " or start a study under a new name");
                }
                studySeed = seed != null ? seed : stored.seed();
            } else {
                studySeed = seed != null ? seed : new SplittableRandom().nextLong();
                storage.createStudy(new StudyRecord(name, direction, space, sampler.description(), studySeed, clock.instant()));
            }
            List<TrialRecord> loaded = new ArrayList<>();
            int interrupted = 0;
            for (TrialRecord t : storage.loadTrials(name)) {
                try {
                    space.requireValid(t.params());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("stored trial " + t.number() + " of study \"" + name + "\" does not fit "
                            + "its search space: " + e.getMessage() + "; the storage was changed by hand or is corrupt", e);
                }
                if (t.state() == TrialState.RUNNING) {
                    t = t.finish(TrialState.FAIL, Double.NaN, t.intermediateValues(), clock.instant(), INTERRUPTED);
                    storage.saveTrial(name, t);
                    interrupted++;
                }
                loaded.add(t);
            }
            Study study = new Study(this, studySeed, loaded);
            if (existing.isPresent()) {
                LOG.info("study {} resumed: {} stored trials ({} complete, {} pruned, {} failed of which {} interrupted); "
                        + "next trial is {}; seed {}, sampler {}", name, loaded.size(), count(loaded, TrialState.COMPLETE),
                        count(loaded, TrialState.PRUNED), count(loaded, TrialState.FAIL), interrupted, study.nextNumber,
                        studySeed, sampler.description());
            } else {
                LOG.info("study {} created: {} {}, seed {}, sampler {}, pruner {}, parallelism {}", name, direction, space,
                        studySeed, sampler.description(), pruner.description(), parallelism);
            }
            return study;
        }

        private static long count(List<TrialRecord> trials, TrialState state) {
            return trials.stream().filter(t -> t.state() == state).count();
        }
    }
}
