/**
 * Saved models and trained agents as policies: {@link io.github.rltrading.agents.model.ModelStore}
 * (a directory with {@code model.json} and bit-exact {@code parameters.bin}), the
 * {@link io.github.rltrading.agents.model.Agent} view shared by PPO, SAC and DQN (an action with a
 * confidence), {@link io.github.rltrading.agents.model.AgentPolicy} (an agent as a session's policy)
 * and the {@code ppo}, {@code sac}, {@code dqn} policy providers.
 */
package io.github.rltrading.agents.model;
