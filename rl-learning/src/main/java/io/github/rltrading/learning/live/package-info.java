/**
 * What runs inside a live or paper session: {@link io.github.rltrading.learning.live.ExperienceRecorder}
 * writes each decision and what followed into the experience store, and
 * {@link io.github.rltrading.learning.live.ShadowPolicy} runs a challenger beside production on the
 * same bars without trading it, keeping (and journaling) both models' would-be P&amp;L.
 *
 * <p>Both wrap the session's {@link io.github.rltrading.core.spi.Policy}, so they need nothing from
 * the session but the observations it already builds.
 */
package io.github.rltrading.learning.live;
