package io.github.rltrading.learning.finetune;

/** Why an experience was not exported. */
public enum SkipReason {
    /** No reflection (null or blank): there is no answer to train on. */
    NO_REFLECTION,
    /** A reflection but no trade outcome, so it can be labelled neither high-value nor failed. */
    NO_OUTCOME,
    /** Net P&amp;L of 0 or more but below the high-value threshold: neither a lesson nor an example. */
    BELOW_HIGH_VALUE
}
