package io.github.rltrading.learning.store;

/** A failure of the learning database, naming the file and what was being done. */
public final class LearningStoreException extends RuntimeException {

    public LearningStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public LearningStoreException(String message) {
        super(message);
    }
}
