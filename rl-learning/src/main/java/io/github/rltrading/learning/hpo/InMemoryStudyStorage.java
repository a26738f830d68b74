package io.github.rltrading.learning.hpo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Keeps studies in memory for the life of this object: for tests, benchmarks and throw-away searches. */
public final class InMemoryStudyStorage implements StudyStorage {

    private final Map<String, StudyRecord> studies = new HashMap<>();
    private final Map<String, TreeMap<Integer, TrialRecord>> trials = new HashMap<>();

    @Override
    public synchronized Optional<StudyRecord> findStudy(String name) {
        return Optional.ofNullable(studies.get(name));
    }

    @Override
    public synchronized void createStudy(StudyRecord study) {
        if (studies.containsKey(study.name())) {
            throw new IllegalStateException("study \"" + study.name() + "\" already exists; open it instead of creating it");
        }
        studies.put(study.name(), study);
        trials.put(study.name(), new TreeMap<>());
    }

    @Override
    public synchronized List<TrialRecord> loadTrials(String name) {
        TreeMap<Integer, TrialRecord> byNumber = trials.get(name);
        return byNumber == null ? List.of() : new ArrayList<>(byNumber.values());
    }

    @Override
    public synchronized void saveTrial(String name, TrialRecord trial) {
        TreeMap<Integer, TrialRecord> byNumber = trials.get(name);
        if (byNumber == null) {
            throw new IllegalStateException("no study \"" + name + "\" to save trial " + trial.number() + " in; create the study first");
        }
        byNumber.put(trial.number(), trial);
    }
}
