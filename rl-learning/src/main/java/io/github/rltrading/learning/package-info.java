/**
 * Learning from experience, after a model is in use.
 *
 * <ul>
 *   <li>{@code store}: the embedded database (SQLite through JDBC, WAL, durable commits) that the
 *       other parts keep their tables in.</li>
 *   <li>{@code experience}: what a live session lived through, one row per decision, for training
 *       and for the reasoner's fine-tuning data.</li>
 *   <li>{@code registry}: versioned models, a production pointer per instrument, promotion,
 *       rollback and an audit log.</li>
 *   <li>{@code hpo}: hyperparameter search (TPE as Optuna defines it, a median pruner), which every
 *       retraining runs.</li>
 *   <li>{@code drift}: population stability index, Kolmogorov–Smirnov and Page–Hinkley checks that
 *       ask for a retrain.</li>
 *   <li>{@code training}: the two loops, continuous training on new export files and continuous
 *       learning on new experience, with the promotion rule and shadow evaluation.</li>
 * </ul>
 */
package io.github.rltrading.learning;
