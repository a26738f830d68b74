/**
 * Experience: what a live (or paper) session lived through, one row per decision, kept in the
 * learning database for retraining, analysis and the reasoner's fine-tuning data.
 */
package io.github.rltrading.learning.experience;
