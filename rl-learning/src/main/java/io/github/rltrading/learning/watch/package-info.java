/**
 * Continuous training: retrain when new export files arrive.
 *
 * <p>{@link io.github.rltrading.learning.watch.ContinuousTrainer} watches one directory (not its
 * subfolders) for new or changed {@code .txt} and {@code .csv} files, waits until the directory has
 * been quiet for the debounce period (30 s by default), and submits one
 * {@link io.github.rltrading.learning.watch.RetrainRequest} for every file changed since the last
 * one. A {@link io.github.rltrading.learning.watch.RetrainQueue} runs the caller's
 * {@link io.github.rltrading.learning.watch.RetrainJob} one request at a time on its own thread:
 * requests arriving during a retrain wait and are coalesced, a running retrain is never
 * interrupted, and a failed one is recorded without stopping the queue.
 * {@link io.github.rltrading.learning.watch.TrainingStatus} tells where it stands.
 *
 * <p>Every timing decision is made against an injected {@link java.time.Clock}, in
 * {@code poll()}; the file system's {@link java.nio.file.WatchService} only says which files
 * changed. That is what lets tests move a clock instead of waiting 30 seconds.
 */
package io.github.rltrading.learning.watch;
