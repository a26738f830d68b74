package io.github.rltrading.learning.watch;

/**
 * The retraining itself, supplied by the caller: typically it loads the instrument's production
 * model from the registry, continues training it on the export files of the request, runs the
 * hyperparameter search and the promotion rule, and says what happened.
 *
 * <p>{@link RetrainQueue} calls it on its own thread, one request at a time, and never interrupts
 * it. An exception it throws is logged and recorded as a failed run; the queue goes on with the
 * next request.
 */
@FunctionalInterface
public interface RetrainJob {

    /**
     * Retrains for one request.
     *
     * @param request what to retrain on and why
     * @return what happened; {@code null} is recorded as a failure
     * @throws Exception when the retrain could not be done; recorded as a failure
     */
    RetrainOutcome run(RetrainRequest request) throws Exception;
}
