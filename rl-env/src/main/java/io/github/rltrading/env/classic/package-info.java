/**
 * Classic-control environments ported from Gymnasium 1.x for RL correctness tests:
 * {@link io.github.rltrading.env.classic.CartPole} ({@code CartPole-v1}) and
 * {@link io.github.rltrading.env.classic.Pendulum} ({@code Pendulum-v1}), with Gymnasium's
 * dynamics, rewards, termination and time limits. Their transitions are checked against
 * recordings from Gymnasium 1.3.0. Reset states come from Java's {@link java.util.SplittableRandom}:
 * the same seed does not give Gymnasium's (NumPy's) start state.
 */
package io.github.rltrading.env.classic;
