/**
 * The model registry: every trained model as a numbered, immutable version
 * ({@code v{n}_{yyyyMMdd_HHmmss}}) with what it was trained on and how it scored, a production
 * pointer per instrument that moves atomically (promotion, rollback to any earlier version), an
 * audit log of every change, and {@link io.github.rltrading.learning.registry.ProductionPolicy}, a
 * session policy that follows the pointer and swaps models between bars.
 *
 * <p>Model files live under one folder, a subfolder per version (copied in, never changed after);
 * the index, pointers and audit log live in the learning database.
 */
package io.github.rltrading.learning.registry;
