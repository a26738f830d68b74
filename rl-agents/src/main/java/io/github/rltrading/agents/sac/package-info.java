/** Soft actor-critic (SAC) for continuous actions. */
package io.github.rltrading.agents.sac;
