/**
 * The journal: an append-only JSON Lines record of every event of a trading session (bar,
 * decision with rationale, reasoner assessment, risk verdict, order, fill, reflection, error), so
 * that every decision can be explained afterwards.
 *
 * <p>{@link io.github.rltrading.core.journal.JsonLinesJournal} writes it with size and day
 * rotation and a configurable {@link io.github.rltrading.core.journal.SyncPolicy}; on open it
 * repairs a torn last line left by a crash. {@link io.github.rltrading.core.journal.JournalReader}
 * streams it back across rotated files.
 */
package io.github.rltrading.core.journal;
