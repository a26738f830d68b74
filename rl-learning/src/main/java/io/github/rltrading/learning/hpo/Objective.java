package io.github.rltrading.learning.hpo;

/**
 * What a study optimises: trains and evaluates with the trial's parameters and returns the value
 * (minimised or maximised as the study's {@link Direction} says).
 *
 * <p>Throwing marks the trial {@link TrialState#FAIL} with the exception's message and the study
 * goes on; {@link TrialPruned} marks it {@link TrialState#PRUNED}; returning NaN is a failure too.
 * With a parallelism above 1 the study calls it from several threads at once.
 */
@FunctionalInterface
public interface Objective {
    double evaluate(Trial trial) throws Exception;
}
