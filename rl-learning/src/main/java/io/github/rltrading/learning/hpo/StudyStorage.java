package io.github.rltrading.learning.hpo;

import java.util.List;
import java.util.Optional;

/**
 * Where studies and their trials are kept: {@link InMemoryStudyStorage} for one-off searches,
 * {@link DatabaseStudyStorage} so that a search survives a crash and leaves an audit log.
 *
 * <p>Implementations must be safe to call from several threads. A study is run by one process at a
 * time: the storage does not arbitrate between two processes running the same study.
 */
public interface StudyStorage {

    /** The study called {@code name}, if it was created. */
    Optional<StudyRecord> findStudy(String name);

    /**
     * Stores a new study.
     *
     * @throws IllegalStateException if a study of that name exists
     */
    void createStudy(StudyRecord study);

    /** Every trial of study {@code name}, in number order; empty for an unknown study. */
    List<TrialRecord> loadTrials(String name);

    /** Inserts the trial or, if the study has one of that number, replaces it. */
    void saveTrial(String name, TrialRecord trial);
}
